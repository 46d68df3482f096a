/** App channel body: every field typed and bounded; anything else is a 400 with the field named, never a failed turn. */
import { toActivity } from '../../../adapters/app/toActivity';
import { ScriptedRecognizer } from '../../helpers/scriptedRecognizer';
import { RunningApp, startTestApp } from '../../helpers/testApp';

const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

describe('app channel input', () => {
  it.each([
    ['a numeric userId', { userId: 42, text: 'hi' }, 'userId'],
    ['a userId over 256 characters', { userId: 'u'.repeat(257), text: 'hi' }, 'userId'],
    ['an object userId', { userId: { id: 'demo' }, text: 'hi' }, 'userId'],
    ['a numeric text', { userId: 'u', text: 42 }, 'text'],
    ['an array text', { userId: 'u', text: ['hi'] }, 'text'],
    ['an object locale', { userId: 'u', text: 'hi', locale: { tag: 'zh' } }, 'locale'],
    ['an attachment that is a string', { userId: 'u', attachments: ['x'] }, 'attachments'],
    ['a javascript: contentUrl', { userId: 'u', attachments: [{ contentType: 'image/png', contentUrl: 'javascript:alert(1)' }] }, 'contentUrl'],
    ['a numeric attachment name', { userId: 'u', attachments: [{ contentType: 'image/png', name: 5 }] }, 'name'],
  ])('refuses %s, naming the field', (_name, body, field) => {
    const r = toActivity(body, 'a', new Date());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(field);
  });

  it('refuses deep nesting in attachment content', () => {
    const body = JSON.parse(`{"userId":"u","attachments":[{"contentType":"application/json","content":${nested(40)}}]}`);
    const r = toActivity(body, 'a', new Date());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/nested/);
  });

  it('never takes a channel or conversation from the body', () => {
    const r = toActivity({ userId: 'u', text: 'hi', channelId: 'wechat', conversation: { id: 'x' }, from: { id: 'demo' } }, 'a', new Date());
    expect(r.ok && r.activity).toMatchObject({ channelId: 'app', from: { id: 'u' }, conversation: { id: 'app:u' } });
  });

  describe('over HTTP', () => {
    let app: RunningApp;
    const recognizer = new ScriptedRecognizer();
    beforeAll(async () => {
      app = await startTestApp({}, { recognizer });
    });
    afterAll(() => app.close(1000));

    it.each([
      ['a numeric text', '{"userId":"u","text":42}'],
      ['an object locale', '{"userId":"u","text":"hi","locale":{}}'],
      ['deep nesting', `{"userId":"u","text":"hi","attachments":[{"contentType":"a/b","content":${nested(5000)}}]}`],
    ])('answers 400 invalid_message for %s and runs no turn', async (_name, body) => {
      const calls = recognizer.calls;
      const res = await app.post('/api/app/messages', body);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('invalid_message');
      expect(recognizer.calls).toBe(calls);
    });
  });
});
