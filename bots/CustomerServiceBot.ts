/**
 * The turn pipeline, the same for every channel:
 *   who is this customer → (serialized per customer) interceptors (handoff gate, account linking)
 *   → recognize → MainDialog → save state (eTag-checked; on conflict the turn is retried) → replies.
 *
 * Replies are held until the state is saved, so a retried turn never speaks twice and a customer never
 * sees an answer whose state was lost.
 */
import { Activity, ActivityTypes, ResourceResponse, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogState } from 'botbuilder-dialogs';
import type { Recognizer } from '../nlu/types';
import type { CustomerDirectory } from '../services/customers/customerDirectory';
import type { ConversationReferences } from '../services/customers/conversationReferences';
import type { CustomerLock } from '../services/customers/customerLock';
import type { Logger } from '../platform/logger';
import { EtagConflictError } from '../storage/botStateStorage';
import { CUSTOMER_ID, CustomerState } from '../dialogs/turn/customerState';
import { NLU_RESULT, takeAfterTurnTasks, TurnInterceptor } from '../dialogs/turn/turnContracts';
import type { TurnObserver, TurnOutcome } from '../services/analytics/turnOutcome';

/** The dialog the bot runs: MainDialog in production, anything with the same shape in tests. */
export interface RootDialog {
  run(context: TurnContext, accessor: StatePropertyAccessor<DialogState>): Promise<void>;
}

export interface CustomerServiceBotDeps {
  directory: CustomerDirectory;
  references: ConversationReferences;
  lock: CustomerLock;
  state: CustomerState;
  recognizer: Recognizer;
  dialog: RootDialog;
  logger: Logger;
  interceptors?: TurnInterceptor[];
  observers?: TurnObserver[];
  /** attempts when a concurrent change beat us to the customer's state */
  maxAttempts?: number;
  /** longest message text we run through recognition */
  maxTextLength?: number;
}

const BUFFERED_TYPES = new Set<string>([ActivityTypes.Message, ActivityTypes.Typing, ActivityTypes.Event, 'delay']);
const OUTBOX = Symbol('outbox');

interface Outbox {
  holding: boolean;
  items: Partial<Activity>[];
}

