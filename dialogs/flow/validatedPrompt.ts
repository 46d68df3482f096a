/**
 * The one text prompt every flow uses: it re-prompts (with an example) until the answer passes a check,
 * and gives up after a few tries instead of looping forever: the step then gets `undefined` (order and
 * after-sales flows) or an answer its parser cannot read (guided questions), and the flow ends with
 * FlowResult.failed so MainDialog offers a human agent.
 */
import type { Activity, TurnContext } from 'botbuilder';
import { Choice, PromptOptions, PromptValidatorContext, TextPrompt, WaterfallStepContext, DialogTurnResult } from 'botbuilder-dialogs';
import { ChoiceLike, withChoices } from './choices';

export const MAX_ATTEMPTS = 3;
const GAVE_UP = Symbol('promptGaveUp');

/** `validations` is what the step passed in the prompt options (e.g. the orders it listed). */
export type AnswerCheck = (text: string, context: TurnContext, validations: unknown) => boolean | Promise<boolean>;

export function validatedPrompt(id: string, check: AnswerCheck): TextPrompt {
  return new TextPrompt(id, async (pc: PromptValidatorContext<string>) => {
    const text = (pc.recognized.value ?? '').trim();
    if (await check(text, pc.context, pc.options.validations)) return true;
    if (pc.attemptCount >= MAX_ATTEMPTS) {
      pc.context.turnState.set(GAVE_UP, true);
      return true;
    }
    return false;
  });
}

/** True when the prompt of this turn accepted nothing and ran out of tries. */
export function gaveUp(step: WaterfallStepContext): boolean {
  return Boolean(step.context.turnState.get(GAVE_UP));
}

/** The answer the prompt accepted, or undefined when the customer ran out of tries. */
export function answerOf(step: WaterfallStepContext): string | undefined {
  if (gaveUp(step)) return undefined;
  return typeof step.result === 'string' ? step.result.trim() : '';
}

/**
 * Ends the flow after repeated bad answers with MainDialog's FlowResult `{failed: true}`: MainDialog then
 * offers a human. Flows pass a failed result from a child (the order picker) straight up.
 */
export async function giveUp(step: WaterfallStepContext): Promise<DialogTurnResult> {
  return step.endDialog({ failed: true });
}

/**
 * Prompt options with suggested actions on both the prompt and the re-prompt. The choices are listed in
 * the options too: MainDialog reads them to tell an answer from a new request mid-flow.
 */
export function promptWith(prompt: string, retry: string, choices: ChoiceLike[] = []): { prompt: Partial<Activity>; retryPrompt: Partial<Activity>; choices: string[] } {
  const names = choices.flatMap((c) => (typeof c === 'string' ? [c] : [c.value, c.title]));
  return { prompt: withChoices(prompt, choices), retryPrompt: withChoices(retry, choices), choices: [...new Set(names)] };
}

/**
 * Prompt options for a guided question (needs discovery): choices as suggested actions on the prompt and
 * the re-prompt, and `expects` naming the entity types that answer it (MainDialog reads them).
 */
export function guidedOptions(text: string, retry: string, choices: Choice[], expects: string[] = []): PromptOptions {
  const titles = choices.map((c) => c.action?.title ?? c.value);
  return {
    prompt: withChoices(text, titles) as Activity,
    retryPrompt: withChoices(retry, titles) as Activity,
    choices,
    validations: { expects },
  };
}

/** Entities a free-text answer (an address, a problem description) usually carries. */
const FREE_TEXT_ENTITIES = ['number', 'quantity', 'datetime', 'category', 'product', 'brand', 'shade', 'concern', 'skin_type'];

/**
 * Validations for a prompt that wants free text (an address, a description): `freeText` asks MainDialog
 * not to treat the answer as a new request; `expects` names entity types that mark an answer (MainDialog
 * reads it today), so "瓶盖没拧紧，精华洒了一半" is taken as the description, not as a new quality request.
 */
export function freeText(expects: string[] = [], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...extra, freeText: true, expects: [...expects, ...FREE_TEXT_ENTITIES] };
}
