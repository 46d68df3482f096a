/**
 * npx tsx bench/linkCodeGuessing.ts [-- --guesses 2000 --identities 400 --concurrency 20]
 *
 * Measures how fast an attacker can guess account-link codes on the real app channel over HTTP
 * (127.0.0.1): one real customer asks for a code, then `identities` fresh app users (all from this one
 * address) send `guesses` wrong six-digit codes between them. Every reply is classified as a guess the
 * bot evaluated ("wrong or expired"), a refusal (rate limited), or a hit. Prints one JSON line.
 * The recognizer is a stand-in: link-code messages are handled before recognition.
 */
import type { AddressInfo } from 'node:net';
import { testConfig } from '../config';
import { buildApp } from '../index';
import type { NluResult, Recognizer } from '../nlu/types';
import { listen } from '../server/createServer';
import { silentLogger } from '../platform/logger';
import { EmbeddedStore } from '../storage';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} needs a positive integer`);
  return value;
}

const stubRecognizer: Recognizer = {
  async recognize(): Promise<NluResult> {
    return { intent: 'other', confidence: 1, alternatives: [], entities: [], sentiment: { label: 'neutral', score: 0.5, anger: 0 }, language: 'zh' };
  },
};

async function main(): Promise<void> {
  const guesses = arg('guesses', 2000);
  const identities = arg('identities', 400);
  const concurrency = arg('concurrency', 20);
  const app = await buildApp(testConfig({ PORT: '0', HOST: '127.0.0.1' }), {
    store: new EmbeddedStore(null),
    logger: silentLogger(),
    recognizer: stubRecognizer,
  });
  await listen(app.server, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.server.server.address() as AddressInfo).port}/api/app/messages`;
  const say = async (userId: string, text: string): Promise<{ status: number; text: string }> => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId, text }) });
    const body = (await res.json()) as { replies?: { text?: string }[] };
    return { status: res.status, text: (body.replies ?? []).map((r) => r.text ?? '').join('\n') };
  };

  const offer = await say('victim', '绑定');
  const code = /(\d{6})/.exec(offer.text)?.[1];
  if (!code) throw new Error(`no code issued: ${offer.text}`);
  // wrong codes only, so "hit" can only mean a real guess landed (it never should here)
  const wrong = (i: number) => String((Number(code) + 1 + i * 7919) % 1_000_000).padStart(6, '0');

  const tally = { evaluated: 0, rateLimited: 0, hits: 0, other: 0, http429: 0 };
  let next = 0;
  const started = process.hrtime.bigint();
  const worker = async () => {
    for (let i = next++; i < guesses; i = next++) {
      const reply = await say(`attacker-${i % identities}`, wrong(i));
      if (reply.status === 429) tally.http429++;
      else if (/绑定成功/.test(reply.text)) tally.hits++;
      else if (/不正确或已过期/.test(reply.text)) tally.evaluated++;
      else if (/太多|稍后|再试/.test(reply.text)) tally.rateLimited++;
      else tally.other++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const linked = await app.directory.find({ channelId: 'app', userId: 'victim' });
  process.stdout.write(
    `${JSON.stringify({
      guesses,
      identities,
      concurrency,
      seconds: Number(seconds.toFixed(2)),
      requestsPerSecond: Math.round(guesses / seconds),
      guessesEvaluated: tally.evaluated,
      guessesEvaluatedPerSecond: Number((tally.evaluated / seconds).toFixed(1)),
      refused: tally.rateLimited + tally.http429,
      hits: tally.hits,
      other: tally.other,
      victimStillAlone: (await app.directory.get(linked ?? ''))?.identities.length === 1,
    })}\n`,
  );
  await app.close(1000);
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
