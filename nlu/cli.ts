/**
 * `npm run --silent nlu -- --jsonl`: reads JSON objects (one a line, each with a `text`) on stdin and writes
 * each back on stdout with an added "nlu" field. Local recognizer only (no LLM, no store), so it is fast
 * and reproducible. Only results go to stdout; a bad line gets an "error" field instead of stopping the run.
 * `npm run --silent nlu -- 我的快递到哪了` recognizes one text given as arguments.
 */
import path from 'node:path';
import readline from 'node:readline';
import { loadConfig } from '../config';
import { LocalRecognizer } from './localRecognizer';

function usage(): never {
  process.stderr.write('usage: npm run --silent nlu -- --jsonl < in.jsonl > out.jsonl\n       npm run --silent nlu -- "text to recognize"\n');
  process.exit(2);
}

/** One output line for one input line; never throws. */
export function processLine(recognizer: LocalRecognizer, line: string): string | undefined {
  if (!line.trim()) return undefined;
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return JSON.stringify({ error: 'line is not valid JSON' });
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return JSON.stringify({ error: 'line is not a JSON object' });
  const row = input as Record<string, unknown>;
  if (typeof row.text !== 'string') return JSON.stringify({ ...row, error: 'missing string field "text"' });
  try {
    const locale = typeof row.locale === 'string' ? row.locale : undefined;
    return JSON.stringify({ ...row, nlu: recognizer.recognizeSync(row.text, { locale }) });
  } catch (err) {
    return JSON.stringify({ ...row, error: `recognition failed: ${(err as Error).message}` });
  }
}

/** The same model cache the bot uses (DATA_DIR/nlu); without a usable config the model is just trained. */
function modelCacheDir(): string | undefined {
  try {
    return path.join(loadConfig().DATA_DIR, 'nlu');
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.length === 0) usage();
  const recognizer = new LocalRecognizer({ cacheDir: modelCacheDir() });
  process.stderr.write(`nlu: model ready (${recognizer.trainingSize} utterances, ${recognizer.trainingMs} ms)\n`);
  if (!args.includes('--jsonl')) {
    process.stdout.write(JSON.stringify(recognizer.recognizeSync(args.join(' ')), null, 2) + '\n');
    return;
  }
  const started = Date.now();
  const cpuStart = process.cpuUsage();
  let count = 0;
  let buffer: string[] = [];
  const flush = async (): Promise<void> => {
    if (buffer.length === 0) return;
    const chunk = buffer.join('\n') + '\n';
    buffer = [];
    if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  };
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const out = processLine(recognizer, line);
    if (out === undefined) continue;
    buffer.push(out);
    count++;
    if (buffer.length >= 256) await flush();
  }
  await flush();
  const seconds = (Date.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  // CPU time too: on a busy machine wall-clock throughput says more about the neighbours than about us
  process.stderr.write(
    `nlu: ${count} lines in ${seconds.toFixed(2)} s (${Math.round(count / Math.max(seconds, 0.001))}/s; ${Math.round(count / Math.max(cpuSeconds, 0.001))}/s per CPU-second)\n`,
  );
}

if (require.main === module) {
  main().catch((err: Error) => {
    process.stderr.write(`nlu: ${err.message}\n`);
    process.exit(1);
  });
}
