/**
 * The discovery-order experiment's "recommendFirst" arm: cards from what is already known (the request and
 * the profile) before the first question, then the questions narrow them down and the final cards follow
 * as usual. Without a running experiment (or in the "discoverFirst" arm) nothing is shown here.
 */
import type { TurnContext } from 'botbuilder';
import { customerIdOf } from '../turn/customerState';
import { markFunnel } from '../turn/turnContracts';
import { ReplyLanguage, say } from '../flow/language';
import type { ShoppingDeps } from './deps';
import { showProducts } from './productFocus';
import { recommend } from './recommendations';
import { GUIDE_TEXT } from './text';
import { nextQuestion, Wishes } from './wishes';

/** true when cards were shown ahead of the questions */
export async function recommendBeforeAsking(context: TurnContext, deps: ShoppingDeps, wishes: Wishes, lang: ReplyLanguage): Promise<boolean> {
  // only where the arms differ: no question left means cards come at once in both
  if (!deps.experiments || !nextQuestion(wishes) || wishes.categories.length === 0) return false;
  if ((await deps.experiments.variantFor('discoveryOrder', customerIdOf(context))) !== 'recommendFirst') return false;
  const rec = recommend(deps.knowledge, wishes, lang, deps.cartBase);
  if (!rec) return false;
  await context.sendActivity(rec.activity);
  markFunnel(context, 'recommendationsShown');
  await showProducts(context, deps, rec.products.map((p) => p._id));
  await context.sendActivity(say(lang, GUIDE_TEXT.refineAfterPicks));
  return true;
}
