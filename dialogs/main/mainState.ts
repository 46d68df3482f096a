/**
 * MainDialog's own part of the customer's state (property 'main'): how many messages in a row it could
 * not help with. Kept apart from the areas' state (it used to live in the shopping guide's), so each
 * part of the dialogs writes only what it owns.
 */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';

export interface MainState {
  /** consecutive messages MainDialog could not help with */
  misses?: number;
}

export const MAIN_STATE_PROPERTY = 'main';

/** Consecutive misses, across turns. */
export class MissCounter {
  constructor(private readonly state: StatePropertyAccessor<MainState>) {}

  async count(context: TurnContext): Promise<number> {
    return (await this.state.get(context))?.misses ?? 0;
  }

  async set(context: TurnContext, misses: number): Promise<void> {
    const state = (await this.state.get(context)) ?? {};
    // only a change is written: most turns leave the counter at 0
    if ((state.misses ?? 0) !== misses) await this.state.set(context, { ...state, misses });
  }

  reset(context: TurnContext): Promise<void> {
    return this.set(context, 0);
  }
}
