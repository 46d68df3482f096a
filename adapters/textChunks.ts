/**
 * Splits a long reply into pieces a channel accepts, breaking at a paragraph, line, sentence or space
 * where it can and never inside a character. `measure` is the channel's notion of length
 * (WeChat counts UTF-8 bytes, Telegram UTF-16 units).
 */
export type Measure = (text: string) => number;

export const utf8Bytes: Measure = (text) => Buffer.byteLength(text, 'utf8');
export const utf16Units: Measure = (text) => text.length;

const BREAKS = ['\n\n', '\n', '。', '！', '？', '. ', '! ', '? ', '；', '，', ', ', ' '];

export function splitText(text: string, limit: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest && measure(rest) > limit) {
    const fit = longestPrefix(rest, limit, measure);
    let cut = fit.length;
    for (const mark of BREAKS) {
      const at = fit.lastIndexOf(mark);
      // only break late enough that the piece is not tiny
      if (at >= fit.length / 2) {
        cut = at + mark.length;
        break;
      }
    }
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/** The longest prefix within the limit, ending on a whole code point. */
function longestPrefix(text: string, limit: number, measure: Measure): string {
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(chars.slice(0, mid).join('')) <= limit) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, Math.max(lo, 1)).join('');
}
