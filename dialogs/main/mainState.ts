/**
 * MainDialog's own part of the customer's state (property 'main'): how many messages in a row it could
 * not help with, how the conversation's mood has gone lately (for escalation in context), and the
 * requests of a message that asked for several things at once, still to be handled. Kept apart from the
 * areas' state, so each part of the dialogs writes only what it owns.
 */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';

/** The mood of the last turns: anger that builds up over several messages adds up here. */
export interface AngerState {
  /** the rolling level: each turn halves it and adds the new message's anger */
  level: number;
  /** complaints, waiting or asking again in a row */
  strikes: number;
  /** the intent of the last message: the same status question again is asking again */
  intent?: string;
  /** when it was last written (ISO): an old mood is forgotten */
  at: string;
}

export interface MainState {
  /** consecutive messages MainDialog could not help with */
  misses?: number;
  anger?: AngerState;
  /** further requests of one message ("查下快递，顺便推荐个面霜"), run after the current flow ends */
  queued?: string[];
}

export const MAIN_STATE_PROPERTY = 'main';

/** Reads and writes one field of MainState, writing only a change (most turns change nothing). */
class MainStateField<K extends keyof MainState> {
  constructor(
    private readonly state: StatePropertyAccessor<MainState>,
    private readonly key: K,
  ) {}

  async get(context: TurnContext): Promise<MainState[K]> {
    return (await this.state.get(context))?.[this.key];
  }

  async set(context: TurnContext, value: MainState[K]): Promise<void> {
    const state = (await this.state.get(context)) ?? {};
    if (JSON.stringify(state[this.key]) === JSON.stringify(value)) return;
    const next = { ...state, [this.key]: value };
    if (value === undefined) delete next[this.key];
    await this.state.set(context, next);
  }
}

/** Consecutive misses, across turns. */
export class MissCounter {
  private readonly field: MainStateField<'misses'>;

  constructor(state: StatePropertyAccessor<MainState>) {
    this.field = new MainStateField(state, 'misses');
  }

  async count(context: TurnContext): Promise<number> {
    return (await this.field.get(context)) ?? 0;
  }

  async set(context: TurnContext, misses: number): Promise<void> {
    // 0 is written as a change only when there was a count (the field of a new customer stays absent)
    if (misses === (await this.count(context))) return;
    await this.field.set(context, misses);
  }

  reset(context: TurnContext): Promise<void> {
    return this.set(context, 0);
  }
}

/** The further requests of a message, in order. */
export class RequestQueue {
  private readonly field: MainStateField<'queued'>;

  constructor(state: StatePropertyAccessor<MainState>) {
    this.field = new MainStateField(state, 'queued');
  }

  async push(context: TurnContext, texts: string[]): Promise<void> {
    if (texts.length === 0) return;
    await this.field.set(context, [...((await this.field.get(context)) ?? []), ...texts].slice(0, 3));
  }

  /** The next request, removed from the queue. */
  async shift(context: TurnContext): Promise<string | undefined> {
    const [next, ...rest] = (await this.field.get(context)) ?? [];
    if (next !== undefined) await this.field.set(context, rest.length ? rest : undefined);
    return next;
  }

  clear(context: TurnContext): Promise<void> {
    return this.field.set(context, undefined);
  }
}

/** The rolling anger state. */
export class AngerMemory {
  private readonly field: MainStateField<'anger'>;

  constructor(state: StatePropertyAccessor<MainState>) {
    this.field = new MainStateField(state, 'anger');
  }

  get(context: TurnContext): Promise<AngerState | undefined> {
    return this.field.get(context);
  }

  set(context: TurnContext, anger: AngerState | undefined): Promise<void> {
    return this.field.set(context, anger);
  }
}
