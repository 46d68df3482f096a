/**
 * A text prompt for the guided questions: the answer is read by a parser; a bad answer gets the retry
 * prompt (with an example); the third bad answer ends the prompt so the flow can end with
 * FlowResult.failed and MainDialog offers a human.
 */
import type { Activity } from 'botbuilder';
import { Choice, PromptOptions, TextPrompt } from 'botbuilder-dialogs';
import { withSuggestions } from '../cards';

export const MAX_ATTEMPTS = 3;

export type AnswerCheck = (text: string, context: import('botbuilder').TurnContext) => boolean;

export function guidedPrompt(id: string, accepts: AnswerCheck): TextPrompt {
  return new TextPrompt(id, async (pc) => {
    const text = pc.recognized.value ?? '';
    if (accepts(text, pc.context)) return true;
    return pc.attemptCount >= MAX_ATTEMPTS;
  });
}

/** Prompt options whose activities carry the choices as suggested actions; `expects` names entity types that answer it. */
export function guidedOptions(text: string, retry: string, choices: Choice[], expects: string[] = []): PromptOptions {
  const titles = choices.map((c) => c.action?.title ?? c.value);
  return {
    prompt: withSuggestions(text, titles) as Activity,
    retryPrompt: withSuggestions(retry, titles) as Activity,
    choices,
    validations: { expects },
  };
}
