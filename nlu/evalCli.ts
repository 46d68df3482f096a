/**
 * `npm run --silent eval:nlu -- FILE.jsonl [--json] [--errors]`: evaluates the local recognizer on labelled
 * rows — intent accuracy, macro-F1 and a per-intent confusion table (rows with "intent"), sentiment
 * accuracy (rows with "sentiment"). --json prints the figures as JSON; --errors lists misclassified rows
 * on stderr (for looking at weaknesses; never copy them into the training data).
 */
import fs from 'node:fs';
import { LocalRecognizer } from './localRecognizer';
import { classificationReport, formatReport } from './eval/metrics';
import { isIntent } from './types';

function main(): void {
  const args = process.argv.slice(2);
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length === 0) {
    process.stderr.write('usage: npm run --silent eval:nlu -- FILE.jsonl [--json] [--errors]\n');
    process.exit(2);
  }
  const recognizer = new LocalRecognizer();
  const intentPairs: { gold: string; predicted: string }[] = [];
  const sentimentPairs: { gold: string; predicted: string }[] = [];
  let skipped = 0;
  const started = Date.now();
  for (const file of files) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, n) => {
      if (!line.trim()) return;
      let row: Record<string, unknown>;
      try {
        row = JSON.parse(line) as Record<string, unknown>;
      } catch {
        skipped++;
        process.stderr.write(`${file}:${n + 1}: not valid JSON, skipped\n`);
        return;
      }
      if (typeof row.text !== 'string') {
        skipped++;
        return;
      }
      const result = recognizer.recognizeSync(row.text);
      if (isIntent(row.intent)) {
        intentPairs.push({ gold: row.intent, predicted: result.intent });
        if (args.includes('--errors') && row.intent !== result.intent) process.stderr.write(`intent ${row.intent} ← ${result.intent} (${result.confidence}) ${row.text}\n`);
      }
      if (row.sentiment === 'positive' || row.sentiment === 'negative' || row.sentiment === 'neutral') {
        sentimentPairs.push({ gold: row.sentiment, predicted: result.sentiment.label });
        if (args.includes('--errors') && row.sentiment !== result.sentiment.label) process.stderr.write(`sentiment ${row.sentiment} ← ${result.sentiment.label} ${row.text}\n`);
      }
    });
  }
  const ms = Date.now() - started;
  const intent = intentPairs.length ? classificationReport(intentPairs) : undefined;
  const sentiment = sentimentPairs.length ? classificationReport(sentimentPairs) : undefined;
  if (args.includes('--json')) {
    process.stdout.write(
      JSON.stringify({
        intent: intent && { n: intent.total, accuracy: intent.accuracy, macroF1: intent.macroF1, perLabel: intent.perLabel, confusion: intent.confusion },
        sentiment: sentiment && { n: sentiment.total, accuracy: sentiment.accuracy, macroF1: sentiment.macroF1 },
        skipped,
      }) + '\n',
    );
    return;
  }
  const out: string[] = [];
  if (intent) out.push(formatReport('intent', intent));
  if (sentiment) out.push(formatReport('sentiment', sentiment));
  if (!intent && !sentiment) out.push('no rows with "intent" or "sentiment" labels');
  out.push(`(${intentPairs.length + sentimentPairs.length} labelled rows, ${skipped} skipped, ${ms} ms)`);
  process.stdout.write(out.join('\n\n') + '\n');
}

main();
