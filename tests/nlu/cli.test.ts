import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { processLine } from '../../nlu/cli';
import { localRecognizer } from './helpers';

const ROOT = path.join(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

describe('nlu CLI lines', () => {
  const recognizer = localRecognizer();

  test('keeps the input object and adds "nlu"', () => {
    const out = JSON.parse(processLine(recognizer, '{"id":7,"text":"怎么开发票"}')!) as Record<string, unknown>;
    expect(out.id).toBe(7);
    expect(out.text).toBe('怎么开发票');
    expect(out.nlu).toMatchObject({ intent: 'invoice', language: 'zh', sentiment: { label: 'neutral' } });
  });

  test('bad lines get an error field instead of stopping the run; blank lines are skipped', () => {
    expect(JSON.parse(processLine(recognizer, '{oops')!)).toEqual({ error: 'line is not valid JSON' });
    expect(JSON.parse(processLine(recognizer, '[1,2]')!)).toEqual({ error: 'line is not a JSON object' });
    expect(JSON.parse(processLine(recognizer, '{"id":1,"text":5}')!)).toEqual({ id: 1, text: 5, error: 'missing string field "text"' });
    expect(processLine(recognizer, '   ')).toBeUndefined();
  });
});

describe('npm run nlu -- --jsonl and eval:nlu (real processes)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nlu-cli-'));
  const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('stdout holds exactly one JSON line per input line, nothing else', () => {
    const input = ['{"text":"我的快递到哪了"}', 'garbage', '{"text":"I want to cancel my order","locale":"en-US"}', ''].join('\n');
    const run = spawnSync(TSX, ['nlu/cli.ts', '--jsonl'], { cwd: ROOT, input, env, encoding: 'utf8', timeout: 60000 });
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { nlu?: { intent: string }; error?: string });
    expect(lines).toHaveLength(3);
    expect(lines[0].nlu?.intent).toBe('order_status');
    expect(lines[1].error).toBeDefined();
    expect(lines[2].nlu?.intent).toBe('order_cancel');
    expect(run.stderr).toContain('lines in');
  });

  test('eval:nlu prints accuracy, macro-F1, the confusion table and sentiment accuracy', () => {
    const file = path.join(dataDir, 'eval.jsonl');
    fs.writeFileSync(
      file,
      [
        { text: '怎么开发票', intent: 'invoice' },
        { text: 'where is my refund', intent: 'refund_status' },
        { text: '质量很好，非常满意', sentiment: 'positive' },
        { text: '太差了，垃圾', sentiment: 'negative' },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n') + '\nnot json\n',
    );
    const run = spawnSync(TSX, ['nlu/evalCli.ts', file, '--json'], { cwd: ROOT, env, encoding: 'utf8', timeout: 60000 });
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { intent: { n: number; accuracy: number; macroF1: number; confusion: Record<string, Record<string, number>> }; sentiment: { accuracy: number }; skipped: number };
    expect(report.intent).toMatchObject({ n: 2, accuracy: 1, macroF1: 1 });
    expect(report.intent.confusion.invoice).toEqual({ invoice: 1 });
    expect(report.sentiment.accuracy).toBe(1);
    expect(report.skipped).toBe(1);
  });
});
