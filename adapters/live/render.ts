/**
 * Live room outbound (pure): a private reply becomes what a platform's direct message can carry — plain
 * text, choices as a numbered list, each card as its lines of text, and the links (add to cart) beside
 * it so a connector that can show link cards does. Pictures are left out: the platforms' direct
 * messages take text.
 */
import type { Activity, CardAction } from 'botbuilder';
import { ADAPTIVE_CARD, adaptiveCardText, cardContent, cardLines, httpUrl, isHeroLike, linesWithChoices } from '../renderKit';

export interface LiveMessage {
  text: string;
  links: { title: string; url: string }[];
}

export const MAX_PRIVATE_CHARS = 2000;

export function render(activity: Partial<Activity>): LiveMessage | undefined {
  if (activity.type !== 'message') return undefined;
  const links: LiveMessage['links'] = [];
  const cards: string[] = [];
  for (const attachment of activity.attachments ?? []) {
    const content = cardContent(attachment);
    if (isHeroLike(attachment)) {
      const lines = cardLines(content, ['title', 'subtitle', 'text']);
      for (const button of (content.buttons ?? []) as CardAction[]) {
        const url = button.type === 'openUrl' ? httpUrl(button.value) : undefined;
        if (url) {
          links.push({ title: String(content.title ?? button.title ?? ''), url });
          lines.push(`${button.title ?? ''} ${url}`.trim());
        }
      }
      if (lines.length > 0) cards.push(lines.join('\n'));
    } else if (attachment.contentType === ADAPTIVE_CARD) {
      const text = adaptiveCardText(content, content.body, 'everything');
      if (text) cards.push(text);
    }
  }
  const text = linesWithChoices([activity.text?.trim(), ...cards], activity.suggestedActions?.actions ?? [], activity.text ?? cards.join(''));
  if (!text && links.length === 0) return undefined;
  return { text: text.length > MAX_PRIVATE_CHARS ? `${text.slice(0, MAX_PRIVATE_CHARS - 1)}…` : text, links };
}
