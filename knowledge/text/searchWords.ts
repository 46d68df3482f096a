/**
 * The knowledge base's words for the process's one segmenter (platform/text/segmenter): the beauty domain's
 * terms and synonyms, taught when this module loads, and the catalogue's names (brand aliases, nicknames,
 * product lines, shades) taught by the lexicon as products arrive, so 小棕瓶, 洗面奶 and 自然堂 come out
 * whole. Search code imports its cuts from here, so the words are always taught before the first cut.
 */
import { addWords, WORD_WEIGHT } from '../../platform/text/segmenter';
import { hasCjk } from '../../platform/text/normalize';
import { categorySynonyms, concernSynonyms, skinTypeSynonyms } from './synonyms';

export { segmentForSearch, segmentManyForSearch } from '../../platform/text/segmenter';

const DOMAIN_WORDS = ['男士', '女士', '玻色因', '烟酰胺', '水杨酸', '视黄醇', '神经酰胺', '透明质酸', '玻尿酸', '角鲨烷', '胜肽', '维C', '小样', '正装', '套装'];

/**
 * Teaches whole search words. Only Chinese words of two or more characters, in the search form's lower case:
 * Latin names are matched as ASCII words and phrases, and a single character is already a token.
 */
export function addSearchWords(words: Iterable<string>): void {
  const chinese: string[] = [];
  for (const raw of words) {
    const word = raw.trim().toLowerCase();
    if (word.length >= 2 && hasCjk(word)) chinese.push(word);
  }
  addWords(chinese, { weight: WORD_WEIGHT.catalogue });
}

addSearchWords([...DOMAIN_WORDS, ...[categorySynonyms, concernSynonyms, skinTypeSynonyms].flatMap((t) => Object.entries(t).flatMap(([k, v]) => [k, ...v]))]);
