/**
 * The intent training set: the project's own utterances in nlu/data/intents/<intent>.txt (one a line,
 * `#` comments), plus reviewed examples from the learning loop, plus cheap variants (greeting prefixes,
 * particles, punctuation) so the model does not hinge on how a customer opens or ends a sentence.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isIntent, type Intent } from '../types';
import { seededRandom } from '../../platform/seededRandom';

export const INTENT_DATA_DIR = path.join(__dirname, '..', 'data', 'intents');

export interface LabeledUtterance {
  text: string;
  intent: Intent;
}

export function loadIntentFiles(dir = INTENT_DATA_DIR): LabeledUtterance[] {
  const out: LabeledUtterance[] = [];
  for (const file of fs.readdirSync(dir).sort()) {
    if (!file.endsWith('.txt')) continue;
    const intent = path.basename(file, '.txt');
    if (!isIntent(intent)) throw new Error(`nlu/data/intents/${file}: "${intent}" is not one of the 21 intents`);
    for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      const text = line.trim();
      if (text && !text.startsWith('#')) out.push({ text, intent });
    }
  }
  return out;
}

const ZH_PREFIXES = ['亲，', '你好 ', '在吗 ', '请问', '客服 ', '那个', '我想问下 ', '麻烦问一下', '您好，', 'hi '];
const ZH_SUFFIXES = ['呢', '啊', '？', '。', '!', ' 谢谢', '吗', '呀', '～', ' 急'];
const EN_PREFIXES = ['hi, ', 'please ', 'excuse me, ', 'um ', '', ''];
const EN_SUFFIXES = [' please', '?', ' thanks', '!!', ' asap', ''];

/** Variants never apply to the tiny social intents, whose whole meaning is the short phrase itself. */
const NO_VARIANTS = new Set<Intent>(['greeting', 'thanks_bye', 'other']);

export function withVariants(data: LabeledUtterance[], perUtterance = 2, seed = 11): LabeledUtterance[] {
  const random = seededRandom(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  const out = [...data];
  for (const row of data) {
    if (NO_VARIANTS.has(row.intent)) continue;
    const zh = /\p{Script=Han}/u.test(row.text);
    for (let i = 0; i < perUtterance; i++) {
      const text = zh
        ? `${random() < 0.6 ? pick(ZH_PREFIXES) : ''}${row.text.replace(/[？?。!！]+$/, '')}${random() < 0.6 ? pick(ZH_SUFFIXES) : ''}`
        : `${pick(EN_PREFIXES)}${withTypo((random() < 0.5 ? row.text.toLowerCase() : row.text).replace(/[?.!]+$/, ''), random)}${pick(EN_SUFFIXES)}`;
      out.push({ text, intent: row.intent });
    }
  }
  return out;
}

/**
 * Half of the English variants get one typo (a dropped, doubled or swapped letter in a longer word), the
 * noise real support requests carry; with the model's letter trigrams this teaches "shiping" ≈ "shipping".
 */
export function withTypo(text: string, random: () => number): string {
  if (random() < 0.5) return text;
  const words = text.split(' ');
  const candidates = words.map((w, i) => (/^[a-z]{5,}$/i.test(w) ? i : -1)).filter((i) => i >= 0);
  if (candidates.length === 0) return text;
  const at = candidates[Math.floor(random() * candidates.length)];
  const w = words[at];
  const i = 1 + Math.floor(random() * (w.length - 2));
  const kind = random();
  words[at] = kind < 0.4 ? w.slice(0, i) + w.slice(i + 1) : kind < 0.7 ? w.slice(0, i) + w[i] + w.slice(i) : w.slice(0, i - 1) + w[i] + w[i - 1] + w.slice(i + 1);
  return words.join(' ');
}
