/**
 * Text written for a screen, rewritten for the ear (pure): no links, emoji, markdown or screen-only hints
 * ("点「了解这款」"), prices and units as words ("¥299" → "299元" / "299 yuan", "50ml" → "50毫升"),
 * order and tracking numbers grouped by four and read one character at a time, and the result cut into
 * short sentences a caller can follow. A text-to-speech engine reads "1688000000000103" as one huge
 * number; "1 6 8 8、0 0 0 0、…" it reads digit by digit.
 */

export type EarLanguage = 'zh' | 'en';

/** the longest sentence before it is cut at a comma (zh characters / en characters) */
const MAX_SENTENCE = { zh: 40, en: 140 } as const;

const URL_PATTERN = /\b(?:https?:\/\/|www\.)\S+/gi;
const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{FE0F}\u{200D}\u{20E3}]/gu;
/** a line that only makes sense on a screen (a button to tap, a link to click) */
const SCREEN_ONLY = /^(?:点击?|请点击?|轻触)|\b(?:tap|click)\b/i;

export const hasHan = (text: string): boolean => /\p{Script=Han}/u.test(text);

/** An identifier read character by character: 6+ letters/digits with 5+ digits ("SF1460012345678"). */
export function spellIdentifier(token: string, lang: EarLanguage): string {
  const groups = token.toUpperCase().match(/.{1,4}/g) ?? [];
  // 、 is a pause a sentence is never cut at
  return groups.map((g) => g.split('').join(' ')).join(lang === 'zh' ? '、' : ', ');
}

/** Prices, ranges, units, dates and identifiers as they should be heard. */
export function speakNumbers(text: string, lang: EarLanguage): string {
  const zh = lang === 'zh';
  return (
    text
      // identifiers first, so their digits are not read as prices or units
      .replace(/(?<![A-Za-z0-9])(?=[A-Za-z0-9]*(?:\d[A-Za-z]*){5})[A-Za-z0-9]{6,}(?![A-Za-z0-9])/g, (token) => spellIdentifier(token, lang))
      .replace(/[¥￥]\s?(\d+(?:\.\d+)?)\s?[-–~～]\s?(\d+(?:\.\d+)?)/g, zh ? '$1到$2元' : '$1 to $2 yuan')
      .replace(/[¥￥]\s?(\d+(?:\.\d+)?)(?:\s?元)?/g, zh ? '$1元' : '$1 yuan')
      .replace(/(\d+(?:\.\d+)?)\s?[-–~～]\s?(\d+(?:\.\d+)?)\s?元/g, zh ? '$1到$2元' : '$1 to $2 yuan')
      .replace(/(\d)\s?ml\b/gi, zh ? '$1毫升' : '$1 milliliters')
      .replace(/(\d)\s?kg\b/gi, zh ? '$1千克' : '$1 kilograms')
      .replace(/(\d)\s?g\b/gi, zh ? '$1克' : '$1 grams')
      .replace(/(?<![\d/])(\d{1,2})\/(\d{1,2})(?![\d/])/g, zh ? '$1月$2日' : '$1/$2')
      .replace(/(?<![\d:])(\d{1,2}):(\d{2})(?![\d:])/g, zh ? '$1点$2分' : '$1:$2')
  );
}

/** Markdown, links and emoji out; brackets and list markers to plain text; screen-only lines dropped. */
export function plainLines(text: string): string[] {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // [label](url) → label
    .replace(URL_PATTERN, '')
    .replace(EMOJI, '')
    .replace(/[*_`#>]+/g, '')
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/^\s*(?:[-•]|\d{1,2}[.、)])\s+/, '')
        .replace(/[「」『』【】"“”]/g, '')
        .replace(/[～~]+/g, '')
        .replace(/\s*[（(]\s*/g, '，')
        .replace(/\s*[）)]\s*/g, '，')
        .replace(/\s*(?:·|—|–|\||\s\/\s)\s*/g, '，')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((line) => line !== '' && !SCREEN_ONLY.test(line));
}

/** One sentence cut at commas into pieces no longer than the limit (a single long clause stays whole). */
function shortPieces(sentence: string, lang: EarLanguage): string[] {
  const max = MAX_SENTENCE[lang];
  if (sentence.length <= max) return [sentence];
  const clauses = sentence.split(lang === 'zh' ? /(?<=，)/ : /(?<=,\s)/);
  const pieces: string[] = [];
  for (const clause of clauses) {
    const last = pieces.length - 1;
    if (last >= 0 && pieces[last].length + clause.length <= max) pieces[last] += clause;
    else pieces.push(clause);
  }
  return pieces.map((p) => p.trim().replace(/[，,]$/, ''));
}

/** Ends a sentence with a full stop when it has none. */
function closed(sentence: string, lang: EarLanguage): string {
  const trimmed = sentence.replace(/^[，,：:；;\s]+|[，,：:；;\s]+$/g, '');
  if (trimmed === '') return '';
  return /[。！？.!?]$/.test(trimmed) ? trimmed : `${trimmed}${lang === 'zh' ? '。' : '.'}`;
}

/** The text as short sentences for the ear, in order. */
export function earSentences(text: string, lang: EarLanguage): string[] {
  const sentences = plainLines(text)
    .map((line) => speakNumbers(line, lang))
    .flatMap((line) => line.split(/(?<=[。！？!?；;])|(?<=\.)\s+/))
    .map((s) => s.replace(/[，,]{2,}/g, lang === 'zh' ? '，' : ', ').replace(/[，,]\s*(?=[：:；;。！？.!?])/g, '').trim());
  return sentences.flatMap((s) => shortPieces(s, lang)).map((s) => closed(s, lang)).filter((s) => s !== '' && /[\p{L}\p{N}]/u.test(s));
}

/** A short label (a choice, a product name) cleaned for the ear, without a closing full stop. */
export function earLabel(text: string, lang: EarLanguage): string {
  return speakNumbers(plainLines(text).join(' '), lang).replace(/[。.!！?？，,]+$/, '').trim();
}
