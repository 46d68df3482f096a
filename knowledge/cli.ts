/**
 * `npm run kb -- search "QUERY" [--limit N]` → JSON array of hits on stdout
 * `npm run kb -- ask "QUESTION" [--product ID]` → {"answer","sources","confidence"}
 * `npm run kb -- import FILE` → progress on stderr; last stdout line {"imported","updated","rejected"}
 * Uses the configured store (DATA_DIR or MONGODB_URI); logs go to stderr so stdout stays machine-readable.
 */
import pino from 'pino';
import { ConfigError, loadConfig } from '../config';
import { createStore } from '../storage';
import { createKnowledgeBase, ImportError } from './index';

const USAGE = 'usage: kb search "QUERY" [--limit N] | kb ask "QUESTION" [--product ID] [--lang zh|en] | kb import FILE';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function positional(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i]!.startsWith('--')) i++;
    else out.push(args[i]!);
  }
  return out;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const [arg] = positional(rest);
  if (!command || !arg || !['search', 'ask', 'import'].includes(command)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const logger = pino({ level: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL }, pino.destination(2));
  const store = await createStore(config);
  try {
    const kb = await createKnowledgeBase({ store, config, logger });
    if (command === 'search') {
      const limit = Number(option(rest, '--limit') ?? 10);
      if (!Number.isInteger(limit) || limit < 1) throw new ImportError('--limit must be a positive whole number');
      process.stdout.write(`${JSON.stringify(kb.search(arg, { limit, filters: { includeCompetitors: true } }))}\n`);
    } else if (command === 'ask') {
      const lang = option(rest, '--lang');
      const a = await kb.ask(arg, { productId: option(rest, '--product'), lang: lang === 'zh' || lang === 'en' ? lang : undefined });
      process.stdout.write(`${JSON.stringify({ answer: a.answer, sources: a.sources, confidence: a.confidence })}\n`);
    } else {
      const report = await kb.importFile(arg, (done, total) => process.stderr.write(`\rimporting: ${done}/${total} rows`));
      process.stderr.write('\n');
      process.stdout.write(`${JSON.stringify(report)}\n`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((err) => {
    const known = err instanceof ConfigError || err instanceof ImportError;
    process.stderr.write(`kb: ${known ? err.message : (err as Error).stack}\n`);
    process.exit(1);
  });
