/**
 * What MainDialog needs to tell an interruption from an answer: the global commands (cancel, help,
 * human), question-like messages, and whether a message answers the prompt that is waiting.
 */
import type { Choice, DialogContext, DialogInstance } from 'botbuilder-dialogs';
import type { NluResult } from '../nlu/types';
import { withSuggestions } from './cards';
import { ReplyLanguage, say } from './language';

export const CANCEL_WORDS = /^(取消|算了|不要了|不买了|退出|结束|cancel|stop|quit|never ?mind|forget it)[。.!！~～]*$/i;
export const HELP_WORDS = /^(帮助|help|怎么用|你能做什么|你会什么|菜单|menu|\?|？)[。.!！]*$/i;
/** how sure the NLU must be before a message mid-flow is taken as a new request */
export const SWITCH_CONFIDENCE = 0.75;
/** … and for a message that reads as a question */
export const QUESTION_CONFIDENCE = 0.5;

const QUESTION_LIKE =
  /[?？]|吗|呢|么|多少|怎么|如何|什么|哪|能不能|可不可以|有没有|是否|几天|几号|\b(how|what|which|when|where|why|does|do|is|are|can|could|will|should)\b/i;

/** A bare yes / no / ok answers whatever was asked; it never starts a new request. */
export const BARE_REPLY = /^(是|是的|好|好的|嗯|嗯嗯|对|对的|行|可以|不|不是|不要|不用|没有|yes|yeah|yep|no|nope|ok|okay|sure)[。.!！~～]*$/i;

export function isQuestionLike(text: string): boolean {
  return QUESTION_LIKE.test(text);
}

/** The innermost active dialog instance (the prompt that waits, when one does). */
export function leafInstance(dc: DialogContext): DialogInstance | undefined {
  let current: DialogContext = dc;
  for (let depth = 0; depth < 10 && current.child; depth++) current = current.child;
  return current.activeDialog;
}

/** Ids of every dialog on the stack, outermost first. */
export function stackIds(dc: DialogContext): string[] {
  const ids: string[] = [];
  let current: DialogContext | undefined = dc;
  for (let depth = 0; depth < 10 && current; depth++) {
    for (const d of current.stack) ids.push(d.id);
    current = current.child;
  }
  return ids;
}

interface PromptStateLike {
  options?: { choices?: (string | Choice)[]; validations?: { expects?: string[]; freeText?: boolean } };
}

/** How the waiting prompt wants its answer: free text (an address, a description), a choice, or anything else. */
export type PromptKind = 'none' | 'freeText' | 'closed' | 'open';

export function promptKind(instance: DialogInstance | undefined): PromptKind {
  const options = (instance?.state as PromptStateLike | undefined)?.options;
  if (!options) return 'none';
  if (options.validations?.freeText) return 'freeText';
  return options.choices?.length || options.validations?.expects?.length ? 'closed' : 'open';
}

/**
 * Does the message answer the waiting prompt? True when it names one of the prompt's choices (value,
 * title or synonym) or carries an entity of a type the prompt expects (`validations.expects`).
 */
export function answersPrompt(instance: DialogInstance | undefined, text: string, nlu?: NluResult): boolean {
  const options = (instance?.state as PromptStateLike | undefined)?.options;
  if (!options) return false;
  const t = text.trim().toLowerCase();
  for (const choice of options.choices ?? []) {
    const c = typeof choice === 'string' ? { value: choice } : choice;
    const names = [c.value, c.action?.title, ...(c.synonyms ?? [])].filter((n): n is string => typeof n === 'string' && n.length > 0);
    if (names.some((n) => t.includes(n.toLowerCase()))) return true;
  }
  const expects = options.validations?.expects ?? [];
  return Boolean(nlu?.entities.some((e) => expects.includes(e.type)));
}

/** The help reply, with the main choices as suggested actions. */
export function helpMessage(lang: ReplyLanguage) {
  return withSuggestions(
    say(
      lang,
      '我可以帮您：挑选护肤彩妆、解答商品问题、对比产品、查订单物流、办理退换货、领取优惠。流程中说「取消」可退出，说「转人工」可找人工客服。',
      'I can help you choose skincare and make-up, answer product questions, compare products, track orders, handle returns and find offers. Say "cancel" to stop a flow, or "agent" for a human.',
    ),
    lang === 'en' ? ['Recommend skincare', 'Track my order', 'Current offers', 'Agent'] : ['推荐护肤品', '查询订单物流', '有什么优惠活动', '转人工'],
  );
}
