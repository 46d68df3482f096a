/**
 * Hesitation (再想想, 有点贵, "too expensive", "let me think"): a real offer from the promotions engine
 * for the product the customer was looking at — a time-limited coupon issued now and, when there is
 * one, a "first N buyers get a sample" gift with the quota still left.
 */
import type { TurnContext } from 'botbuilder';
import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { nluResultOf } from '../turn/turnContracts';
import type { Intent } from '../../nlu/types';
import type { CustomerProfile } from '../../services/customers/profile';
import { replyLanguage, say } from '../flow/language';
import type { SignalRoute } from '../flow/area';
import type { ShoppingDeps } from './deps';
import { sendOffer } from './offerReply';
import { resolveFocus } from './productFocus';
import { GUIDE_TEXT } from './text';

export const HESITATION_DIALOG = 'hesitationDialog';
const FLOW = 'hesitationFlow';

export const HESITATION_WORDS =
  /再想想|考虑一下|考虑考虑|再看看|犹豫|有点贵|太贵|好贵|贵了|便宜点|便宜一点|能便宜|let me think|think about it|too expensive|a bit expensive|so expensive|pricey|cheaper|not sure yet/i;

/** Intents a hesitating shopper's message may carry; "太贵了，我要退货" (return_refund) is not hesitation. */
const SHOPPING_INTENTS: Intent[] = ['other', 'promotion', 'product_info', 'comparison', 'recommendation', 'place_order', 'feedback', 'thanks_bye', 'payment'];

const UNSURE = 0.5;
/** words of an after-sales request: "太贵了，我要退货" is a return, not hesitation, whatever the NLU says */
const AFTER_SALES_WORDS = /退货|退款|换货|取消|订单|快递|物流|发货|return|refund|cancel|order|deliver|shipping|parcel/i;

/** A hesitation signal counts only once the customer has looked at a product. */
export const hesitationSignal: SignalRoute = {
  dialogId: HESITATION_DIALOG,
  matches: (context: TurnContext, profile: CustomerProfile) => {
    const nlu = nluResultOf(context);
    // an unsure NLU (有点贵 read as a complaint at 0.2) does not outvote the words themselves
    const text = context.activity.text ?? '';
    // the words decide unless the NLU is sure of another intent AND the message reads as after-sales
    const shopping = !nlu || nlu.confidence < UNSURE || SHOPPING_INTENTS.includes(nlu.intent) || !AFTER_SALES_WORDS.test(text);
    return (
      shopping &&
      HESITATION_WORDS.test(text) &&
      Boolean(profile.viewedProducts?.length || profile.hesitation?.lastProductId)
    );
  },
};

export class HesitationDialog extends ComponentDialog {
  constructor(private readonly deps: ShoppingDeps) {
    super(HESITATION_DIALOG);
    this.addDialog(new WaterfallDialog(FLOW, [this.offerStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async offerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const profile = await this.deps.profile.get(context, {});
    const lang = replyLanguage(context, profile.language);
    const lastId = profile.hesitation?.lastProductId;
    // the product in focus; after a list of several, the one the customer saw first
    const focus = resolveFocus(context, this.deps.knowledge, profile, await this.deps.guide.get(context, {}));
    const product = focus.product ?? (lastId ? this.deps.knowledge.getProduct(lastId) : undefined);
    await this.deps.profile.set(context, {
      ...profile,
      hesitation: { ...profile.hesitation, objections: (profile.hesitation?.objections ?? 0) + 1 },
    });
    if (!product || product.competitor || !(await sendOffer(context, this.deps, product, lang))) {
      await context.sendActivity(say(lang, GUIDE_TEXT.noExtraOffer));
    }
    return step.endDialog();
  }
}
