/**
 * Rendering pieces every channel without Bot Framework's own cards shares (botpress/messaging's
 * `base/renderers` pattern): each kind of attachment is handled by a small { handles, render } piece,
 * a channel renders with the first piece of its list that handles the attachment, and what no piece
 * handles is left out. Shared here: the card content types, the adaptive-card piece that stays silent
 * when the text already carries the card, the text a card reads as, and the fallback for choices a
 * channel cannot show as buttons (a numbered list the customer answers by number or by typing).
 */
import type { Activity, Attachment, CardAction } from 'botbuilder';
import { CHANNEL_TEXT } from './text';

export const HERO_CARD = 'application/vnd.microsoft.card.hero';
export const THUMBNAIL_CARD = 'application/vnd.microsoft.card.thumbnail';
export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

export interface RenderContext {
  activity: Partial<Activity>;
  /** the text the channel already sends for this activity ('' for none) */
  text: string;
}

export interface AttachmentRenderer<Out, Ctx extends RenderContext = RenderContext> {
  handles(attachment: Attachment, context: Ctx): boolean;
  /** undefined: the attachment shows nothing on this channel */
  render(attachment: Attachment, context: Ctx): Out | undefined;
}

/** The attachment as the first piece that handles it renders it; undefined when none does. */
export function renderAttachment<Out, Ctx extends RenderContext>(renderers: AttachmentRenderer<Out, Ctx>[], attachment: Attachment, context: Ctx): Out | undefined {
  return renderers.find((r) => r.handles(attachment, context))?.render(attachment, context);
}

/** An adaptive card (a table) repeats what the dialogs already put in the text for card-less channels. */
export const adaptiveCardInText: AttachmentRenderer<never> = {
  handles: (attachment, context) => attachment.contentType === ADAPTIVE_CARD && context.text !== '',
  render: () => undefined,
};

export const isHeroLike = (attachment: Attachment): boolean => attachment.contentType === HERO_CARD || attachment.contentType === THUMBNAIL_CARD;

/** The card's content as fields to read (cards are free-form JSON). */
export const cardContent = (attachment: Attachment): Record<string, any> => (attachment.content ?? {}) as Record<string, any>;

export function isVisibleText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** `value` when it is an http(s) URL. */
export function httpUrl(value: unknown): string | undefined {
  return typeof value === 'string' && /^https?:\/\//i.test(value) ? value : undefined;
}

/** The given card fields that hold visible text, in order. */
export function cardLines(content: Record<string, any>, fields: readonly string[]): string[] {
  return fields.map((f) => content[f]).filter(isVisibleText);
}

/**
 * The text of an adaptive card when it cannot be shown: its fallbackText, else the text of its elements
 * from `root` on, in order — `textBlocks`: TextBlocks through containers and columns; `everything`:
 * FactSets too (as "title：value"), and nested card bodies.
 */
export function adaptiveCardText(content: Record<string, any>, root: unknown, read: 'textBlocks' | 'everything'): string {
  if (typeof content.fallbackText === 'string') return content.fallbackText;
  const all = read === 'everything';
  const walk = (node: unknown): string[] => {
    if (Array.isArray(node)) return node.flatMap(walk);
    if (node === null || typeof node !== 'object') return [];
    const n = node as Record<string, unknown>;
    const own = n.type === 'TextBlock' && typeof n.text === 'string' ? [n.text] : [];
    const facts = all && n.type === 'FactSet' && Array.isArray(n.facts) ? (n.facts as { title?: string; value?: string }[]).map((f) => `${f.title ?? ''}：${f.value ?? ''}`) : [];
    return [...own, ...facts, ...(all ? walk(n.body) : []), ...walk(n.items), ...walk(n.columns)];
  };
  return walk(root).join('\n');
}

/** The choices as a numbered list, introduced in the language of the text they follow ('' for none). */
export function numberedList(actions: CardAction[], context: string): string {
  if (actions.length === 0) return '';
  const zh = /\p{Script=Han}/u.test(context) || !/[A-Za-z]/.test(context);
  const lines = actions.map((a, i) => `${i + 1}. ${a.title || String(a.value ?? '')}`);
  return `${CHANNEL_TEXT.numberedChoices[zh ? 'zh' : 'en']}\n${lines.join('\n')}`;
}

/**
 * The common fallback: text lines followed by the choices as a numbered list, one line each (empty
 * lines left out). `context` is the text the list's language follows (the lines themselves by default).
 */
export function linesWithChoices(lines: (string | undefined)[], choices: CardAction[], context = lines.join('')): string {
  return [...lines, numberedList(choices, context)].filter(Boolean).join('\n');
}
