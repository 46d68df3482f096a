/**
 * Needs discovery: the guided questions of the shopping guide — skin type, "您最近是否关注抗老产品？"
 * (or another concern), budget, texture — each skipped when the profile already knows it (the profile
 * is customer state, so an answer given on one channel counts on every channel), then recommendations
 * as product cards. Bad answers are re-asked with an example; the third ends the flow as failed so
 * MainDialog can offer a human.
 */
import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { nluResultOf } from '../turn/turnContracts';
import type { CustomerProfile } from '../../services/customers/profile';
import { replyLanguage, ReplyLanguage, say } from '../flow/language';
import type { FlowResult } from '../flow/area';
import { Budget, catalogCategory, choicesOf, CONCERNS, parseBudget, parseConcern, parseSkinType, parseTexture, SKIN_TYPES, TEXTURES } from './answerParsers';
import type { ShoppingDeps } from './deps';
import { guidedOptions, validatedPrompt } from '../flow/validatedPrompt';
import { needsOf, recommend } from './recommendations';
import { BUDGET_CHOICES, GUIDE_TEXT } from './text';

export const NEEDS_DISCOVERY_DIALOG = 'needsDiscoveryDialog';
const SKIN_PROMPT = 'needsSkinPrompt';
const CONCERN_PROMPT = 'needsConcernPrompt';
const BUDGET_PROMPT = 'needsBudgetPrompt';
const TEXTURE_PROMPT = 'needsTexturePrompt';
const FLOW = 'needsDiscoveryFlow';

const FAILED: FlowResult = { failed: true };

interface FlowValues {
  /** category named in the request (精华, 面霜 …) */
  category?: string;
  /** the concern was known before this flow: say so instead of "noted" */
  knewConcern?: boolean;
}

export class NeedsDiscoveryDialog extends ComponentDialog {
  constructor(private readonly deps: ShoppingDeps) {
    super(NEEDS_DISCOVERY_DIALOG);
    this.addDialog(validatedPrompt(SKIN_PROMPT, (t, ctx) => parseSkinType(t, nluResultOf(ctx)) !== undefined));
    this.addDialog(validatedPrompt(CONCERN_PROMPT, (t, ctx) => parseConcern(t, nluResultOf(ctx), true) !== undefined));
    this.addDialog(validatedPrompt(BUDGET_PROMPT, (t, ctx) => parseBudget(t, nluResultOf(ctx)) !== undefined));
    this.addDialog(validatedPrompt(TEXTURE_PROMPT, (t) => parseTexture(t) !== undefined));
    this.addDialog(
      new WaterfallDialog(FLOW, [
        this.seedStep.bind(this),
        this.skinTypeStep.bind(this),
        this.concernStep.bind(this),
        this.budgetStep.bind(this),
        this.textureStep.bind(this),
        this.recommendStep.bind(this),
      ]),
    );
    this.initialDialogId = FLOW;
  }

  private async context(step: WaterfallStepContext): Promise<{ profile: CustomerProfile; lang: ReplyLanguage }> {
    const profile = await this.deps.profile.get(step.context, {});
    return { profile, lang: replyLanguage(step.context, profile.language) };
  }

