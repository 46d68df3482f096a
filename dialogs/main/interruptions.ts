/**
 * What can happen anywhere in a flow, and what MainDialog needs to tell an interruption from an answer:
 * the global commands (cancel, help and "what can you do", a language switch, a human, anger in the
 * conversation), and whether a message answers the prompt that is waiting.
 */
import type { StatePropertyAccessor } from 'botbuilder';
import { Choice, DialogContext, DialogInstance, DialogTurnResult, DialogTurnStatus } from 'botbuilder-dialogs';
import type { NluResult } from '../../nlu/types';
import type { CustomerProfile } from '../../services/customers/profile';
import { withChoices } from '../flow/choices';
import { ASKS_FOR_AGENT } from '../flow/escalation';
import { ReplyLanguage, requestedLanguage, say } from '../flow/language';
import { yesOrNo } from '../flow/yesNo';
import { nluResultOf } from '../turn/turnContracts';
import type { AngerInContext } from './angerInContext';
import { askAgain, innermost } from './askAgain';
import type { HumanOffer } from './humanOffer';
import { ROUTER } from './ids';
import type { RequestQueue } from './mainState';
import { asksWhatBotCanDo } from './requests';
import { CHOICES, choicesIn, TEXT } from './text';

export const CANCEL_WORDS = /^(取消|算了|不要了|不买了|退出|结束|cancel|stop|quit|never ?mind|forget it)[。.!！~～]*$/i;
export const HELP_WORDS = /^(帮助|help|怎么用|你能做什么|你会什么|菜单|menu|\?|？)[。.!！]*$/i;

/** The innermost active dialog instance (the prompt that waits, when one does). */
export function leafInstance(dc: DialogContext): DialogInstance | undefined {
  return innermost(dc).activeDialog;
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

/** Names a choice can be answered with: value, title, synonyms. */
function choiceNames(choice: string | Choice): string[] {
  const c = typeof choice === 'string' ? { value: choice } : choice;
  return [c.value, c.action?.title, ...(c.synonyms ?? [])].filter((n): n is string => typeof n === 'string' && n.length > 0);
}

/** A yes/no question: its choices hold a yes and a no ("确认取消" / "不取消", "Yes" / "No"). */
function isYesNoPrompt(choices: (string | Choice)[]): boolean {
  const answers = new Set(choices.flatMap((choice) => choiceNames(choice).map((n) => yesOrNo(n))));
  return answers.has('yes') && answers.has('no');
}

/**
 * Does the message answer the waiting prompt? True when it names one of the prompt's choices (value,
 * title or synonym), carries an entity of a type the prompt expects (`validations.expects`), or starts
 * with a yes or a no while a yes/no question waits ("好的谢谢", "不用了，先这样").
 */
export function answersPrompt(instance: DialogInstance | undefined, text: string, nlu?: NluResult): boolean {
  const options = (instance?.state as PromptStateLike | undefined)?.options;
  if (!options) return false;
  const t = text.trim().toLowerCase();
  const choices = options.choices ?? [];
  if (choices.some((choice) => choiceNames(choice).some((n) => t.includes(n.toLowerCase())))) return true;
  if (isYesNoPrompt(choices) && yesOrNo(t) !== undefined) return true;
  // "the first one", 第二个, "3" while a list of several choices waits: a pick by place in the list
  if (choices.length > 1 && picksByPlace(t, choices.length)) return true;
  const expects = options.validations?.expects ?? [];
  return Boolean(nlu?.entities.some((e) => expects.includes(e.type)));
}

const PLACE_WORDS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, last: -1, 最后: -1 };
const BY_PLACE = /^(?:the\s+)?(?:第\s*)?([1-9]|[一二两三四五六]|first|second|third|fourth|fifth|sixth|last|最后)\s*(?:一?(?:个|款|单|笔|项|种)|one|option)?(?:\s*(?:吧|呢|please|pls))?[.!。！]*$/;

/** A reply that picks an item of a list of `count` by its place (1-based; "last" counts). */
export function picksByPlace(text: string, count: number): boolean {
  const m = BY_PLACE.exec(text.trim().toLowerCase());
  if (!m) return false;
  const place = /^\d$/.test(m[1]) ? Number(m[1]) : PLACE_WORDS[m[1]];
  return place === -1 || (place !== undefined && place >= 1 && place <= count);
}

/** The help reply, with the main choices as suggested actions. */
export function helpMessage(lang: ReplyLanguage) {
  return withChoices(say(lang, TEXT.help), choicesIn(lang, CHOICES.help));
}

/** What the global commands need from MainDialog. */
export interface GlobalDeps {
  humans: HumanOffer;
  anger: AngerInContext;
  profile: StatePropertyAccessor<CustomerProfile>;
  queue: RequestQueue;
}

/** True when a flow (not only MainDialog's router) is on the stack. */
function inFlow(dc: DialogContext): boolean {
  return Boolean(dc.activeDialog && dc.activeDialog.id !== ROUTER);
}

/**
 * "can you answer in English?" / "说中文吧": the profile keeps the language, and the waiting question is
 * asked again in it (or, with nothing waiting, the customer is asked what they need).
 */
async function switchLanguage(dc: DialogContext, to: ReplyLanguage, profile: StatePropertyAccessor<CustomerProfile>): Promise<DialogTurnResult> {
  const current = await profile.get(dc.context, {});
  await profile.set(dc.context, { ...current, language: to });
  await dc.context.sendActivity(say(to, TEXT.languageSwitched));
  if (inFlow(dc)) return askAgain(dc, to);
  // nothing to ask again (an offer of a human waits at most): say what the bot can do, in the new language
  if (dc.activeDialog) await dc.cancelAllDialogs();
  await dc.context.sendActivity(helpMessage(to));
  return { status: DialogTurnStatus.complete };
}

/** Cancel, help, a language switch, a human and anger: the same with or without an active flow. */
export async function globalCommand(dc: DialogContext, text: string, lang: ReplyLanguage, deps: GlobalDeps): Promise<DialogTurnResult | undefined> {
  const context = dc.context;
  const nlu = nluResultOf(context);
  if (await deps.anger.escalates(context, text)) {
    await deps.queue.clear(context);
    await context.sendActivity(say(lang, TEXT.angryApology));
    return deps.humans.handOff(dc, { reason: 'angry' }, lang);
  }
  if (CANCEL_WORDS.test(text)) {
    await deps.queue.clear(context);
    await context.sendActivity(say(lang, TEXT.cancelled));
    return dc.cancelAllDialogs();
  }
  if (HELP_WORDS.test(text) || asksWhatBotCanDo(text)) {
    await context.sendActivity(helpMessage(lang));
    if (inFlow(dc)) return askAgain(dc, lang);
    return { status: dc.activeDialog ? DialogTurnStatus.waiting : DialogTurnStatus.complete };
  }
  const language = requestedLanguage(text);
  if (language) return switchLanguage(dc, language, deps.profile);
  // an answer the waiting prompt offered ("personal" for an invoice) is no request for a person, whatever the classifier says
  if (ASKS_FOR_AGENT.test(text) || (nlu?.intent === 'human_agent' && nlu.confidence >= 0.5 && !answersPrompt(leafInstance(dc), text, nlu))) {
    await deps.queue.clear(context);
    return deps.humans.handOff(dc, { reason: 'requested' }, lang);
  }
  return undefined;
}
