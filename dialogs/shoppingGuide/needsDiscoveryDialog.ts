/**
 * Needs discovery: the shopping guide's questions, then recommendations as product cards. Everything
 * the request says (category, skin type, concern, budget, shade, recipient, allergies, pregnancy …) is
 * used and never asked again: each question step calls `step.next()` when its slot is known, as the
 * core-bot sample's booking steps do. The category decides which questions make sense (wishes.ts);
 * "都可以" / "whatever" at any question means no preference and moves on. The customer's own answers
 * fill their profile (known on every channel); a gift's stay with the flow. Bad answers are re-asked
 * with an example; the third ends the flow as failed so MainDialog can offer a human.
 */
import type { Choice } from 'botbuilder-dialogs';
import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { markFunnel, nluResultOf } from '../turn/turnContracts';
import { ReplyLanguage, say, scriptLanguage, Wording } from '../flow/language';
import type { FlowResult } from '../flow/area';
import { gaveUp, guidedOptions, validatedPrompt } from '../flow/validatedPrompt';
import { choicesOf, CONCERNS, parseConcern, SKIN_TYPES, TEXTURES } from './answerParsers';
import type { ShoppingDeps } from './deps';
import { recommend } from './recommendations';
import { HAIR_CONCERNS, SHADE_FAMILIES, UNDERTONES } from './requestParsers';
import { readRequest, RequestSlots } from './shoppingRequest';
import { BUDGET_CHOICES, FINISH_CHOICES, GUIDE_TEXT, RECIPIENT_CHOICES } from './text';
import { addSlots, emptyWishes, forSomeoneElse, isKnown, kindOf, nextQuestion, profileWith, Question, startWishes, Wishes } from './wishes';
import { showProducts } from './productFocus';
import { recommendBeforeAsking } from './recommendFirst';

export const NEEDS_DISCOVERY_DIALOG = 'needsDiscoveryDialog';
const GUIDE_PROMPT = 'needsGuidePrompt';
const FLOW = 'needsDiscoveryFlow';
/** at most this many questions in one flow (the plan never needs more) */
const MAX_QUESTIONS = 6;

const FAILED: FlowResult = { failed: true };
const SAYS_NO = /^(不|没|no\b|nope|not really|nah)/i;

interface FlowValues {
  wishes: Wishes;
  asking?: Question;
}

const wording = (o: Wording): Wording => ({ zh: o.zh, en: o.en });
/** choices with the words that mean them (MainDialog tells an answer from a new request by them) */
const titled = (list: (Wording & { words?: string[] })[], lang: ReplyLanguage, either?: Wording): Choice[] =>
  [...list, ...(either ? [either] : [])].map((o: Wording & { words?: string[] }) => ({
    value: say(lang, wording(o)),
    action: { type: 'imBack', title: say(lang, wording(o)), value: say(lang, wording(o)) },
    synonyms: o.words ?? [],
  }));
const EITHER: Wording = GUIDE_TEXT.textureEither;
const NOT_SURE: Wording = { zh: '不确定', en: 'Not sure' };

