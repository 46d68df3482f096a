import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ScriptedRecognizer } from '../helpers/scriptedRecognizer';
import { startTestApp } from '../helpers/testApp';

describe('graceful shutdown', () => {
  it('finishes the in-flight turn, then refuses new requests and closes the store', async () => {
    const app = await startTestApp({}, { recognizer: new ScriptedRecognizer({ 你好: 'greeting' }, 1500) });
    const inFlight = app.post('/api/app/messages', { userId: 'slow', text: '你好' });
    // wait for the turn to be running (not a fixed sleep: a busy machine may take a while to deliver the request)
    for (const deadline = Date.now() + 5000; app.bot.activeTurns === 0 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 10));
    expect(app.bot.activeTurns).toBe(1);
    const closing = app.close(5000);
    const answered = await inFlight;
    expect(answered.status).toBe(200);
    expect(answered.json.replies[0].text).toMatch(/您好/);
    await closing;
    await expect(fetch(`${app.url}/healthz`)).rejects.toThrow();
    await expect(app.store.ping()).rejects.toThrow(/closed/);
  });

  it('exits 0 on SIGTERM with the data on disk', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigterm-'));
    const root = path.resolve(__dirname, '..', '..');
    const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), ['index.ts'], {
      cwd: root,
      env: { ...process.env, PORT: '0', DATA_DIR: dir, LOG_LEVEL: 'info', DEMO_DATA: 'false', MONGODB_URI: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    try {
      // a fresh data dir: the app trains its intent model before listening (about 12 s on a quiet 2-core
      // machine, twice that beside the rest of the suite), so the wait is generous
      const deadline = Date.now() + 75000;
      while (!out.includes('bot listening')) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`did not start: ${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).toMatch(/shutting down/);
      expect(fs.readdirSync(dir).some((f) => f.endsWith('.db'))).toBe(true);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 90000);
});
