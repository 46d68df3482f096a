/**
 * The safety area: pregnancy, breastfeeding and trying to conceive with a product or ingredient, combining
 * actives, and skin reactions (advice first, then after-sales). Taken on what the message says (a signal),
 * before intent routing; the answers come from the sourced table in knowledge/safety.
 */
import type { GuidedArea } from '../flow/area';
import { SafetyDeps, SafetyDialog } from './safetyDialog';
import { safetySignal } from './safetySignal';

export function createSafetyArea(deps: SafetyDeps): GuidedArea {
  return { name: 'safety', dialogs: [new SafetyDialog(deps)], routes: {}, signals: [safetySignal] };
}

export { SAFETY_DIALOG, safetyTopic } from './safetySignal';
export type { SafetyDeps } from './safetyDialog';