/** Each question: its wording, its retry, its choices and the entity types that answer it (MainDialog reads them). */
function questionOf(q: Question, lang: ReplyLanguage): { text: Wording; retry: Wording; choices: Choice[]; expects: string[] } {
  switch (q) {
    case 'skin':
      return { text: GUIDE_TEXT.askSkin, retry: GUIDE_TEXT.skinRetry, choices: [...choicesOf(SKIN_TYPES, lang), ...titled([], lang, NOT_SURE)], expects: ['skin_type'] };
    case 'concern':
      return { text: GUIDE_TEXT.askConcern, retry: GUIDE_TEXT.concernRetry, choices: choicesOf(CONCERNS, lang), expects: ['concern'] };
    case 'budget':
      return { text: GUIDE_TEXT.askBudget, retry: GUIDE_TEXT.budgetRetry, choices: BUDGET_CHOICES.map((c) => ({ value: say(lang, c) })), expects: ['money'] };
    case 'texture':
      return { text: GUIDE_TEXT.askTexture, retry: GUIDE_TEXT.textureRetry, choices: [...choicesOf(TEXTURES, lang), { value: say(lang, EITHER), synonyms: ['都可以', 'either', 'any'] }], expects: [] };
    case 'shade':
      return { text: GUIDE_TEXT.askShade, retry: GUIDE_TEXT.shadeRetry, choices: titled(SHADE_FAMILIES, lang, EITHER), expects: ['shade'] };
    case 'undertone':
      return { text: GUIDE_TEXT.askUndertone, retry: GUIDE_TEXT.undertoneRetry, choices: titled(UNDERTONES, lang, NOT_SURE), expects: ['shade'] };
    case 'hairConcern':
      return { text: GUIDE_TEXT.askHairConcern, retry: GUIDE_TEXT.hairConcernRetry, choices: titled(HAIR_CONCERNS, lang), expects: ['concern'] };
    case 'recipient':
      return { text: GUIDE_TEXT.askRecipient, retry: GUIDE_TEXT.recipientRetry, choices: titled(RECIPIENT_CHOICES, lang), expects: [] };
    case 'finish':
      return { text: GUIDE_TEXT.askFinish, retry: GUIDE_TEXT.finishRetry, choices: titled(FINISH_CHOICES, lang, EITHER), expects: [] };
  }
}

/** a word or two: an answer to the question, not a new request */
const isShortAnswer = (text: string) => (/\p{Script=Han}/u.test(text) ? text.trim().length <= 6 : text.trim().split(/\s+/).length <= 3);

/** The slots of a short answer that answer this question and nothing else. */
function onlySlotOf(q: Question, s: RequestSlots): RequestSlots {
  const keep: Partial<Record<Question, (keyof RequestSlots)[]>> = {
    skin: ['skinType'],
    concern: ['concern'],
    budget: ['budget'],
    texture: ['texture'],
    shade: ['shade', 'undertone'],
    undertone: ['undertone', 'shade'],
    hairConcern: ['hairConcern', 'concern'],
    recipient: ['recipient', 'gift', 'age'],
    finish: ['finish'],
  };
  const out: RequestSlots = { categories: [], gift: false, constraints: s.constraints, noPreference: s.noPreference };
  for (const key of keep[q] ?? []) (out as unknown as Record<string, unknown>)[key] = s[key];
  return out;
}

