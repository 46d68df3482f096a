/**
 * Which messages the safety area takes (before intent routing): a skin reaction after using something,
 * a life stage with a question about using a product or ingredient (not a request for recommendations,
 * which the shopping guide filters by life stage), and a question about combining actives.
 */
import type { TurnContext } from 'botbuilder';
import { activesIn, asksForRecommendation, asksSeveralActives, asksTogether, isReaction, lifeStageIn, type LifeStage } from '../../knowledge/safety';
import { frameOf } from '../../nlu/types';
import type { CustomerProfile } from '../../services/customers/profile';
import type { SignalRoute } from '../flow/area';
import { nluResultOf } from '../turn/turnContracts';

export const SAFETY_DIALOG = 'safetyDialog';

/** 这款 / 它 / this one / it: the product in focus */
export const THIS_ONE = /这款|这个|这支|这瓶|这只|这一款|它|刚才那|上面那|this one|this product|\bit\b|\bthis\b|that one/i;

export type SafetyKind = 'reaction' | 'lifeStage' | 'combination';

export interface SafetyTopic {
  kind: SafetyKind;
  stage?: LifeStage;
  several?: boolean;
}

/** what the message asks the safety area, if anything */
export function safetyTopic(context: TurnContext, profile: CustomerProfile): SafetyTopic | undefined {
  const text = context.activity.text ?? '';
  if (!text.trim()) return undefined;
  if (isReaction(text)) return { kind: 'reaction' };
  const actives = activesIn(text);
  const stage = frameOf(nluResultOf(context)).lifeStage ?? lifeStageIn(text);
  if (stage && (actives.length > 0 || !asksForRecommendation(text))) return { kind: 'lifeStage', stage };
  if (asksSeveralActives(text)) return { kind: 'combination', several: true };
  if (actives.length >= 2 && asksTogether(text)) return { kind: 'combination' };
  const focus = Boolean(profile.viewedProducts?.length) && THIS_ONE.test(text);
  if (actives.length === 1 && focus && asksTogether(text)) return { kind: 'combination' };
  return undefined;
}

export const safetySignal: SignalRoute = {
  dialogId: SAFETY_DIALOG,
  matches: (context, profile) => safetyTopic(context, profile) !== undefined,
};
