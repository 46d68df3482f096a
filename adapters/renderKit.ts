/**
 * Rendering pieces every channel without Bot Framework's own cards shares: the card content types it
 * recognises, and the fallback for choices a channel cannot show as buttons (a numbered list the
 * customer answers by number or by typing).
 */
import type { CardAction } from 'botbuilder';

export const HERO_CARD = 'application/vnd.microsoft.card.hero';
export const THUMBNAIL_CARD = 'application/vnd.microsoft.card.thumbnail';
export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** The choices as a numbered list, introduced in the language of the text they follow ('' for none). */
export function numberedList(actions: CardAction[], context: string): string {
  if (actions.length === 0) return '';
  const zh = /\p{Script=Han}/u.test(context) || !/[A-Za-z]/.test(context);
  const lines = actions.map((a, i) => `${i + 1}. ${a.title || String(a.value ?? '')}`);
  return `${zh ? '回复序号或直接输入：' : 'Reply with a number or type your answer:'}\n${lines.join('\n')}`;
}
