/**
 * Comparisons: two products, or a product against a competitor brand (its comparable product), as a
 * table — an adaptive card with the same rows in the text for channels without cards. Comparing again
 * and again is hesitation: the customer gets a real offer once for the own product in the comparison.
 */
import type { TurnContext } from 'botbuilder';
import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { nluResultOf } from '../turn/turnContracts';
import type { Product } from '../../knowledge/types';
import { comparisonCard, comparisonText } from '../flow/cards';
import { withChoices } from '../flow/choices';
import { replyLanguage, ReplyLanguage, say } from '../flow/language';
import type { ShoppingDeps } from './deps';
import { GUIDE_TEXT } from './text';
import { offerOnce } from './offerReply';
import { noteViewed, productsInMessage, refersToThisOne } from './productFocus';

export const COMPARISON_DIALOG = 'comparisonDialog';
const FLOW = 'comparisonFlow';
const COMPARISONS_BEFORE_OFFER = 2;

export class ComparisonDialog extends ComponentDialog {
  constructor(private readonly deps: ShoppingDeps) {
    super(COMPARISON_DIALOG);
    this.addDialog(new WaterfallDialog(FLOW, [this.compareStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  /** The pair to compare: two named products; a product and a competitor brand; or "this one" and another. */
  private pair(context: TurnContext, viewed: string[]): [Product, Product] | undefined {
    const k = this.deps.knowledge;
    const named = productsInMessage(context, k);
    const last = viewed[0] ? k.getProduct(viewed[0]) : undefined;
    if (named.length >= 2) return [named[0], named[1]];
    const a = named[0] ?? last;
    if (!a) return undefined;
    if (named.length === 1 && last && last._id !== a._id && refersToThisOne(context.activity.text ?? '')) return [last, a];
    const comparables = k.comparables(a._id);
    const brands = (nluResultOf(context)?.entities ?? []).filter((e) => e.type === 'brand' && String(e.value) !== a.brandId).map((e) => String(e.value));
    const text = (context.activity.text ?? '').toLowerCase();
    const byBrand = comparables.find((p) => brands.includes(p.brandId) || brands.includes(p.brand) || text.includes(p.brand.toLowerCase()));
    if (byBrand) return [a, byBrand];
    // a brand was named: compare with that brand's product of the same kind, never with another brand
    if (brands.length) {
      const hit = k.search(a.category, { limit: 1, filters: { brand: brands[0], category: a.category, includeCompetitors: true } })[0];
      const b = hit ? k.getProduct(hit.id) : undefined;
      return b && b._id !== a._id ? [a, b] : undefined;
    }
    const b = comparables.find((p) => p.competitor) ?? comparables[0];
    return b ? [a, b] : undefined;
  }

  private async compareStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    let profile = await this.deps.profile.get(context, {});
    const lang: ReplyLanguage = replyLanguage(context, profile.language);
    const pair = this.pair(context, profile.viewedProducts ?? []);
    const comparison = pair && this.deps.knowledge.compare(pair[0]._id, pair[1]._id, lang);
    if (!pair || !comparison) {
      await context.sendActivity(withChoices(say(lang, GUIDE_TEXT.askWhichTwo), []));
      return step.endDialog();
    }
    const [a, b] = pair;
    await context.sendActivity({ type: 'message', text: comparisonText(comparison, lang), attachments: [comparisonCard(comparison, lang)] });
    const own = [a, b].find((p) => !p.competitor);
    if (own) profile = noteViewed(profile, own._id);
    const comparisons = (profile.hesitation?.comparisons ?? 0) + 1;
    await this.deps.profile.set(context, { ...profile, hesitation: { ...profile.hesitation, comparisons } });
    if (own && comparisons >= COMPARISONS_BEFORE_OFFER) await offerOnce(context, this.deps, own, lang);
    return step.endDialog();
  }
}
