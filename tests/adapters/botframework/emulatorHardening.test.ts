/**
 * Unauthenticated (Emulator) traffic: replies go only to a loopback serviceUrl, and every activity is
 * checked by a schema before CloudAdapter sees it — bad input is a 400, never a 500 or a failed turn.
 */
import { ScriptedRecognizer } from '../../helpers/scriptedRecognizer';
import { ReplySink, startReplySink } from '../../helpers/replySink';
import { RunningApp, startTestApp } from '../../helpers/testApp';
import { emulatorActivity } from './emulatorActivity';

const activity = emulatorActivity;

/** JSON text nested `depth` objects deep (too deep for JSON.stringify to build) */
const NESTED = '"__nested__"';
function nested(depth: number): string {
  return '{"a":'.repeat(depth) + '"leaf"' + '}'.repeat(depth);
}

describe('Emulator mode hardening', () => {
  let app: RunningApp;
  let sink: ReplySink;
  const recognizer = new ScriptedRecognizer({ 你好: 'greeting' });
  beforeAll(async () => {
    sink = await startReplySink();
    app = await startTestApp({}, { recognizer });
  });
  afterAll(async () => {
    await app.close(1000);
    await sink.close();
  });

  describe('serviceUrl', () => {
    it.each([
      ['localhost', (port: string) => `http://localhost:${port}`],
      ['127.0.0.1', (port: string) => `http://127.0.0.1:${port}/`],
    ])('accepts a loopback serviceUrl (%s) and replies there', async (_name, url) => {
      const before = sink.requests.length;
      const port = new URL(sink.url).port;
      const res = await app.post('/api/messages', activity(url(port), { id: `ok-${before}` }));
      expect(res.status).toBe(200);
      await sink.waitFor(before + 1);
    });

    it.each([
      // the unspecified address: Linux connects it to this very host, so it must not pass as "not loopback-looking"
      ['0.0.0.0 (reaches this host)', (port: string) => `http://0.0.0.0:${port}/`],
      ['an IPv4-mapped IPv6 address', (port: string) => `http://[::ffff:7f00:1]:${port}/`],
      // strings only: rejected before any connection is tried
      ['a private address', () => 'http://10.255.255.1/'],
      ['cloud metadata', () => 'http://169.254.169.254/latest/meta-data/'],
      ['a lookalike host', () => 'http://localhost.evil.example/'],
      ['credentials in the URL', (port: string) => `http://user:pw@127.0.0.1:${port}/`],
      ['another scheme', () => 'file:///etc/passwd'],
      ['not a URL', () => 'not a url'],
    ])('answers 400 for %s and sends nothing', async (_name, url) => {
      const before = sink.requests.length;
      const calls = recognizer.calls;
      const started = Date.now();
      const res = await app.post('/api/messages', activity(url(new URL(sink.url).port)));
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('invalid_service_url');
      expect(Date.now() - started).toBeLessThan(2000);
      expect(recognizer.calls).toBe(calls);
      // give a wrongly accepted reply time to arrive before counting
      await app.post('/api/messages', activity(sink.url, { id: `fence-${before}` }));
      await sink.waitFor(before + 1);
      expect(sink.requests.length).toBe(before + 1);
      expect(sink.requests[before].url).toContain(`fence-${before}`);
    });
  });

  describe('malformed activities', () => {
    it.each([
      ['a numeric text', { text: 123 }, 'text'],
      ['an object locale', { locale: { x: 1 } }, 'locale'],
      ['a numeric channelId', { channelId: 5 }, 'channelId'],
      ['a from.id over 256 characters', { from: { id: 'x'.repeat(257) } }, 'from.id'],
      ['a string from', { from: 'demo' }, 'from'],
      ['an array from', { from: [{ id: 'demo' }] }, 'from'],
      ['an array conversation', { conversation: ['conv-1'] }, 'conversation'],
      ['a string recipient', { recipient: 'bot' }, 'recipient'],
      ['an object attachments', { attachments: { contentType: 'image/png' } }, 'attachments'],
      ['a string membersAdded', { type: 'conversationUpdate', membersAdded: 'emu-user' }, 'membersAdded'],
      ['a numeric timestamp', { timestamp: 12 }, 'timestamp'],
      ['huge nesting in channelData', { channelData: nested(5000) }, 'nested'],
      ['huge nesting in value', { value: nested(100) }, 'nested'],
      ['huge nesting in an array', { entities: `[${nested(40)}]` }, 'nested'],
    ])('answers 400 for %s, runs no turn and sends nothing', async (_name, overrides, field) => {
      const before = sink.requests.length;
      const calls = recognizer.calls;
      // nested JSON is spliced in as text: JSON.stringify itself cannot build it
      const raw = Object.entries(overrides).find(([, v]) => typeof v === 'string' && /^\[?\{"a":/.test(v));
      const body = raw
        ? JSON.stringify(activity(sink.url, { [raw[0]]: '__nested__' })).replace(NESTED, raw[1] as string)
        : activity(sink.url, overrides);
      const res = await app.post('/api/messages', body);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('invalid_activity');
      expect(res.json.error.message).toContain(field);
      expect(recognizer.calls).toBe(calls);
      expect(sink.requests.length).toBe(before);
    });

    it('still serves after all of that', async () => {
      const before = sink.requests.length;
      expect((await app.post('/api/messages', activity(sink.url, { id: 'after' }))).status).toBe(200);
      await sink.waitFor(before + 1);
    });
  });
});