export class NeedsDiscoveryDialog extends ComponentDialog {
  constructor(private readonly deps: ShoppingDeps) {
    super(NEEDS_DISCOVERY_DIALOG);
    this.addDialog(validatedPrompt(GUIDE_PROMPT, (text, ctx, validations) => this.answers((validations as { question: Question }).question, text, ctx)));
    const ask = this.askStep.bind(this);
    this.addDialog(new WaterfallDialog(FLOW, [this.seedStep.bind(this), ...Array.from({ length: MAX_QUESTIONS }, () => ask), this.recommendStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  /** Does the message answer the question: its slot filled, no preference, or (the concern question) a no? */
  private answers(q: Question, text: string, context: WaterfallStepContext['context']): boolean {
    if (this.absorb(q, text, context) !== undefined) return true;
    return false;
  }

  /**
   * The wishes an answer adds; undefined when it does not answer the question asked. A short answer
   * ("滋润", "Dry") fills only the asked slot (滋润 is a texture here, not a concern); a longer one
   * ("干皮，500以内就行") fills every slot it carries.
   */
  private absorb(q: Question, text: string, context: WaterfallStepContext['context'], into?: Wishes): Wishes | undefined {
    const nlu = nluResultOf(context);
    const slots = readRequest(text, nlu, this.deps.knowledge, q === 'budget');
    if (q === 'concern') slots.concern ??= parseConcern(text, nlu, true);
    const base = structuredClone(into ?? emptyWishes());
    const w = addSlots(base, isShortAnswer(text) ? onlySlotOf(q, slots) : slots);
    if (isKnown(w, q)) return w;
    if (slots.noPreference || (q === 'concern' && SAYS_NO.test(text.trim()))) return { ...w, skipped: [...w.skipped, q] };
    return undefined;
  }

  /** the language of the answer's script (the customer's last message); "2" or "500" keep the profile's */
  private async lang(step: WaterfallStepContext): Promise<ReplyLanguage> {
    return scriptLanguage(step.context, (await this.deps.profile.get(step.context, {})).language);
  }

  /** What the request and the profile already say; "I remember…" when the profile filled something in. */
  private async seedStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const profile = await this.deps.profile.get(step.context, {});
    const guide = await this.deps.guide.get(step.context, {});
    const slots = readRequest(step.context.activity.text ?? '', nluResultOf(step.context), this.deps.knowledge);
    const wishes = startWishes(slots, profile, guide);
    (step.values as FlowValues).wishes = wishes;
    await this.save(step, wishes);
    const parts = this.parts(wishes, await this.lang(step), wishes.remembered);
    if (parts.length) await step.context.sendActivity(say(await this.lang(step), GUIDE_TEXT.rememberedNeeds(parts)));
    await recommendBeforeAsking(step.context, this.deps, wishes, await this.lang(step)); // [X] discovery-order experiment
    return step.next();
  }

  /** The answer to the question asked in the step before, then the next question, or on to the cards. */
  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as FlowValues;
    const lang = await this.lang(step);
    if (values.asking) {
      const w = gaveUp(step) ? undefined : this.absorb(values.asking, String(step.result ?? ''), step.context, values.wishes);
      if (!w) return step.endDialog(FAILED);
      values.wishes = w;
      await this.save(step, w, values.asking);
      values.asking = undefined;
    }
    const w = values.wishes;
    const q = nextQuestion(w);
    if (!q) return step.next();
    // before the budget: what was noted so far, so the customer sees they were heard
    if (q === 'budget' && kindOf(w) === 'skincare' && !forSomeoneElse(w)) {
      const parts = this.parts(w, lang, ['skin', 'concern']);
      if (parts.length) await step.context.sendActivity(say(lang, GUIDE_TEXT.notedNeeds(parts)));
    }
    values.asking = q;
    w.asked += 1;
    const { text, retry, choices, expects } = questionOf(q, lang);
    const options = guidedOptions(say(lang, text), say(lang, retry), choices, expects);
    return step.prompt(GUIDE_PROMPT, { ...options, validations: { ...(options.validations as object), question: q } });
  }

  private async recommendStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as FlowValues;
    const lang = await this.lang(step);
    const rec = recommend(this.deps.knowledge, values.wishes, lang, this.deps.cartBase);
    if (!rec) {
      await step.context.sendActivity(say(lang, GUIDE_TEXT.noMatch));
      return step.endDialog(await this.deps.profile.get(step.context, {}));
    }
    await step.context.sendActivity(rec.activity);
    markFunnel(step.context, 'recommendationsShown');
    await showProducts(step.context, this.deps, rec.products.map((p) => p._id));
    return step.endDialog(await this.deps.profile.get(step.context, {}));
  }

  /** Skin type and concern in a few words (only those known; never "undefined"). */
  private parts(w: Wishes, lang: ReplyLanguage, which: Wishes['remembered']): string[] {
    const out: string[] = [];
    if (which.includes('skin') && w.skinType) out.push(say(lang, GUIDE_TEXT.skinPart(w.skinType)));
    if (which.includes('concern') && w.concern) out.push(say(lang, GUIDE_TEXT.concernPart(w.concern)));
    if (which.includes('budget') && w.budget) out.push(say(lang, GUIDE_TEXT.budgetPart(w.budget.min, w.budget.max)));
    return out;
  }

  /** The customer's own wishes to the profile; constraints and what was answered to the guide state. */
  private async save(step: WaterfallStepContext, w: Wishes, answered?: Question): Promise<void> {
    const profile = await this.deps.profile.get(step.context, {});
    await this.deps.profile.set(step.context, profileWith(profile, w));
    const guide = await this.deps.guide.get(step.context, {});
    const self = !forSomeoneElse(w);
    await this.deps.guide.set(step.context, {
      ...guide,
      ...(self ? { constraints: w.constraints } : {}),
      ...(answered === 'budget' && self ? { budgetAsked: true, budgetCategory: w.categories[0] } : {}),
      ...(w.budget && self && !w.remembered.includes('budget') ? { budgetCategory: w.categories[0] } : {}),
      ...(answered === 'texture' && self ? { textureAsked: true } : {}),
    });
  }
}
