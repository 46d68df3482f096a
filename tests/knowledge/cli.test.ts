/** The kb CLI's contracts: JSON on stdout only (search, ask, import), logs and progress on stderr. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
let dataDir: string;

function kb(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      // as `npm run kb` runs it (tsx), from an empty folder so a developer's .env is not read
      [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'knowledge/cli.ts'), ...args],
      { cwd: dataDir, env: { PATH: process.env.PATH, DATA_DIR: dataDir, DEMO_DATA: 'true', LOG_LEVEL: 'info' }, timeout: 60000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-cli-'));
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

test('search prints only a JSON array of hits', async () => {
  const r = await kb(['search', '小棕瓶', '--limit', '3']);
  expect(r.code).toBe(0);
  const hits = JSON.parse(r.stdout);
  expect(hits[0]).toEqual({ id: 'sk-0001', title: expect.any(String), brand: '雅诗兰黛', category: '精华', price: 1020, score: expect.any(Number) });
  expect(hits.length).toBeLessThanOrEqual(3);
});

test('ask prints {answer, sources, confidence}', async () => {
  const r = await kb(['ask', '这款适合油皮吗', '--product', 'sk-0008']);
  expect(r.code).toBe(0);
  const a = JSON.parse(r.stdout);
  expect(Object.keys(a)).toEqual(['answer', 'sources', 'confidence']);
  expect(a.sources).toEqual(['sk-0008']);
  expect(a.answer).toContain('适合');
});

test('import reports rejected lines in its last stdout line; a bad command exits 2', async () => {
  const r = await kb(['import', path.join(__dirname, 'fixtures/broken_listings.csv')]);
  expect(r.code).toBe(0);
  const last = r.stdout.trim().split('\n').pop()!;
  expect(JSON.parse(last)).toMatchObject({ imported: 2, updated: 0, rejected: expect.arrayContaining([{ line: 3, reason: 'title is empty' }]) });
  expect(r.stderr).toContain('importing:');
  const bad = await kb(['frobnicate']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('usage');
  const missing = await kb(['import', path.join(dataDir, 'nope.json')]);
  expect(missing.code).toBe(1);
  expect(missing.stderr).toContain('file not found');
});
