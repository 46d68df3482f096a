/**
 * The parts of a hero card the two WeChat channels show in their own card messages (the Official Account's
 * news articles, the Mini Program's link and page cards): title, description, buttons, the link it opens,
 * and text clipped to what WeChat displays (about 64 bytes of a title, 120 of a description).
 */
import type { CardAction } from 'botbuilder';
import { cardLines, httpUrl } from '../renderKit';
import { splitText, utf8Bytes } from '../textChunks';

export const cardTitle = (content: Record<string, any>): string => String(content.title ?? '').trim();
export const cardDescription = (content: Record<string, any>): string => cardLines(content, ['subtitle', 'text']).join('\n');
export const cardButtons = (content: Record<string, any>): CardAction[] => (content.buttons ?? []) as CardAction[];

/** The http(s) address the card opens: its tap action, else its first openUrl button. */
export const cardLink = (content: Record<string, any>): string | undefined =>
  httpUrl(content.tap?.type === 'openUrl' ? content.tap.value : cardButtons(content).find((b) => b.type === 'openUrl')?.value);

/** `text` cut to `maxBytes` of UTF-8 with "…" when longer. */
export function clipBytes(text: string, maxBytes: number): string {
  if (utf8Bytes(text) <= maxBytes) return text;
  return `${splitText(text, maxBytes - 3, utf8Bytes)[0]}…`;
}
