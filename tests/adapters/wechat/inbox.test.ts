/**
 * WeChat durability: WeChat resends a push only while it gets no answer, so once we said "success"
 * the message must already be in the store. A process killed after that leaves it pending; the next
 * start resumes it (the replies go through the customer-service API), once, and WeChat's retry of it
 * is answered without running it again.
 */
import { DurableInbox } from '../../../adapters/durableInbox';
import { encodeMessage, WECHAT_INBOX } from '../../../adapters/wechat/messageInbox';
import { EmbeddedStore } from '../../../storage';
import { ScriptedRecognizer } from '../../helpers/scriptedRecognizer';
import { startTestApp } from '../../helpers/testApp';
import { FakeWeChatApi, startFakeWeChatApi } from './fakeWeChatApi';
import { APP_ID, APP_SECRET, plaintextEnv, push, withText } from './wechatTestKit';

const entry = (store: EmbeddedStore, key: string) => store.collection<{ _id: string; status: string }>(WECHAT_INBOX).findOne({ _id: key });
const settle = () => new Promise((r) => setTimeout(r, 300));

describe('WeChat durable inbox', () => {
  let fake: FakeWeChatApi;
  beforeAll(async () => {
    fake = await startFakeWeChatApi(APP_ID, APP_SECRET);
  });
  afterAll(() => fake.close());

  it('has a slow message in the store when "success" goes back, and finishes it after the late reply', async () => {
    const store = new EmbeddedStore(null);
    const app = await startTestApp({ ...plaintextEnv(fake.url), WECHAT_REPLY_DEADLINE_MS: '50' }, { store, recognizer: new ScriptedRecognizer({ 你好: 'greeting' }, 400) });
    try {
      const sent = fake.sends.length;
      const r = await push(app, withText('你好', '600001', 'openidSlowStore'));
      expect(r.text).toBe('success');
      expect((await entry(store, 'm:600001'))?.status).toBe('pending');
      await fake.waitForSends(sent + 1);
      await settle();
      expect((await entry(store, 'm:600001'))?.status).toBe('done');
    } finally {
      await app.close(1000);
    }
  });

  it('resumes a message a killed process had answered "success" for: once, through the API; the retry does not run it again', async () => {
    const store = new EmbeddedStore(null);
    const message = withText('你好', '600010', 'openidCrashed');
    // what a process killed right after its "success" leaves behind: the message, pending, lease long gone
    const crashed = new DurableInbox(store, WECHAT_INBOX, { now: () => Date.now() - 10 * 60_000 });
    expect(await crashed.accept('m:600010', encodeMessage({ xml: message }))).toBe(true);
    const recognizer = new ScriptedRecognizer({ 你好: 'greeting' });
    const sent = fake.sends.length;
    const app = await startTestApp(plaintextEnv(fake.url), { store, recognizer });
    try {
      const sends = await fake.waitForSends(sent + 1);
      expect(sends[sent].body).toMatchObject({ touser: 'openidCrashed', msgtype: 'text', text: { content: expect.stringMatching(/您好/) } });
      const retry = await push(app, message);
      expect(retry.text).toBe('success');
      await settle();
      expect(fake.sends.length).toBe(sent + 1);
      expect(recognizer.calls).toBe(1);
      expect((await entry(store, 'm:600010'))?.status).toBe('done');
    } finally {
      await app.close(1000);
    }
  });
});