  /** What the request itself already says ("适合油皮的抗老精华，500以内") fills the profile first. */
  private async seedStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { profile } = await this.context(step);
    const text = step.context.activity.text ?? '';
    const nlu = nluResultOf(step.context);
    const skin = parseSkinType(text, nlu);
    const concern = parseConcern(text, nlu);
    const budget = /\d/.test(text) ? parseBudget(text, nlu) : undefined;
    const values = step.values as FlowValues;
    values.category = catalogCategory(this.deps.knowledge, nlu?.entities.find((e) => e.type === 'category'));
    values.knewConcern = Boolean(profile.concerns?.length) && !concern;
    await this.deps.profile.set(step.context, {
      ...profile,
      ...(skin ? { skinType: skin } : {}),
      ...(concern ? { concerns: [concern, ...(profile.concerns ?? []).filter((c) => c !== concern)] } : {}),
      ...(budget?.max ? { budgetMax: budget.max } : {}),
    });
    return step.next();
  }

  private async skinTypeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { profile, lang } = await this.context(step);
    if (profile.skinType) return step.next();
    return step.prompt(
      SKIN_PROMPT,
      guidedOptions(say(lang, GUIDE_TEXT.askSkin), say(lang, GUIDE_TEXT.skinRetry), choicesOf(SKIN_TYPES, lang), ['skin_type']),
    );
  }

  private async concernStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { profile, lang } = await this.context(step);
    if (typeof step.result === 'string') {
      const skin = parseSkinType(step.result, nluResultOf(step.context));
      if (!skin) return step.endDialog(FAILED);
      await this.deps.profile.set(step.context, { ...profile, skinType: skin });
    }
    if (profile.concerns?.length) return step.next();
    return step.prompt(
      CONCERN_PROMPT,
      guidedOptions(
        say(lang, GUIDE_TEXT.askConcern),
        say(lang, GUIDE_TEXT.concernRetry),
        choicesOf(CONCERNS, lang),
        ['concern'],
      ),
    );
  }

  private async budgetStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { profile, lang } = await this.context(step);
    let concern = profile.concerns?.[0];
    if (typeof step.result === 'string') {
      concern = parseConcern(step.result, nluResultOf(step.context), true);
      if (!concern) return step.endDialog(FAILED);
      await this.deps.profile.set(step.context, { ...profile, concerns: [concern, ...(profile.concerns ?? []).filter((c) => c !== concern)] });
    }
    const skin = profile.skinType;
    await step.context.sendActivity(
      (step.values as FlowValues).knewConcern && typeof step.result !== 'string'
        ? say(lang, GUIDE_TEXT.rememberedNeeds(skin, concern))
        : say(lang, GUIDE_TEXT.notedNeeds(skin, concern)),
    );
    const guide = await this.deps.guide.get(step.context, {});
    if (profile.budgetMax || guide.budgetAsked) return step.next();
    const choices = BUDGET_CHOICES.map((choice) => say(lang, choice));
    return step.prompt(
      BUDGET_PROMPT,
      guidedOptions(
        say(lang, GUIDE_TEXT.askBudget),
        say(lang, GUIDE_TEXT.budgetRetry),
        choices.map((value) => ({ value })),
        ['money'],
      ),
    );
  }

  private async textureStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { profile, lang } = await this.context(step);
    const guide = await this.deps.guide.get(step.context, {});
    if (typeof step.result === 'string') {
      const budget: Budget | undefined = parseBudget(step.result, nluResultOf(step.context));
      if (!budget) return step.endDialog(FAILED);
      await this.deps.profile.set(step.context, { ...profile, ...(budget.max ? { budgetMax: budget.max } : {}) });
      await this.deps.guide.set(step.context, { ...guide, budgetAsked: true });
    }
    if (profile.texture || guide.textureAsked) return step.next();
    const choices = [...choicesOf(TEXTURES, lang), { value: say(lang, GUIDE_TEXT.textureEither), synonyms: ['都可以', 'either', 'any'] }];
    return step.prompt(
      TEXTURE_PROMPT,
      guidedOptions(say(lang, GUIDE_TEXT.askTexture), say(lang, GUIDE_TEXT.textureRetry), choices),
    );
  }

  private async recommendStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { profile, lang } = await this.context(step);
    const guide = await this.deps.guide.get(step.context, {});
    let current = profile;
    if (typeof step.result === 'string') {
      const texture = parseTexture(step.result);
      if (!texture) return step.endDialog(FAILED);
      current = texture === 'any' ? profile : { ...profile, texture };
      await this.deps.guide.set(step.context, { ...guide, textureAsked: true });
    }
    const rec = recommend(this.deps.knowledge, needsOf(current, (step.values as FlowValues).category), lang, this.deps.cartBase);
    if (!rec) {
      await step.context.sendActivity(say(lang, GUIDE_TEXT.noMatch));
      await this.deps.profile.set(step.context, current);
      return step.endDialog(current);
    }
    await step.context.sendActivity(rec.activity);
    const ids = rec.products.map((p) => p._id);
    const viewed = [...ids, ...(current.viewedProducts ?? []).filter((id) => !ids.includes(id))].slice(0, 10);
    await this.deps.profile.set(step.context, { ...current, viewedProducts: viewed, hesitation: { ...current.hesitation, lastProductId: ids[0], revisits: 0 } });
    const latest = await this.deps.guide.get(step.context, {});
    await this.deps.guide.set(step.context, { ...latest, lastRecommended: ids });
    return step.endDialog(current);
  }
}
