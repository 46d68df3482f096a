/**
 * Voice outbound rendering (pure): the channel-neutral activities of one turn → what the caller hears.
 * Text becomes short sentences (earText.ts); a product card is one sentence, its name and price; a card
 * that only repeats the text (an order card whose number the text already says) is not read again, and
 * a numbered list that repeats the cards is left to the cards. At most three choices are read out
 * ("按1，干皮；按2，油皮…" / "Press 1 for …"): the suggested actions, else each card's first button. Their
 * values are kept so that a key pressed next turn means the choice read out this turn.
 */
import type { Activity, Attachment, CardAction } from 'botbuilder';
import { ADAPTIVE_CARD, adaptiveCardText, cardContent, isHeroLike } from '../renderKit';
import { EarLanguage, earLabel, earSentences, hasHan, plainLines } from './earText';
import { VOICE_TEXT } from './text';

export const MAX_CHOICES = 3;
const MAX_CARDS = 5;
const SPEAKABLE_ACTIONS = new Set(['imBack', 'postBack', 'messageBack']);

export interface SpokenLine {
  kind: 'text' | 'card' | 'choices';
  text: string;
  lang: EarLanguage;
}

export interface SpokenReply {
  lines: SpokenLine[];
  /** the values of the choices read out, in key order (key 1 = index 0) */
  choices: string[];
  /** the language the caller was answered in: the next speech is recognised in it */
  lang?: EarLanguage;
}

const langOf = (text: string, fallback: EarLanguage): EarLanguage => (hasHan(text) ? 'zh' : /[A-Za-z]{2,}/.test(text) ? 'en' : fallback);

const PRICE = /[¥￥]\s?(\d+(?:\.\d+)?)/;

/** A hero card as one sentence (name, price); undefined when it would only repeat the text. */
function cardSentence(attachment: Attachment, spokenText: string, fallback: EarLanguage): SpokenLine | undefined {
  const content = cardContent(attachment);
  const title = typeof content.title === 'string' ? content.title : '';
  const price = [content.subtitle, content.text].map((f) => (typeof f === 'string' ? PRICE.exec(f)?.[1] : undefined)).find(Boolean);
  if (!title) return undefined;
  if (!price && spokenText.includes(title)) return undefined;
  const lang = langOf(title, fallback);
  const name = earLabel(title, lang);
  if (!price) return { kind: 'card', text: `${name}${lang === 'zh' ? '。' : '.'}`, lang };
  return { kind: 'card', text: lang === 'zh' ? `${name}，${price}元。` : `${name}, ${price} yuan.`, lang };
}

/** The text without the list items a card will read instead ("1. 自然堂… ¥150 — …" when that card follows). */
function withoutCardLines(text: string, titles: string[]): string {
  if (titles.length === 0) return text;
  return text
    .split(/\r?\n/)
    .filter((line) => {
      const item = /^\s*\d{1,2}[.、)]\s*(.*)$/.exec(line);
      return !item || !titles.some((t) => item[1].startsWith(t));
    })
    .join('\n');
}

const speakable = (actions: CardAction[]): CardAction[] =>
  actions.filter((a) => SPEAKABLE_ACTIONS.has(a.type) && String(a.value ?? a.title ?? '').trim() !== '');

/** The choices read out with their keys ("按1，干皮；按2，油皮。"); `more`: there were more than were read. */
export function choicesLine(labels: string[], lang: EarLanguage, more = false): SpokenLine {
  const spoken = labels.map((l) => earLabel(l, lang));
  const read =
    lang === 'zh'
      ? `${spoken.map((l, i) => `按${i + 1}，${l}`).join('；')}。`
      : `${spoken.map((l, i) => `${i === 0 ? 'Press' : 'press'} ${i + 1} for ${l}`).join('; ')}.`;
  return { kind: 'choices', text: more ? `${read}${lang === 'en' ? ' ' : ''}${VOICE_TEXT.moreByVoice[lang]}` : read, lang };
}

/** What the caller hears for one turn's replies; `fallback` is the call's language. */
export function render(activities: Partial<Activity>[], fallback: EarLanguage): SpokenReply {
  const lines: SpokenLine[] = [];
  let actions: CardAction[] = [];
  let lang: EarLanguage | undefined;
  for (const activity of activities.filter((a) => a.type === 'message')) {
    const attachments = activity.attachments ?? [];
    const heroes = attachments.filter(isHeroLike).slice(0, MAX_CARDS);
    const titles = heroes.map((h) => cardContent(h).title).filter((t): t is string => typeof t === 'string' && t !== '');
    const rawText = activity.text ?? '';
    const textLang = langOf(rawText, lang ?? fallback);
    let text = withoutCardLines(rawText, titles);
    // a table the dialogs did not also write into the text
    for (const a of attachments) if (a.contentType === ADAPTIVE_CARD && !rawText.trim()) text += `\n${adaptiveCardText(cardContent(a), cardContent(a).body, 'textBlocks')}`;
    const sentences = earSentences(text, textLang);
    if (sentences.length > 0) {
      lines.push({ kind: 'text', text: sentences.join(textLang === 'en' ? ' ' : ''), lang: textLang });
      lang = textLang;
    }
    const spokenText = plainLines(rawText).join(' ');
    for (const hero of heroes) {
      const line = cardSentence(hero, spokenText, textLang);
      if (line) lines.push(line);
    }
    const suggested = speakable(activity.suggestedActions?.actions ?? []);
    const cardButtons = speakable(heroes.map((h) => ((cardContent(h).buttons ?? []) as CardAction[]).find((b) => SPEAKABLE_ACTIONS.has(b.type))).filter((b): b is CardAction => !!b));
    if (suggested.length > 0) actions = suggested;
    else if (cardButtons.length > 0) actions = cardButtons;
  }
  const read = actions.slice(0, MAX_CHOICES);
  if (read.length > 0) lines.push(choicesLine(read.map((a) => String(a.title || a.value)), lang ?? fallback, actions.length > MAX_CHOICES));
  return { lines, choices: read.map((a) => String(a.value ?? a.title)), lang };
}

/** The channel's own words in the call's language. */
export function own(text: { zh: string; en: string }, lang: EarLanguage): SpokenLine {
  return { kind: 'text', text: text[lang], lang };
}
