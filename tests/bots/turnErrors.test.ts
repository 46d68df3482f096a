/** onTurnError: logs ids (not text), apologises, clears the broken dialog, and the bot keeps serving. */
import { Writable } from 'node:stream';
import { TurnContext } from 'botbuilder';
import { CustomerServiceBot } from '../../bots/CustomerServiceBot';
import { CustomerState } from '../../dialogs/turn/customerState';
import { ConversationReferences, CustomerDirectory, CustomerLock } from '../../services/customers';
import { createLogger } from '../../platform/logger';
import { DocumentBotStorage, EmbeddedStore } from '../../storage';
import { appChannelSender } from '../helpers/botHarness';
import { ScriptedRecognizer } from '../helpers/scriptedRecognizer';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

describe('turn errors', () => {
  it('apologises, clears the dialog stack, keeps the profile, and the next turn works', async () => {
    const store = new EmbeddedStore(null);
    const log = capture();
    const logger = createLogger({ level: 'info', transcripts: false, destination: log.stream });
    const state = new CustomerState(new DocumentBotStorage(store));
    const stack = state.createProperty<{ dialogStack: unknown[] }>('dialogState');
    const profile = state.createProperty<{ skinType?: string }>('profile');
    const bot = new CustomerServiceBot({
      directory: new CustomerDirectory(store),
      references: new ConversationReferences(store),
      lock: new CustomerLock(store),
      state,
      recognizer: new ScriptedRecognizer(),
      logger,
      dialog: {
        async run(context: TurnContext) {
          await profile.set(context, { skinType: '油皮' });
          await stack.set(context, { dialogStack: [{ id: 'broken' }] });
          if (context.activity.text?.includes('boom')) throw new Error('dialog exploded');
          await context.sendActivity('fine');
        },
      },
    });
    const sender = appChannelSender(bot);
    const send = async (text: string) => (await sender('err-user', text)).map((r) => r.text);

    expect(await send('hello')).toEqual(['fine']);
    expect(await send('boom 13812345678')).toEqual(['抱歉，系统开了个小差，请您再试一次～']);
    const customerId = (await new CustomerDirectory(store).find({ channelId: 'app', userId: 'err-user' }))!;
    const saved = (await new DocumentBotStorage(store).read([`customer/${customerId}`]))[`customer/${customerId}`];
    expect(saved.dialogState).toBeUndefined();
    expect(saved.profile).toEqual({ skinType: '油皮' });
    expect(await send('hello again')).toEqual(['fine']);

    const errorLine = log.lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'turn failed');
    // the client-chosen conversation id is logged as a keyed hash, never verbatim
    expect(errorLine).toMatchObject({ customerId, channelId: 'app', conversationId: expect.stringMatching(/^conv#[0-9a-f]{8}$/) });
    expect(log.lines.join('\n')).not.toContain('app:err-user');
    expect(log.lines.join('\n')).not.toContain('13812345678');
    expect(log.lines.join('\n')).not.toContain('boom');
  });
});
