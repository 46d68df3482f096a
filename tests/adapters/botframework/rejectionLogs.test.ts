/**
 * What /api/messages writes to the log: a rejected request is ONE line without a stack (so nobody can
 * flood the log with stack traces), and a client-chosen conversation id never appears verbatim.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createLogger } from '../../../platform/logger';
import { ScriptedRecognizer } from '../../helpers/scriptedRecognizer';
import { RunningApp, startTestApp } from '../../helpers/testApp';
import { emulatorActivity } from './emulatorActivity';

const PHONE = '13912345678';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(c, _e, done) {
      lines.push(...String(c).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', transcripts: false, destination: stream }) };
}

/** a loopback serviceUrl that refuses every reply with a 400 (no retries), so the turn fails */
async function refusingServiceUrl(): Promise<{ url: string; close(): Promise<void> }> {
  const s = http.createServer((req, res) => {
    req.resume();
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end('{"error":{"code":"BadArgument","message":"no"}}');
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => {
      s.closeAllConnections();
      s.close(() => r());
    }),
  };
}

const activity = emulatorActivity;

describe('Bot Framework logs', () => {
  let consoleCalls: jest.SpyInstance[];
  beforeEach(() => {
    consoleCalls = (['error', 'warn', 'log', 'info'] as const).map((m) => jest.spyOn(console, m).mockImplementation(() => undefined));
  });
  afterEach(() => consoleCalls.forEach((s) => s.mockRestore()));
  const consoleLines = () => consoleCalls.reduce((n, s) => n + s.mock.calls.length, 0);

  describe('with MicrosoftAppId set', () => {
    let app: RunningApp;
    const log = capture();
    beforeAll(async () => {
      app = await startTestApp(
        { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'secret' },
        { recognizer: new ScriptedRecognizer(), logger: log.logger },
      );
    });
    afterAll(() => app.close(1000));

    it.each([
      ['no token', 401, {}],
      ['a forged token', 401, { authorization: 'Bearer not.a.jwt' }],
      ['a token of another scheme', 401, { authorization: 'Basic dXNlcjpwYXNz' }],
      ['a malformed activity', 400, { authorization: 'Bearer not.a.jwt', x: '' }],
    ])('%s: answers %s and logs exactly one line, without a stack', async (_name, status, headers) => {
      const { x: malformed, ...sent } = headers as Record<string, string>;
      const body = malformed === undefined ? activity('https://smba.trafficmanager.net/apis/') : { ...activity('x'), text: 5 };
      log.lines.length = 0;
      const res = await app.post('/api/messages', body, sent);
      expect(res.status).toBe(status);
      expect(log.lines).toHaveLength(1);
      expect(consoleLines()).toBe(0);
      const line = JSON.parse(log.lines[0]);
      expect(line.status).toBe(status);
      expect(JSON.stringify(line)).not.toMatch(/stack|\\n\s+at /);
    });
  });

  describe('Emulator mode', () => {
    let app: RunningApp;
    const log = capture();
    beforeAll(async () => {
      app = await startTestApp({}, { recognizer: new ScriptedRecognizer({ 你好: 'greeting' }), logger: log.logger });
    });
    afterAll(() => app.close(1000));

    it('warns once at startup that unauthenticated traffic is accepted', () => {
      const warnings = log.lines.map((l) => JSON.parse(l)).filter((l) => /Emulator/.test(l.msg));
      expect(warnings).toHaveLength(1);
      expect(warnings[0].level).toBe(40);
    });

    it('never logs a client-chosen conversation or user id verbatim, even when the turn fails', async () => {
      log.lines.length = 0;
      const refusing = await refusingServiceUrl();
      const res = await app.post(
        '/api/messages',
        activity(refusing.url, { conversation: { id: `chat-${PHONE}` }, from: { id: `u-${PHONE}` } }),
      );
      await refusing.close();
      expect(res.status).toBeLessThan(500);
      const all = log.lines.join('\n');
      expect(log.lines.length).toBeGreaterThan(0); // the failed reply was logged …
      expect(all).toMatch(/conv#[0-9a-f]{8}/); // … with the hashed conversation id
      expect(all).not.toContain(PHONE);
    });
  });
});
