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
import { withCardLead } from '../flow/cardLead';
import { comparisonVerdict } from '../flow/comparisonVerdict';
import { withChoices } from '../flow/choices';
import { replyLanguage, ReplyLanguage, say } from '../flow/language';
import type { ShoppingDeps } from './deps';
import { GUIDE_TEXT } from './text';
import { offerOnce } from './offerReply';
import { currentFocus, noteViewed, productsInMessage, setFocus } from './productFocus';

export const COMPARISON_DIALOG = 'comparisonDialog';
const FLOW = 'comparisonFlow';
const COMPARISONS_BEFORE_OFFER = 2;

export class ComparisonDialog extends ComponentDialog {
  constructor(private readonly deps: ShoppingDeps) {
    super(COMPARISON_DIALOG);
    this.addDialog(new WaterfallDialog(FLOW, [this.compareStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  /**
   * The pair to compare: two named products; the product in focus and the one named ("和兰蔻小黑瓶比哪个好"
   * after a question about 小棕瓶); a product and a competitor brand; or the product and its comparable.
   */
  private pair(context: TurnContext, focus: Product | undefined): [Product, Product] | undefined {
    const k = this.deps.knowledge;
    const named = productsInMessage(context, k);
    if (named.length >= 2) return [named[0], named[1]];
    if (named.length === 1 && focus && focus._id !== named[0]._id) return [focus, named[0]];
    const a = named[0] ?? focus;
    if (!a) return undefined;
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
    const guide = await this.deps.guide.get(context, {});
    const pair = this.pair(context, currentFocus(this.deps.knowledge, profile, guide));
    const comparison = pair && this.deps.knowledge.compare(pair[0]._id, pair[1]._id, lang);
    if (!pair || !comparison) {
      await context.sendActivity(withChoices(say(lang, GUIDE_TEXT.askWhichTwo), []));
      return step.endDialog();
    }
    const [a, b] = pair;
    // the table under a one-line verdict where it is shown; the full text where it is not
    const reply = { type: 'message', text: comparisonText(comparison, lang), attachments: [comparisonCard(comparison, lang)] };
    await context.sendActivity(withCardLead(reply, comparisonVerdict(a, b, lang)));
    const own = [a, b].find((p) => !p.competitor);
    if (own) profile = noteViewed(profile, own._id);
    // the product in focus stays the one the customer came with ("too expensive" next is about it)
    if (own) await setFocus(context, this.deps, own._id);
    const comparisons = (profile.hesitation?.comparisons ?? 0) + 1;
    await this.deps.profile.set(context, { ...profile, hesitation: { ...profile.hesitation, comparisons } });
    if (own && comparisons >= COMPARISONS_BEFORE_OFFER) await offerOnce(context, this.deps, own, lang);
    return step.endDialog();
  }
}
