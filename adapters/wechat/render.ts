/**
 * WeChat outbound rendering: channel-neutral activities → WeChat messages. Text is split to 2048 bytes,
 * consecutive texts are joined while they fit (fewer messages), suggested actions become a numbered list
 * (the choice prompts accept "1", "2" … as answers). Attachments go through the pieces below (see
 * ../renderKit.ts): hero cards become news (图文) when they have a picture or link and text otherwise.
 */
import type { Activity, Attachment, CardAction } from 'botbuilder';
import { splitText, utf8Bytes } from '../textChunks';
import { cardButtons, cardDescription, cardLink, cardTitle, clipBytes } from '../wechatKit/cardParts';
import {
  ADAPTIVE_CARD,
  adaptiveCardInText,
  adaptiveCardText,
  AttachmentRenderer,
  cardContent,
  httpUrl,
  isHeroLike,
  linesWithChoices,
  renderAttachment,
} from '../renderKit';

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
    const text = linesWithChoices([activity.text?.trim()], actions);
    if (text) pushText(text, actions.length > 0 ? actions.map(choiceValue) : undefined);
    const context = { activity, text: activity.text?.trim() ?? '' };
    for (const attachment of activity.attachments ?? []) {
      const rendered = renderAttachment(RENDERERS, attachment, context);
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


/** A hero card as a news article: it needs a title and a picture or a link. */
function newsArticle(attachment: Attachment): NewsArticle | undefined {
  const content = cardContent(attachment);
  const title = cardTitle(content);
  const picurl = httpUrl(content.images?.[0]?.url);
  const url = cardLink(content);
  if (!title || !(picurl || url)) return undefined;
  // WeChat shows ~64 bytes of title and ~120 of description; longer text is cut by the client anyway
  return { title: clipBytes(title, 64), description: clipBytes(cardDescription(content), 120), url: url ?? '', picurl: picurl ?? '' };
}

const heroAsNews: AttachmentRenderer<WeChatMessage> = {
  handles: (attachment) => isHeroLike(attachment) && newsArticle(attachment) !== undefined,
  render: (attachment) => ({ type: 'news', article: newsArticle(attachment)! }),
};

/** The common fallback: the card's text, its buttons (links aside) as a numbered list. */
const heroAsText: AttachmentRenderer<WeChatMessage> = {
  handles: isHeroLike,
  render: (attachment) => {
    const content = cardContent(attachment);
    const choices = cardButtons(content).filter((b) => b.type !== 'openUrl');
    const lines = linesWithChoices([cardTitle(content), cardDescription(content)], choices);
    return { type: 'text', content: lines, ...(choices.length > 0 ? { choices: choices.map(choiceValue) } : {}) };
  },
};

const adaptiveAsText: AttachmentRenderer<WeChatMessage> = {
  handles: (attachment) => attachment.contentType === ADAPTIVE_CARD,
  render: (attachment) => {
    const content = cardContent(attachment);
    const text = adaptiveCardText(content, content, 'everything');
    return text.trim() ? { type: 'text', content: text } : undefined;
  },
};

const linkAsText: AttachmentRenderer<WeChatMessage> = {
  handles: (attachment) => httpUrl(attachment.contentUrl) !== undefined,
  render: (attachment) => ({ type: 'text', content: [attachment.name, attachment.contentUrl].filter(Boolean).join('\n') }),
};

/** In order: the first piece that handles an attachment renders it; anything else is left out. */
const RENDERERS: AttachmentRenderer<WeChatMessage>[] = [adaptiveCardInText, heroAsNews, heroAsText, adaptiveAsText, linkAsText];
