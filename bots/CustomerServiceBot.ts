/**
 * The turn pipeline, the same for every channel:
 *   outer middleware (analytics) → who is this customer → (serialized per customer) middleware (handoff
 *   gate, account linking, NLU corrections) → recognize → MainDialog → save state (eTag-checked; on
 *   conflict the attempt is retried, middleware included) → replies.
 *
 * Both middleware lists are botbuilder Middleware run through a MiddlewareSet; one that handles the turn
 * does not call `next()`, which skips recognition and the dialog (the state is still saved).
 *
 * Replies are held until the state is saved, so a retried turn never speaks twice and a customer never
 * sees an answer whose state was lost.
 */
import { Activity, ActivityTypes, Middleware, MiddlewareSet, ResourceResponse, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogState } from 'botbuilder-dialogs';
import type { Recognizer } from '../nlu/types';
import type { CustomerDirectory } from '../services/customers/customerDirectory';
import type { ConversationReferences } from '../services/customers/conversationReferences';
import type { CustomerLock } from '../services/customers/customerLock';
import type { Logger } from '../platform/logger';
import { EtagConflictError } from '../storage/botStateStorage';
import { localeLanguage, say } from '../dialogs/flow/language';
import { BOT_TEXT } from './text';
import { welcomeActivity } from './welcome'; // [C]
import { shareDialogMemory } from './dialogMemory';
import { CUSTOMER_ID, CustomerState } from '../dialogs/turn/customerState';
import { NLU_RESULT, takeAfterTurnTasks, TURN_OUTCOME, TurnMiddleware, turnOutcomeOf } from '../dialogs/turn/turnContracts';
import type { TurnOutcome } from '../services/analytics/turnOutcome';

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
  /** run in order inside each attempt, after the customer is locked and their state loaded */
  middleware?: TurnMiddleware[];
  /** wrap the whole turn, customer resolution and retries included (analytics) */
  outerMiddleware?: TurnMiddleware[];
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

/** Lets the turn's outcome name the middleware that handled the turn (the one that did not call next). */
function namedInOutcome(middleware: TurnMiddleware): Middleware {
  return {
    async onTurn(context, next) {
      let passed = false;
      await middleware.onTurn(context, async () => {
        passed = true;
        await next();
      });
      const outcome = turnOutcomeOf(context);
      if (!passed && outcome) outcome.interceptedBy = middleware.name;
    },
  };
}

export class CustomerServiceBot {
  readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly maxAttempts: number;
  private readonly maxTextLength: number;
  private readonly middleware: MiddlewareSet;
  private readonly outerMiddleware: MiddlewareSet;
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly deps: CustomerServiceBotDeps) {
    this.dialogState = deps.state.createProperty<DialogState>('dialogState');
    this.maxAttempts = deps.maxAttempts ?? 8;
    this.maxTextLength = deps.maxTextLength ?? 2000;
    this.middleware = new MiddlewareSet(...(deps.middleware ?? []).map(namedInOutcome));
    this.outerMiddleware = new MiddlewareSet(...(deps.outerMiddleware ?? []));
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
      await this.outerMiddleware.run(context, async () => {
        const activity = context.activity;
        if (activity.type === ActivityTypes.Message) await this.onMessage(context);
        else if (activity.type === ActivityTypes.ConversationUpdate) await this.onConversationUpdate(context);
      });
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    }
  }

  private async onConversationUpdate(context: TurnContext): Promise<void> {
    const added = context.activity.membersAdded ?? [];
    const botId = context.activity.recipient?.id;
    if (!added.some((m) => m.id !== botId)) return;
    await context.sendActivity(welcomeActivity(localeLanguage(context))); // [C] with quick replies
  }

  private async onMessage(context: TurnContext): Promise<void> {
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
    context.turnState.set(TURN_OUTCOME, outcome);
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
    } finally {
      outbox.holding = false;
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
    shareDialogMemory(context);
    await this.deps.state.load(context, true);
    await this.middleware.run(context, () => this.recognizeAndRun(context, customerId, outcome));
  }

  private async recognizeAndRun(context: TurnContext, customerId: string, outcome: TurnOutcome): Promise<void> {
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
      await context.sendActivity(say(localeLanguage(context), BOT_TEXT.turnFailed));
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
