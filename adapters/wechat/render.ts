/**
 * WeChat outbound rendering: channel-neutral activities → WeChat messages. Text is split to 2048 bytes,
 * consecutive texts are joined while they fit (fewer messages), hero cards become news (图文) when they
 * have a picture or link and text otherwise, suggested actions become a numbered list (the choice
 * prompts accept "1", "2" … as answers).
 */
import type { Activity, Attachment, CardAction } from 'botbuilder';
import { splitText, utf8Bytes } from '../textChunks';
import { ADAPTIVE_CARD, HERO_CARD, numberedList, THUMBNAIL_CARD } from '../renderKit';

export const WECHAT_TEXT_LIMIT_BYTES = 2048;
/** most messages we send for one customer message (one passive reply plus customer-service messages) */
export const WECHAT_MAX_MESSAGES_PER_TURN = 5;

export interface NewsArticle {
  title: string;
  description: string;
  url: string;
  picurl: string;
}

/** `choices`: the values behind a numbered list in the text, so a reply of "2" can be read back */
export type WeChatMessage = { type: 'text'; content: string; choices?: string[] } | { type: 'news'; article: NewsArticle };


export function render(activities: Partial<Activity>[]): WeChatMessage[] {
  const out: WeChatMessage[] = [];
  const pushText = (text: string, choices?: string[]) => {
    const last = out[out.length - 1];
    if (last?.type === 'text' && utf8Bytes(`${last.content}\n\n${text}`) <= WECHAT_TEXT_LIMIT_BYTES) {
      last.content = `${last.content}\n\n${text}`;
      if (choices) last.choices = choices;
      return;
    }
    const pieces = splitText(text, WECHAT_TEXT_LIMIT_BYTES, utf8Bytes);
    pieces.forEach((piece, i) => out.push({ type: 'text', content: piece, ...(choices && i === pieces.length - 1 ? { choices } : {}) }));
  };
  for (const activity of activities) {
    if (activity.type !== 'message') continue;
    const actions = activity.suggestedActions?.actions ?? [];
    const text = [activity.text?.trim(), numberedList(actions, activity.text ?? '')].filter(Boolean).join('\n');
    if (text) pushText(text, actions.length > 0 ? actions.map(choiceValue) : undefined);
    for (const attachment of activity.attachments ?? []) {
      // an adaptive card (a table) repeats what the dialogs already put in the text for card-less channels
      if (attachment.contentType === ADAPTIVE_CARD && activity.text?.trim()) continue;
      const rendered = renderAttachment(attachment);
      if (rendered?.type === 'text') pushText(rendered.content, rendered.choices);
      else if (rendered) out.push(rendered);
    }
  }
  if (out.length <= WECHAT_MAX_MESSAGES_PER_TURN) return out;
  return out.slice(0, WECHAT_MAX_MESSAGES_PER_TURN);
}

function choiceValue(action: CardAction): string {
  return String(action.value ?? action.title ?? '');
}

/** The choices of the last numbered list among the messages (what a "2" in the next message refers to). */
export function lastChoices(messages: WeChatMessage[]): string[] | undefined {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m.type === 'text' && m.choices) return m.choices;
  }
  return undefined;
}

function renderAttachment(attachment: Attachment): WeChatMessage | undefined {
  const content = (attachment.content ?? {}) as Record<string, any>;
  if (attachment.contentType === HERO_CARD || attachment.contentType === THUMBNAIL_CARD) {
    const title = String(content.title ?? '').trim();
    const description = [content.subtitle, content.text].filter((s) => typeof s === 'string' && s.trim()).join('\n');
    const picurl = httpUrl(content.images?.[0]?.url);
    const buttons = (content.buttons ?? []) as CardAction[];
    const url = httpUrl(content.tap?.type === 'openUrl' ? content.tap.value : buttons.find((b) => b.type === 'openUrl')?.value);
    if (title && (picurl || url)) {
      // WeChat shows ~64 bytes of title and ~120 of description; longer text is cut by the client anyway
      return { type: 'news', article: { title: clip(title, 64), description: clip(description, 120), url: url ?? '', picurl: picurl ?? '' } };
    }
    const choices = buttons.filter((b) => b.type !== 'openUrl');
    const lines = [title, description, numberedList(choices, `${title}${description}`)].filter(Boolean).join('\n');
    return { type: 'text', content: lines, ...(choices.length > 0 ? { choices: choices.map(choiceValue) } : {}) };
  }
  if (attachment.contentType === ADAPTIVE_CARD) {
    const text = typeof content.fallbackText === 'string' ? content.fallbackText : adaptiveText(content).join('\n');
    return text.trim() ? { type: 'text', content: text } : undefined;
  }
  const url = httpUrl(attachment.contentUrl);
  if (url) return { type: 'text', content: [attachment.name, url].filter(Boolean).join('\n') };
  return undefined;
}

/** The visible text of an adaptive card (TextBlocks and FactSets), in order. */
function adaptiveText(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(adaptiveText);
  if (node === null || typeof node !== 'object') return [];
  const n = node as Record<string, unknown>;
  const own = n.type === 'TextBlock' && typeof n.text === 'string' ? [n.text] : [];
  const facts = n.type === 'FactSet' && Array.isArray(n.facts) ? (n.facts as { title?: string; value?: string }[]).map((f) => `${f.title ?? ''}：${f.value ?? ''}`) : [];
  return [...own, ...facts, ...adaptiveText(n.body), ...adaptiveText(n.items), ...adaptiveText(n.columns)];
}

function httpUrl(value: unknown): string | undefined {
  return typeof value === 'string' && /^https?:\/\//i.test(value) ? value : undefined;
}

function clip(text: string, maxBytes: number): string {
  if (utf8Bytes(text) <= maxBytes) return text;
  return `${splitText(text, maxBytes - 3, utf8Bytes)[0]}…`;
}
