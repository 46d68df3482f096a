/**
 * The NLU's words for the process's one segmenter (platform/text/segmenter): the shop's domain words
 * (data/domainWords.txt: brands, product types, 双十一, internet speech) taught when this module loads, and
 * the gazetteer's names taught by the recognizer. Code that segments for the NLU imports `segment` from
 * here, so the words are always taught before the first cut.
 */
import fs from 'node:fs';
import path from 'node:path';
import { addWords, WORD_WEIGHT } from '../../platform/text/segmenter';

export { segment } from '../../platform/text/segmenter';

const DOMAIN_WORDS_FILE = path.join(__dirname, '..', 'data', 'domainWords.txt');

function readDomainWords(): string[] {
  return fs
    .readFileSync(DOMAIN_WORDS_FILE, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** Words (e.g. product nicknames and brand names from the knowledge base) that must never be split. */
export function addNluWords(words: Iterable<string>): void {
  addWords(words, { weight: WORD_WEIGHT.intent });
}

addNluWords(readDomainWords());
