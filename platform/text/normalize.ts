/**
 * Text normalisation every area shares: full-width → half-width, and the search form of a text (lower
 * case, accents removed). Two forms on purpose: one keeps the string's length so offsets found in it
 * point into the original (entity spans), the other may shorten it and is only compared with itself
 * (an index and the queries against it).
 */

/** Same length as the input (one UTF-16 unit in, one out), so offsets found in the result hold in the original. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3000) out += ' ';
    else if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else out += text[i];
  }
  return out;
}

/** what normalizeForSearch changes beyond lower case: full-width forms, accents, the ·/・ name dots */
const NEEDS_WORK = /[\u00c0-\u024f\u0300-\u036f\u3000\uff01-\uff5e·・]/;

/**
 * The form indexing and querying both use, so both sides see the same characters: half-width, lower case,
 * accents removed (Estée → estee), ·/・ dropped (the length may change: no offsets into it).
 */
export function normalizeForSearch(text: string): string {
  // most text needs only lower-casing; the full work is for full-width forms and accents
  if (!NEEDS_WORK.test(text)) return text.toLowerCase();
  return toHalfWidth(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[·・]/g, '')
    .toLowerCase();
}

const HAN = /\p{Script=Han}/u;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * One character of the Han script (any plane, 〇 included): what the NLU's character n-gram features are
 * built from. Kept apart from hasCjk because the intent model was trained on exactly this set.
 */
export function isHan(ch: string): boolean {
  return HAN.test(ch);
}

/**
 * Whether a text has a character of the CJK ideograph blocks (BMP ranges): what search uses to decide that a
 * word is Chinese (segmented, bigrammed) and a question is asked in Chinese. Index terms were built with it.
 */
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}
