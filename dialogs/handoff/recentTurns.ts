/**
 * The customer's last few messages, kept in the customer's state (so on every channel) for the handoff
 * summary an agent reads. Only in state, never in logs; bounded in count and length.
 */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { CustomerState } from '../turn/customerState';

export const RECENT_TURNS_PROPERTY = 'recentTurns';
const KEEP = 6;
const MAX_CHARS = 300;

export interface RecentTurn {
  at: string; // ISO time
  text: string;
}

export class RecentTurns {
  private readonly accessor: StatePropertyAccessor<RecentTurn[]>;

  constructor(state: CustomerState) {
    this.accessor = state.createProperty<RecentTurn[]>(RECENT_TURNS_PROPERTY);
  }

  async remember(context: TurnContext): Promise<void> {
    // the agent sees 139****5678: enough to recognise, nothing to leak from an admin list
    const text = (context.activity.text ?? '').trim().slice(0, MAX_CHARS).replace(/(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g, '$1****$2');
    const photos = (context.activity.attachments ?? []).length;
    if (!text && photos === 0) return;
    const turns = await this.accessor.get(context, []);
    const entry = { at: new Date().toISOString(), text: text || `[${photos} attachment(s)]` };
    await this.accessor.set(context, [...turns, entry].slice(-KEEP));
  }

  async read(context: TurnContext): Promise<RecentTurn[]> {
    return this.accessor.get(context, []);
  }
}
