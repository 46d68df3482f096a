/**
 * Product questions answered exactly from the data (knowledge.answerAttribute, then knowledge.ask with
 * the product as context): "这款适合敏感肌吗", "小棕瓶多少钱", "how big is this one". When no product is
 * named and none was viewed, the dialog asks which one. Coming back to the same product again and again
 * is hesitation: the customer gets a real offer once.
 */
import type { TurnContext } from 'botbuilder';
import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { Product } from '../../knowledge/types';
import { productHeroCard, productName } from '../flow/cards';
import { money } from '../flow/format';
import { isQuestionLike } from '../flow/questions';
import { replyLanguage, ReplyLanguage, say } from '../flow/language';
import type { FlowResult } from '../flow/area';
import type { ShoppingDeps } from './deps';
import { guidedOptions, validatedPrompt } from '../flow/validatedPrompt';
import { offerOnce } from './offerReply';
import { focusProduct, noteViewed } from './productFocus';
import { claimFor } from './recommendations';
import { GUIDE_TEXT } from './text';

export const PRODUCT_QUESTION_DIALOG = 'productQuestionDialog';
const WHICH_PROMPT = 'productWhichPrompt';
const FLOW = 'productQuestionFlow';
const REVISITS_BEFORE_OFFER = 2;
/** "介绍一下小棕瓶", "tell me about …": the product itself, not one attribute */
const INTRO = /介绍|详情|详细说说|讲讲|tell me about|more about/i;

/** Answers a question about the product the customer means; false when no product can be told. */
export async function answerProductQuestion(context: TurnContext, deps: ShoppingDeps, lang: ReplyLanguage, question?: string): Promise<boolean> {
  const profile = await deps.profile.get(context, {});
  const product = focusProduct(context, deps.knowledge, profile);
  if (!product) return false;
  await answerAbout(context, deps, lang, product, question ?? context.activity.text ?? '');
  return true;
}

async function answerAbout(context: TurnContext, deps: ShoppingDeps, lang: ReplyLanguage, product: Product, question: string): Promise<void> {
  const profile = await deps.profile.get(context, {});
  if (INTRO.test(question)) {
    await context.sendActivity({ type: 'message', text: introduce(product, lang), attachments: [productHeroCard(product, lang, { claim: claimFor(product, {}, lang), cartBase: deps.cartBase })] });
    await deps.profile.set(context, noteViewed(profile, product._id));
    return;
  }
  let answer = deps.knowledge.answerAttribute(product._id, question, lang);
  if (!answer.found) {
    const asked = await deps.knowledge.ask(question, { productId: product._id, lang });
    if (asked.found) answer = asked;
  }
  const firstLook = profile.viewedProducts?.[0] !== product._id;
  // a bare product name ("迪奥999口红") asks for the product, not for an attribute: introduce it
  const text = !answer.found && !isQuestionLike(question) ? introduce(product, lang) : answer.answer || say(lang, GUIDE_TEXT.notInProductData);
  const attachments = firstLook ? [productHeroCard(product, lang, { claim: claimFor(product, {}, lang), cartBase: deps.cartBase })] : [];
  await context.sendActivity({ type: 'message', text, attachments });
  const updated = noteViewed(profile, product._id);
  await deps.profile.set(context, updated);
  if ((updated.hesitation?.revisits ?? 0) >= REVISITS_BEFORE_OFFER) await offerOnce(context, deps, product, lang);
}

function introduce(p: Product, lang: ReplyLanguage): string {
  const concerns = p.concerns?.length ? say(lang, GUIDE_TEXT.introConcerns(p.concerns.slice(0, 3))) : '';
  const skin = p.skinTypes?.length ? say(lang, GUIDE_TEXT.introSkinTypes(p.skinTypes)) : '';
  return say(lang, GUIDE_TEXT.introduce(productName(p, lang), money(p.price), concerns, skin));
}

export class ProductQuestionDialog extends ComponentDialog {
  constructor(private readonly deps: ShoppingDeps) {
    super(PRODUCT_QUESTION_DIALOG);
    this.addDialog(validatedPrompt(WHICH_PROMPT, (text) => deps.knowledge.findProductMention(text) !== undefined));
    this.addDialog(new WaterfallDialog(FLOW, [this.answerStep.bind(this), this.whichStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async lang(context: TurnContext): Promise<ReplyLanguage> {
    return replyLanguage(context, (await this.deps.profile.get(context, {})).language);
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const lang = await this.lang(step.context);
    if (await answerProductQuestion(step.context, this.deps, lang)) return step.endDialog();
    (step.values as { question?: string }).question = step.context.activity.text ?? '';
    return step.prompt(
      WHICH_PROMPT,
      guidedOptions(
        say(lang, GUIDE_TEXT.askWhichProduct),
        say(lang, GUIDE_TEXT.productNotFound),
        [],
        ['product'],
      ),
    );
  }

  private async whichStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const lang = await this.lang(step.context);
    const product = this.deps.knowledge.findProductMention(String(step.result ?? ''));
    if (!product) return step.endDialog({ failed: true } satisfies FlowResult);
    await answerAbout(step.context, this.deps, lang, product, (step.values as { question?: string }).question ?? '');
    return step.endDialog();
  }
}
