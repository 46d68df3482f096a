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
import { ReplyLanguage, say, scriptLanguage } from '../flow/language';
import type { FlowResult } from '../flow/area';
import type { ShoppingDeps } from './deps';
import { gaveUp, guidedOptions, validatedPrompt } from '../flow/validatedPrompt';
import { offerOnce } from './offerReply';
import { currentFocus, noteViewed, productsInMessage, resolveFocus, setFocus } from './productFocus';
import { COMPARISON_DIALOG } from './comparisonDialog';
import { markFunnel, nluResultOf } from '../turn/turnContracts';
import { NEEDS_DISCOVERY_DIALOG } from './needsDiscoveryDialog';
import { carriesNeeds, readRequest } from './shoppingRequest';
import { claimFor } from './recommendations';
import { GUIDE_TEXT } from './text';

export const PRODUCT_QUESTION_DIALOG = 'productQuestionDialog';
const WHICH_PROMPT = 'productWhichPrompt';
const FLOW = 'productQuestionFlow';
const REVISITS_BEFORE_OFFER = 2;
/** "介绍一下小棕瓶", "tell me about …": the product itself, not one attribute */
const INTRO = /介绍|详情|详细说说|讲讲|了解一下|tell me about|more about/i;
/** a comparison asked as a question about the product in focus */
const COMPARE_WORDS = /比(较|一下|呢|哪个|怎么样)|对比|哪个好|哪个更|区别|差别|\bcompare|\bvs\.?\b|versus|better than|difference/i;

/** Answers a question about the product the customer means; false when no product can be told. */
export async function answerProductQuestion(context: TurnContext, deps: ShoppingDeps, lang: ReplyLanguage, question?: string): Promise<boolean> {
  const profile = await deps.profile.get(context, {});
  const product = resolveFocus(context, deps.knowledge, profile, await deps.guide.get(context, {})).product;
  if (!product) return false;
  await answerAbout(context, deps, lang, product, question ?? context.activity.text ?? '');
  return true;
}

async function answerAbout(context: TurnContext, deps: ShoppingDeps, lang: ReplyLanguage, product: Product, question: string): Promise<void> {
  const profile = await deps.profile.get(context, {});
  if (INTRO.test(question)) {
    markFunnel(context, 'cardClicks');
    await context.sendActivity({ type: 'message', text: introduce(product, lang), attachments: [productHeroCard(product, lang, { claim: claimFor(product, {}, lang), cartBase: deps.cartBase })] });
    await deps.profile.set(context, noteViewed(profile, product._id));
    await setFocus(context, deps, product._id);
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
  await setFocus(context, deps, product._id);
  if ((updated.hesitation?.revisits ?? 0) >= REVISITS_BEFORE_OFFER) await offerOnce(context, deps, product, lang);
}

function introduce(p: Product, lang: ReplyLanguage): string {
  const concerns = p.concerns?.length ? say(lang, GUIDE_TEXT.introConcerns(p.concerns.slice(0, 3))) : '';
  const skin = p.skinTypes?.length ? say(lang, GUIDE_TEXT.introSkinTypes(p.skinTypes)) : '';
  return say(lang, GUIDE_TEXT.introduce(productName(p, lang), money(p.price), concerns, skin));
}

interface QuestionValues {
  question?: string;
  /** the cards shown last, when "this one" could be any of them */
  choices?: string[];
}

export class ProductQuestionDialog extends ComponentDialog {
  constructor(private readonly deps: ShoppingDeps) {
    super(PRODUCT_QUESTION_DIALOG);
    this.addDialog(validatedPrompt(WHICH_PROMPT, (text, _ctx, validations) => this.pick(text, (validations as { shown?: string[] } | undefined)?.shown) !== undefined));
    this.addDialog(new WaterfallDialog(FLOW, [this.answerStep.bind(this), this.whichStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  /** "2" or a product name answering "which one?" says nothing about the language: the profile's wins */
  private async lang(context: TurnContext): Promise<ReplyLanguage> {
    return scriptLanguage(context, (await this.deps.profile.get(context, {})).language);
  }

  /** The product an answer to "which one?" names: by name, or by its place among the cards offered ("2", "第二款"). */
  private pick(text: string, shown: string[] = []): Product | undefined {
    const named = this.deps.knowledge.findProductMention(text);
    if (named) return named;
    const n = /^\s*(\d)\s*$/.exec(text) ?? /第\s*([一二三123])/.exec(text);
    const index = n ? '一二三'.indexOf(n[1]) + 1 || Number(n[1]) : 0;
    const id = index ? shown[index - 1] : undefined;
    return id ? this.deps.knowledge.getProduct(id) : undefined;
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const lang = await this.lang(context);
    const values = step.values as QuestionValues;
    values.question = context.activity.text ?? '';
    const profile = await this.deps.profile.get(context, {});
    const guide = await this.deps.guide.get(context, {});
    // "how does it compare with X": the comparison of the product in focus with X
    if (COMPARE_WORDS.test(values.question) && productsInMessage(context, this.deps.knowledge).length > 0 && currentFocus(this.deps.knowledge, profile, guide)) {
      return step.replaceDialog(COMPARISON_DIALOG);
    }
    const focus = resolveFocus(context, this.deps.knowledge, profile, guide);
    if (focus.product) {
      await answerAbout(context, this.deps, lang, focus.product, values.question);
      return step.endDialog();
    }
    // "油皮用的控油洗面奶，100以内" names no product: it is a shopping request
    if (carriesNeeds(readRequest(values.question, nluResultOf(context), this.deps.knowledge))) return step.replaceDialog(NEEDS_DISCOVERY_DIALOG);
    if (focus.choices?.length) {
      // "这款" after several cards: which one, with the cards as choices (never silently the first)
      values.choices = focus.choices.map((p) => p._id);
      const names = focus.choices.map((p) => shortName(p, lang));
      const options = guidedOptions(say(lang, GUIDE_TEXT.askWhichOfThese), say(lang, GUIDE_TEXT.productNotFound), names.map((value) => ({ value })), ['product']);
      return step.prompt(WHICH_PROMPT, { ...options, validations: { ...(options.validations as object), shown: values.choices } });
    }
    return step.prompt(WHICH_PROMPT, guidedOptions(say(lang, GUIDE_TEXT.askWhichProduct), say(lang, GUIDE_TEXT.productNotFound), [], ['product']));
  }

  private async whichStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const lang = await this.lang(step.context);
    const values = step.values as QuestionValues;
    const product = gaveUp(step) ? undefined : this.pick(String(step.result ?? ''), values.choices);
    if (!product) return step.endDialog({ failed: true } satisfies FlowResult);
    await answerAbout(step.context, this.deps, lang, product, values.question ?? '');
    return step.endDialog();
  }
}

/** A product's name as a short choice: its nickname (小棕瓶), else its title. */
export function shortName(p: Product, lang: ReplyLanguage): string {
  return lang === 'en' ? (p.titleEn ?? p.title) : (p.nicknames?.[0] ?? productName(p, lang));
}
