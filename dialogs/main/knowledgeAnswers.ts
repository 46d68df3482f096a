/**
 * What MainDialog says when no area takes a message: FAQ-type intents are answered from the knowledge
 * base (FAQ, then a grounded LLM answer when configured); anything else gets a clarifying question with
 * the main choices, and the third miss in a row gives up so that a human is offered.
 */
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { KnowledgeBase } from '../../knowledge/types';
import type { Intent } from '../../nlu/types';
import type { AsideAnswer, FlowResult } from '../flow/area';
import { withChoices } from '../flow/choices';
import { ReplyLanguage, say } from '../flow/language';
import type { MissCounter } from './mainState';
import { CHOICES, choicesIn, TEXT } from './text';

/** FAQ-type intents MainDialog answers itself from the knowledge base. */
const FAQ_INTENTS: Intent[] = ['payment', 'shipping_info', 'account', 'feedback', 'other'];
/** a less certain answer is worse than the clarifying question */
const MIN_ANSWER_CONFIDENCE = 0.35;
const MAX_MISSES = 3;

/** The knowledge base's answers to FAQ-type intents, as asides (answered mid-flow too); none without it. */
export function knowledgeAsides(knowledge?: Pick<KnowledgeBase, 'ask'>): Partial<Record<Intent, AsideAnswer>> {
  const answer: AsideAnswer = async (context, lang) => {
    const text = (context.activity.text ?? '').trim();
    if (!knowledge || !text) return false;
    const found = await knowledge.ask(text, { lang });
    if (!found.found || found.confidence < MIN_ANSWER_CONFIDENCE) return false;
    await context.sendActivity(found.answer);
    return true;
  };
  return Object.fromEntries(FAQ_INTENTS.map((intent) => [intent, answer]));
}

/** Out of scope and not in the knowledge base: ask what they mean, with choices; the third miss offers a human. */
export async function clarify(step: WaterfallStepContext, lang: ReplyLanguage, misses: MissCounter): Promise<DialogTurnResult> {
  const count = (await misses.count(step.context)) + 1;
  await misses.set(step.context, count);
  if (count >= MAX_MISSES) return step.next({ failed: true } satisfies FlowResult);
  await step.context.sendActivity(withChoices(say(lang, TEXT.clarify), choicesIn(lang, CHOICES.clarify)));
  return step.endDialog();
}
