/**
 * Bot state keyed by customer, not by channel conversation: the dialog stack and the profile follow
 * the customer from one entry point to the next. Unlike botbuilder's BotState (which saves with
 * eTag '*', last writer wins), a save here is conditional on the eTag read at the start of the turn;
 * a concurrent change makes it fail with EtagConflictError and the turn is retried.
 */
import { BotState, Storage, TurnContext } from 'botbuilder';
import { EtagConflictError, IF_ABSENT } from '../../storage/botStateStorage';


export const CUSTOMER_ID = Symbol('customerId');

export function customerIdOf(context: TurnContext): string {
  const id = context.turnState.get(CUSTOMER_ID) as string | undefined;
  if (!id) throw new Error('no customer resolved for this turn');
  return id;
}

export function customerStateKey(customerId: string): string {
  return `customer/${customerId}`;
}

interface Cached {
  state: Record<string, unknown> & { eTag?: string };
  /** the state as last loaded or saved (changeMark): a save is skipped when it is unchanged */
  hash: string;
}

/**
 * The state as JSON without its eTag. botbuilder's calculateChangeHash hashes the same text, but builds it
 * with a replacer called on every value, and a turn needs it three times; plain JSON is a few times cheaper.
 */
function changeMark(state: Record<string, unknown>): string {
  const { eTag: _eTag, ...rest } = state;
  return JSON.stringify(rest);
}

export class CustomerState extends BotState {
  /** where the cached state lives in turnState (BotState keeps its own key private) */
  private readonly cacheKey = Symbol('customerStateCache');

  constructor(private readonly customerStorage: Storage) {
    super(customerStorage, async (context) => customerStateKey(customerIdOf(context)));
  }

  override async load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    const cached = context.turnState.get(this.cacheKey) as Cached | undefined;
    if (!force && cached) return cached.state;
    const key = customerStateKey(customerIdOf(context));
    const items = await this.customerStorage.read([key]);
    const state = (items[key] as Cached['state'] | undefined) ?? {};
    context.turnState.set(this.cacheKey, { state, hash: changeMark(state) });
    return state;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const cached = context.turnState.get(this.cacheKey) as Cached | undefined;
    if (!cached) return;
    const mark = changeMark(cached.state);
    if (!force && cached.hash === mark) return;
    const key = customerStateKey(customerIdOf(context));
    if (!cached.state.eTag) cached.state.eTag = IF_ABSENT;
    // the storage writes the new eTag back into cached.state
    await this.customerStorage.write({ [key]: cached.state });
    cached.hash = mark; // the write changed only the eTag, which the mark leaves out
  }

  override async clear(context: TurnContext): Promise<void> {
    const cached = context.turnState.get(this.cacheKey) as Cached | undefined;
    const eTag = cached?.state.eTag;
    context.turnState.set(this.cacheKey, { state: eTag ? { eTag } : {}, hash: '' });
  }

  override async delete(context: TurnContext): Promise<void> {
    context.turnState.delete(this.cacheKey);
    await this.customerStorage.delete([customerStateKey(customerIdOf(context))]);
  }

  override get(context: TurnContext): Record<string, unknown> | undefined {
    return (context.turnState.get(this.cacheKey) as Cached | undefined)?.state;
  }

  /**
   * Merge hook for linked identities: the survivor keeps its dialog; profile fields it lacks are
   * filled from the merged customer's profile; the merged customer's state is removed.
   */
  async merge(survivorId: string, mergedId: string): Promise<void> {
    const [keepKey, goneKey] = [customerStateKey(survivorId), customerStateKey(mergedId)];
    for (let attempt = 0; attempt < 5; attempt++) {
      const items = await this.customerStorage.read([keepKey, goneKey]);
      const gone = items[goneKey] as Cached['state'] | undefined;
      if (!gone) return;
      const keep = (items[keepKey] as Cached['state'] | undefined) ?? {};
      const { eTag: _goneTag, ...goneData } = gone;
      const merged: Cached['state'] = { ...goneData, ...keep, eTag: keep.eTag ?? IF_ABSENT };
      const keepProfile = (keep.profile ?? {}) as Record<string, unknown>;
      const goneProfile = (gone.profile ?? {}) as Record<string, unknown>;
      merged.profile = { ...goneProfile, ...keepProfile };
      if (!keep.dialogState && gone.dialogState) merged.dialogState = gone.dialogState;
      try {
        await this.customerStorage.write({ [keepKey]: merged });
        await this.customerStorage.delete([goneKey]);
        return;
      } catch (err) {
        if (!(err instanceof EtagConflictError)) throw err;
      }
    }
    throw new EtagConflictError(keepKey);
  }

  /** Forget this turn's cached copy (before a retry). */
  forget(context: TurnContext): void {
    context.turnState.delete(this.cacheKey);
  }
}

export { EtagConflictError };
