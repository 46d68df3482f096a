/**
 * Turn middleware (botbuilder Middleware run by the bot): in order, after the customer is resolved and
 * their state loaded, again in each retried attempt; one that handles the turn does not call next, which
 * skips recognition and the dialog but still saves the state and names it in the outcome. Analytics wraps
 * the whole turn and records its outcome, errors included.
 */
import { TestAdapter, TurnContext } from 'botbuilder';
import { CustomerServiceBot } from '../../bots/CustomerServiceBot';
import { TurnAnalyticsMiddleware } from '../../bots/analyticsMiddleware';
import { createCustomerState } from '../../dialogs';
import { customerIdOf, customerStateKey } from '../../dialogs/turn/customerState';
import type { TurnMiddleware } from '../../dialogs/turn/turnContracts';
import { createCoreServices } from '../../services';
import { silentLogger } from '../../platform/logger';
import { DocumentBotStorage, EmbeddedStore } from '../../storage';
import { appChannelSender, outcomeRecorder } from '../helpers/botHarness';
import { ScriptedRecognizer } from '../helpers/scriptedRecognizer';

function setup(middleware: (state: ReturnType<typeof createCustomerState>) => TurnMiddleware[]) {
  const store = new EmbeddedStore(null);
  const logger = silentLogger();
  const services = createCoreServices(store, logger);
  const state = createCustomerState(store, services.directory);
  const recognizer = new ScriptedRecognizer();
  const recorder = outcomeRecorder();
  const dialogRuns: string[] = [];
  const bot = new CustomerServiceBot({
    ...{ directory: services.directory, references: services.references, lock: services.lock, state, recognizer, logger },
    dialog: {
      async run(context: TurnContext) {
        if (context.activity.text === 'boom') throw new TypeError('dialog exploded');
        dialogRuns.push(context.activity.text ?? '');
        await context.sendActivity('from the dialog');
      },
    },
    middleware: middleware(state),
    outerMiddleware: [new TurnAnalyticsMiddleware(recorder, logger)],
  });
  const send = appChannelSender(bot);
  return { bot, store, services, recognizer, recorder, dialogRuns, say: async (text: string) => (await send('mw-user', text)).map((a) => a.text) };
}

/** A middleware that records what it saw and handles the turn when the text says so. */
function probe(name: string, seen: string[], handles: string): TurnMiddleware {
  return {
    name,
    async onTurn(context, next) {
      seen.push(`${name}:${customerIdOf(context)}`);
      if (context.activity.text !== handles) return next();
      await context.sendActivity(`${name} handled it`);
    },
  };
}

describe('turn middleware', () => {
  it('runs in order after the customer is resolved; the one that does not call next ends the turn, and is named in the outcome', async () => {
    const seen: string[] = [];
    const t = setup(() => [probe('first', seen, 'one'), probe('second', seen, 'two')]);
    expect(await t.say('hello')).toEqual(['from the dialog']);
    const customerId = (await t.services.directory.find({ channelId: 'app', userId: 'mw-user' }))!;
    expect(seen).toEqual([`first:${customerId}`, `second:${customerId}`]);
    expect(t.recorder.outcomes[0]).toMatchObject({ customerId, channelId: 'app', intent: 'other', attempts: 1 });
    expect(t.recorder.outcomes[0].interceptedBy).toBeUndefined();

    seen.length = 0;
    expect(await t.say('one')).toEqual(['first handled it']);
    expect(seen).toEqual([`first:${customerId}`]); // later middleware does not run
    expect(await t.say('two')).toEqual(['second handled it']);
    expect(t.recognizer.calls).toBe(1); // handled turns skip recognition …
    expect(t.dialogRuns).toEqual(['hello']); // … and the dialog
    expect(t.recorder.outcomes.map((o) => o.interceptedBy)).toEqual([undefined, 'first', 'second']);
    expect(t.recorder.outcomes[1].intent).toBeUndefined();
  });

  it('a handled turn still saves the state it changed', async () => {
    const t = setup((state) => {
      const marks = state.createProperty<string[]>('marks');
      return [
        {
          name: 'marker',
          async onTurn(context) {
            await marks.set(context, [...(await marks.get(context, [])), context.activity.text ?? '']);
          },
        },
      ];
    });
    await t.say('a');
    await t.say('b');
    const customerId = (await t.services.directory.find({ channelId: 'app', userId: 'mw-user' }))!;
    const key = customerStateKey(customerId);
    expect((await new DocumentBotStorage(t.store).read([key]))[key].marks).toEqual(['a', 'b']);
    expect(t.dialogRuns).toEqual([]);
  });

  it('runs again in a retried attempt when the state changed underneath (eTag conflict)', async () => {
    let runs = 0;
    const t = setup((state) => {
      const touched = state.createProperty<number>('touched');
      return [
        {
          name: 'racer',
          async onTurn(context, next) {
            runs++;
            await touched.set(context, runs);
            // the first attempt loses a race: someone else writes this customer's state before it saves
            if (runs === 1) await new DocumentBotStorage(t.store).write({ [customerStateKey(customerIdOf(context))]: { eTag: '*', other: true } });
            await next();
          },
        },
      ];
    });
    expect(await t.say('hello')).toEqual(['from the dialog']); // one reply: the lost attempt never speaks
    expect(runs).toBe(2);
    expect(t.recorder.outcomes).toHaveLength(1);
    expect(t.recorder.outcomes[0].attempts).toBe(2);
  });

  it('analytics records a failed turn with its error, and nothing for turns without a customer', async () => {
    const t = setup(() => []);
    await t.say('boom');
    expect(t.recorder.outcomes).toHaveLength(1);
    expect(t.recorder.outcomes[0]).toMatchObject({ channelId: 'app', error: 'TypeError', attempts: 1 });
    expect(t.recorder.outcomes[0].latencyMs).toBeGreaterThanOrEqual(0);

    const adapter = new TestAdapter((context) => t.bot.run(context));
    await adapter.processActivity({ type: 'conversationUpdate', membersAdded: [{ id: 'someone', name: 'someone' }] });
    expect(adapter.activeQueue).toHaveLength(1); // the welcome
    expect(t.recorder.outcomes).toHaveLength(1);
  });
});
