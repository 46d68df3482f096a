/**
 * A small English lemmatiser for the intent features: irregular verbs of shopping talk (bought, paid, sent,
 * broke) and the regular suffixes (-s, -es, -ies, -ed, -ied, -ing with a doubled consonant), so "ordered",
 * "orders" and "ordering" all meet "order" and "shipping" meets "ship". Non-native English drops or misuses
 * inflections ("i order it yesterday", "it not arrive"), which this makes harmless. Not a dictionary: a
 * wrong cut only adds one feature the model has not seen.
 */

const IRREGULAR: Record<string, string> = {
  bought: 'buy',
  paid: 'pay',
  sent: 'send',
  got: 'get',
  gotten: 'get',
  came: 'come',
  gave: 'give',
  given: 'give',
  broke: 'break',
  broken: 'break',
  took: 'take',
  taken: 'take',
  made: 'make',
  said: 'say',
  told: 'tell',
  went: 'go',
  gone: 'go',
  was: 'be',
  were: 'be',
  is: 'be',
  are: 'be',
  been: 'be',
  did: 'do',
  does: 'do',
  done: 'do',
  had: 'have',
  has: 'have',
  left: 'leave',
  lost: 'lose',
  found: 'find',
  spent: 'spend',
  forgot: 'forget',
  forgotten: 'forget',
  wrote: 'write',
  written: 'write',
  chose: 'choose',
  chosen: 'choose',
};

const KEEP = new Set(['this', 'his', 'is', 'was', 'has', 'does', 'yes', 'less', 'unless', 'address', 'access', 'express', 'process', 'glass', 'gloss', 'miss', 'boss', 'status', 'bus', 'plus', 'us', 'thanks', 'news', 'series', 'species', 'something', 'nothing', 'anything', 'everything', 'morning', 'evening', 'during', 'thing', 'ring', 'king', 'spring', 'bring', 'sing', 'string', 'red', 'need', 'feed', 'seed', 'bed', 'shed', 'speed', 'used']);

/** The stem of one lower-case English word: its lemma without a final silent e (arrive, arrived → arriv). */
export function stem(word: string): string {
  const l = lemma(word);
  return l.length > 4 && l.endsWith('e') && !l.endsWith('ee') ? l.slice(0, -1) : l;
}

/** The lemma of one lower-case English word (the word itself when no rule applies). */
export function lemma(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular) return irregular;
  if (word.length <= 3 || KEEP.has(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (word.endsWith('ied') && word.length > 4) return word.slice(0, -3) + 'y';
  if (/(ss|us|is)$/.test(word)) return word;
  if (/(sses|shes|ches|xes|zes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('ing') && word.length > 5) return undouble(word.slice(0, -3));
  if (word.endsWith('ed') && word.length > 4) return undouble(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** shipp → ship, cancell → cancel: one of a doubled final consonant goes (but not ll in "install" / "fill"). */
function undouble(cut: string): string {
  return /([bdgmnprt])\1$/.test(cut) || /(cancel|travel|label|model)l$/.test(cut) ? cut.slice(0, -1) : cut;
}
