/** The handoff area: the dialog that queues a customer for a human, and the gate that keeps the bot quiet meanwhile. */
import type { StatePropertyAccessor } from 'botbuilder';
import type { CustomerState } from '../turn/customerState';
import type { CustomerProfile } from '../../services/customers/profile';
import type { HandoffService } from '../../services/handoff';
import type { TicketService } from '../../services/tickets';
import type { DialogArea } from '../flow/area';
import { HandoffDialog } from './handoffDialog';
import { HandoffGate } from './handoffGate';
import { HANDOFF_DIALOG } from './ids';
import { RecentTurns } from './recentTurns';

export { HANDOFF_DIALOG } from './ids';
export type { HandoffOptions } from './ids';
export { HandoffDialog } from './handoffDialog';
export { HandoffGate } from './handoffGate';
export { RecentTurns } from './recentTurns';

export interface HandoffArea extends DialogArea {
  /** goes FIRST in the bot's turn middleware */
  gate: HandoffGate;
}

export interface HandoffAreaDeps {
  handoffs: HandoffService;
  state: CustomerState;
  profile: StatePropertyAccessor<CustomerProfile>;
  /** lets the summary name the customer's open ticket */
  tickets?: TicketService;
}

export function createHandoffArea(deps: HandoffAreaDeps): HandoffArea {
  const recentTurns = new RecentTurns(deps.state);
  return {
    name: 'handoff',
    dialogs: [new HandoffDialog(deps.handoffs, recentTurns, deps.profile, deps.tickets)],
    routes: { human_agent: HANDOFF_DIALOG },
    gate: new HandoffGate(deps.handoffs, recentTurns, deps.profile),
  };
}
