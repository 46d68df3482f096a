/**
 * What can happen anywhere in a flow, and what MainDialog needs to tell an interruption from an answer:
 * the global commands (cancel, help, a human, an angry customer), and whether a message answers the
 * prompt that is waiting.
 */
import { Choice, DialogContext, DialogInstance, DialogTurnResult, DialogTurnStatus } from 'botbuilder-dialogs';
import type { NluResult } from '../../nlu/types';
import { withChoices } from '../flow/choices';
import { ANGER_THRESHOLD, ASKS_FOR_AGENT } from '../flow/escalation';
import { ReplyLanguage, say } from '../flow/language';
import { nluResultOf } from '../turn/turnContracts';
import type { HumanOffer } from './humanOffer';
import { ROUTER } from './ids';
import { CHOICES, choicesIn, TEXT } from './text';

export const CANCEL_WORDS = /^(取消|算了|不要了|不买了|退出|结束|cancel|stop|quit|never ?mind|forget it)[。.!！~～]*$/i;
export const HELP_WORDS = /^(帮助|help|怎么用|你能做什么|你会什么|菜单|menu|\?|？)[。.!！]*$/i;
/** how sure the NLU must be before a message mid-flow is taken as a new request */
export const SWITCH_CONFIDENCE = 0.75;
/** … and for a message that reads as a question */
export const QUESTION_CONFIDENCE = 0.5;

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
  return withChoices(say(lang, TEXT.help), choicesIn(lang, CHOICES.help));
}

/** Cancel, help, human and anger: the same with or without an active flow. */
export async function globalCommand(
  dc: DialogContext,
  text: string,
  lang: ReplyLanguage,
  humans: HumanOffer,
): Promise<DialogTurnResult | undefined> {
  const context = dc.context;
  const nlu = nluResultOf(context);
  if (CANCEL_WORDS.test(text)) {
    await context.sendActivity(say(lang, TEXT.cancelled));
    return dc.cancelAllDialogs();
  }
  if (HELP_WORDS.test(text)) {
    await context.sendActivity(helpMessage(lang));
    if (dc.activeDialog && dc.activeDialog.id !== ROUTER) await dc.repromptDialog();
    return { status: dc.activeDialog ? DialogTurnStatus.waiting : DialogTurnStatus.complete };
  }
  if ((nlu?.sentiment.anger ?? 0) >= ANGER_THRESHOLD) {
    await context.sendActivity(say(lang, TEXT.angryApology));
    return humans.handOff(dc, { reason: 'angry' }, lang);
  }
  if (ASKS_FOR_AGENT.test(text) || (nlu?.intent === 'human_agent' && nlu.confidence >= 0.5)) {
    return humans.handOff(dc, { reason: 'requested' }, lang);
  }
  return undefined;
}
