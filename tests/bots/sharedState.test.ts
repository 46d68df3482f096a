/** Customer state survives a restart on the embedded store, and follows the customer across linked channels. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedStore } from '../../storage';
import { ScriptedRecognizer } from '../helpers/scriptedRecognizer';
import { ReplySink, startReplySink } from '../helpers/replySink';
import { ADMIN_TOKEN, startTestApp } from '../helpers/testApp';

const recognizer = () => new ScriptedRecognizer({ 推荐: 'recommendation', 你好: 'greeting' });

describe('customer state', () => {
  it('survives a restart on the embedded store: a question asked before is answered after', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'restart-'));
    try {
      const first = await startTestApp({}, { store: new EmbeddedStore(dir), recognizer: recognizer() });
      expect((await first.say('amy', '推荐'))[0]).toMatch(/肤质/);
      expect((await first.say('amy', '油皮'))[0]).toMatch(/改善/);
      await first.close(1000);

      const second = await startTestApp({}, { store: new EmbeddedStore(dir), recognizer: recognizer() });
      expect((await second.say('amy', '保湿'))[0]).toMatch(/油皮，想要保湿/);
      // the profile is remembered: asking again skips straight to the summary
      expect((await second.say('amy', '推荐'))[0]).toMatch(/油皮/);
      await second.close(1000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('across channels after linking', () => {
    let sink: ReplySink;
    beforeAll(async () => {
      sink = await startReplySink();
    });
    afterAll(() => sink.close());

    it('a dialog started on the app channel continues on the Bot Framework channel', async () => {
      const app = await startTestApp({}, { recognizer: recognizer() });
      try {
        expect((await app.say('lin', '推荐'))[0]).toMatch(/肤质/);
        const link = await app.post(
          '/api/admin/customers/link',
          { a: { channelId: 'app', userId: 'lin' }, b: { channelId: 'emulator', userId: 'lin-emu' } },
          { authorization: `Bearer ${ADMIN_TOKEN}` },
        );
        expect(link.status).toBe(200);
        const customer = await app.get(`/api/admin/customers/${link.json.customerId}`, { authorization: `Bearer ${ADMIN_TOKEN}` });
        expect(customer.json.identities).toEqual(
          expect.arrayContaining([
            { channelId: 'app', userId: 'lin' },
            { channelId: 'emulator', userId: 'lin-emu' },
          ]),
        );

        // answer the pending skin-type question on the other channel
        const res = await app.post('/api/messages', {
          type: 'message',
          id: 'm-1',
          channelId: 'emulator',
          serviceUrl: sink.url,
          from: { id: 'lin-emu' },
          recipient: { id: 'bot' },
          conversation: { id: 'emu-conv' },
          text: '干皮',
        });
        expect(res.status).toBe(200);
        const [reply] = await sink.waitFor(1);
        expect(reply.body.text).toMatch(/改善/); // the flow moved on to the next question
        // and the app channel sees the same dialog: answering the concern finishes it
        expect((await app.say('lin', '美白'))[0]).toMatch(/干皮，想要美白/);
      } finally {
        await app.close(1000);
      }
    });
  });
});