export class CustomerServiceBot {
  readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly maxAttempts: number;
  private readonly maxTextLength: number;
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly deps: CustomerServiceBotDeps) {
    this.dialogState = deps.state.createProperty<DialogState>('dialogState');
    this.maxAttempts = deps.maxAttempts ?? 8;
    this.maxTextLength = deps.maxTextLength ?? 2000;
  }

  /** Turns currently running (graceful shutdown waits for 0). */
  get activeTurns(): number {
    return this.inFlight;
  }

  /** Resolves when no turn is running. */
  async idle(): Promise<void> {
    if (this.inFlight === 0) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  /** Entry point for every adapter: `adapter.process(req, res, (ctx) => bot.run(ctx))`. */
  async run(context: TurnContext): Promise<void> {
    this.inFlight++;
    try {
      const activity = context.activity;
      if (activity.type === ActivityTypes.Message) await this.onMessage(context);
      else if (activity.type === ActivityTypes.ConversationUpdate) await this.onConversationUpdate(context);
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    }
  }

  private async onConversationUpdate(context: TurnContext): Promise<void> {
    const added = context.activity.membersAdded ?? [];
    const botId = context.activity.recipient?.id;
    if (!added.some((m) => m.id !== botId)) return;
    const en = (context.activity.locale ?? '').toLowerCase().startsWith('en');
    await context.sendActivity(
      en
        ? 'Hi! I am the store assistant. Ask me about products, your orders, returns or offers.'
        : '亲，您好！我是店铺智能客服，商品咨询、订单物流、退换货、优惠活动都可以问我哦～',
    );
  }

  private async onMessage(context: TurnContext): Promise<void> {
    const started = Date.now();
    const activity = context.activity;
    const channelId = activity.channelId;
    const userId = activity.from?.id;
    if (!channelId || !userId) {
      this.deps.logger.warn({ activityId: activity.id, channelId }, 'message without channel or user id ignored');
      return;
    }
    let customerId = await this.deps.directory.resolve({ channelId, userId });
    context.turnState.set(CUSTOMER_ID, customerId);

    const outcome: TurnOutcome = { customerId, channelId, latencyMs: 0, attempts: 0 };
    const outbox: Outbox = { holding: true, items: [] };
    context.turnState.set(OUTBOX, outbox);
    context.onSendActivities(async (_ctx, activities, next) => {
      if (!outbox.holding || !activities.every((a) => BUFFERED_TYPES.has(a.type ?? ''))) return next();
      outbox.items.push(...activities);
      return activities.map((): ResourceResponse => ({ id: '' }));
    });

    try {
      for (;;) {
        const locked = customerId;
        // resolved again under the lock: a merge (which holds both customers' locks) may have moved this
        // identity since, and then the turn runs under the survivor instead of writing under the old id
        const movedTo = await this.deps.lock.run(locked, async () => {
          const current = await this.deps.directory.resolve({ channelId, userId });
          if (current !== locked) return current;
          await this.deps.references.remember(locked, channelId, TurnContext.getConversationReference(activity));
          await this.attempts(context, locked, outcome, outbox);
          return undefined;
        });
        if (movedTo === undefined) break;
        customerId = movedTo;
        context.turnState.set(CUSTOMER_ID, customerId);
        outcome.customerId = customerId;
      }
      for (const task of takeAfterTurnTasks(context)) await task();
      outbox.holding = false;
      if (outbox.items.length > 0) await context.sendActivities(outbox.items);
    } catch (err) {
      outcome.error = (err as Error).name;
      throw err;
    } finally {
      outbox.holding = false;
      outcome.latencyMs = Date.now() - started;
      for (const observer of this.deps.observers ?? []) {
        await observer.turnEnded(outcome).catch((e) => this.deps.logger.warn({ err: e }, 'turn observer failed'));
      }
    }
  }

  /** Runs the turn under the customer's lock; retried when the state changed underneath (eTag conflict). */
  private async attempts(context: TurnContext, customerId: string, outcome: TurnOutcome, outbox: Outbox): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      outcome.attempts = attempt;
      outbox.items = [];
      takeAfterTurnTasks(context); // only the work of the attempt that is saved runs
      try {
        await this.turn(context, customerId, outcome);
        await this.deps.state.saveChanges(context);
        return;
      } catch (err) {
        if (!(err instanceof EtagConflictError) || attempt >= this.maxAttempts) throw err;
        this.deps.logger.debug({ customerId, attempt }, 'state changed under this turn; retrying');
        this.deps.state.forget(context);
        context.turnState.delete(NLU_RESULT);
        await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
      }
    }
  }

  private async turn(context: TurnContext, customerId: string, outcome: TurnOutcome): Promise<void> {
    await this.deps.state.load(context, true);
    for (const interceptor of this.deps.interceptors ?? []) {
      if (await interceptor.intercept(context, customerId)) {
        outcome.interceptedBy = interceptor.name;
        return;
      }
    }
    const text = (context.activity.text ?? '').slice(0, this.maxTextLength);
    const nlu = await this.deps.recognizer.recognize(text, { locale: context.activity.locale, customerId });
    context.turnState.set(NLU_RESULT, nlu);
    Object.assign(outcome, {
      intent: nlu.intent,
      confidence: nlu.confidence,
      language: nlu.language,
      sentimentLabel: nlu.sentiment.label,
      anger: nlu.sentiment.anger,
    });
    await this.deps.dialog.run(context, this.dialogState);
  }

  /** Turn-level error handler for every adapter: log ids, apologise, clear the broken dialog. */
  async handleTurnError(context: TurnContext, error: Error): Promise<void> {
    const customerId = context.turnState.get(CUSTOMER_ID) as string | undefined;
    this.deps.logger.error(
      {
        err: { name: error.name, message: error.message, stack: error.stack },
        customerId,
        channelId: context.activity.channelId,
        conversationId: context.activity.conversation?.id,
        activityId: context.activity.id,
      },
      'turn failed',
    );
    const outbox = context.turnState.get(OUTBOX) as Outbox | undefined;
    if (outbox) outbox.holding = false;
    try {
      const en = (context.activity.locale ?? '').toLowerCase().startsWith('en');
      await context.sendActivity(
        en ? 'Sorry, something went wrong on our side. Please try again.' : '抱歉，系统开了个小差，请您再试一次～',
      );
    } catch (sendError) {
      this.deps.logger.error({ err: sendError, customerId }, 'could not send the apology');
    }
    if (customerId) {
      try {
        // drop the dialog stack that broke, keep the profile
        await this.deps.state.load(context, true);
        await this.dialogState.delete(context);
        await this.deps.state.saveChanges(context, true);
      } catch (clearError) {
        this.deps.logger.error({ err: clearError, customerId }, 'could not clear the broken dialog');
      }
    }
  }
}
