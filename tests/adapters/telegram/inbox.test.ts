/**
 * Telegram's durable inbox: an update is in the store before it is acknowledged, so a crash after
 * the 200 loses nothing — the next start resumes it, exactly once — and update_ids are de-duplicated
 * in the store, across instances, not in one process's memory.
 */
import { DurableInbox } from '../../../adapters/durableInbox';
import { TELEGRAM_INBOX } from '../../../adapters/telegram';
import { EmbeddedStore } from '../../../storage';
import { ScriptedRecognizer } from '../../helpers/scriptedRecognizer';
import { RunningApp, startTestApp } from '../../helpers/testApp';
import { FakeBotApi, startFakeBotApi } from './fakeBotApi';
import { textUpdate } from './sampleUpdates';
import { BOT_TOKEN, deliver, SECRET } from './telegramHelpers';

const INBOX = TELEGRAM_INBOX;
const settle = () => new Promise((r) => setTimeout(r, 300));

describe('Telegram durable inbox', () => {
  let fake: FakeBotApi;
  const env = () => ({ TELEGRAM_BOT_TOKEN: BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: fake.url });
  beforeAll(async () => {
    fake = await startFakeBotApi(BOT_TOKEN);
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.calls.splice(0));

  it('has the update in the store when the 200 comes back, and marks it done after the turn', async () => {
    const store = new EmbeddedStore(null);
    const app = await startTestApp(env(), { store, recognizer: new ScriptedRecognizer({ 你好: 'greeting' }, 200) });
    try {
      expect((await deliver(app, textUpdate(5001, '你好'))).status).toBe(200);
      const entry = await store.collection<{ _id: string; status: string }>(INBOX).findOne({ _id: '5001' });
      expect(entry?.status).toBe('pending');
      await fake.waitFor((calls) => calls.length >= 1);
      await settle();
      expect((await store.collection<{ _id: string; status: string }>(INBOX).findOne({ _id: '5001' }))?.status).toBe('done');
    } finally {
      await app.close(1000);
    }
  });

  it('de-duplicates a redelivered update_id in the store: two instances, one reply', async () => {
    const store = new EmbeddedStore(null);
    const recognizer = new ScriptedRecognizer({ 你好: 'greeting' });
    const a = await startTestApp(env(), { store, recognizer });
    const b = await startTestApp(env(), { store, recognizer });
    try {
      expect((await deliver(a, textUpdate(5010, '你好'))).status).toBe(200);
      expect((await deliver(b, textUpdate(5010, '你好'))).status).toBe(200);
      await fake.waitFor((calls) => calls.length >= 1);
      await settle();
      expect(fake.of('sendMessage')).toHaveLength(1);
      expect(recognizer.calls).toBe(1);
    } finally {
      await a.close(1000);
      await b.close(1000).catch(() => undefined); // the shared store is already closed by a
    }
  });

  it('resumes an update a crashed instance acknowledged but never ran: once, at startup, even with two instances starting', async () => {
    const store = new EmbeddedStore(null);
    // what a process killed right after its 200 leaves behind: the update, pending, its lease long gone
    const crashed = new DurableInbox(store, INBOX, { now: () => Date.now() - 10 * 60_000 });
    expect(await crashed.accept('5020', JSON.stringify(textUpdate(5020, '你好')))).toBe(true);
    const recognizer = new ScriptedRecognizer({ 你好: 'greeting' });
    let a: RunningApp | undefined;
    let b: RunningApp | undefined;
    try {
      [a, b] = await Promise.all([startTestApp(env(), { store, recognizer }), startTestApp(env(), { store, recognizer })]);
      await fake.waitFor((calls) => calls.length >= 1);
      await settle();
      expect(fake.of('sendMessage')).toHaveLength(1);
      expect(fake.of('sendMessage')[0].params.text).toMatch(/您好/);
      expect(recognizer.calls).toBe(1);
      // Telegram redelivers it (the crash cost it the 200 it waited for): acknowledged, not run again
      expect((await deliver(a, textUpdate(5020, '你好'))).status).toBe(200);
      await settle();
      expect(fake.of('sendMessage')).toHaveLength(1);
      expect((await store.collection<{ _id: string; status: string }>(INBOX).findOne({ _id: '5020' }))?.status).toBe('done');
    } finally {
      await a?.close(1000);
      await b?.close(1000).catch(() => undefined);
    }
  });
});
