/**
 * The safety answer for one message: a reaction gets the advice first (stop, rinse, nothing new, doctor —
 * at once when it is urgent) and then the way to after-sales; a life-stage question gets what the safety
 * table says about the product's listed ingredients or the ingredients named; a combination question
 * gets the table's pairs. The product is the one named, else the one in focus for "它 / this one".
 */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { activesIn, combinationAnswer, lifeStageAnswer, reactionAnswer, isUrgentReaction } from '../../knowledge/safety';
import type { KnowledgeBase, Product } from '../../knowledge/types';
import { frameOf } from '../../nlu/types';
import type { CustomerProfile } from '../../services/customers/profile';
import { withChoices } from '../flow/choices';
import { replyLanguage, say } from '../flow/language';
import { nluResultOf } from '../turn/turnContracts';
import { SAFETY_DIALOG, safetyTopic, THIS_ONE } from './safetySignal';
import { SAFETY_CHOICES, SAFETY_TEXT } from './text';

const FLOW = 'safetyFlow';
const MAX_VIEWED = 10;

export interface SafetyDeps {
  profile: StatePropertyAccessor<CustomerProfile>;
  knowledge: Pick<KnowledgeBase, 'getProduct' | 'findProductMention'>;
}

export class SafetyDialog extends ComponentDialog {
  constructor(private readonly deps: SafetyDeps) {
    super(SAFETY_DIALOG);
    this.addDialog(new WaterfallDialog(FLOW, [this.answerStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const profile = await this.deps.profile.get(context, {});
    const lang = replyLanguage(context, profile.language);
    const topic = safetyTopic(context, profile);
    const text = context.activity.text ?? '';
    const product = this.productMeant(context, profile);
    if (product && profile.viewedProducts?.[0] !== product._id) {
      const viewed = [product._id, ...(profile.viewedProducts ?? []).filter((id) => id !== product._id)].slice(0, MAX_VIEWED);
      await this.deps.profile.set(context, { ...profile, viewedProducts: viewed });
    }
    const question = { text, lang, product };
    if (!topic || topic.kind === 'reaction') {
      const advice = reactionAnswer(question, isUrgentReaction(text));
      await context.sendActivity(withChoices(`${advice.text}\n${say(lang, SAFETY_TEXT.afterSales)}`, SAFETY_CHOICES.reaction.map((c) => say(lang, c))));
    } else if (topic.kind === 'lifeStage') {
      const advice = lifeStageAnswer(question, topic.stage!);
      await context.sendActivity(withChoices(advice.text, SAFETY_CHOICES.lifeStage.map((c) => say(lang, c))));
    } else {
      await context.sendActivity(combinationAnswer(question, topic.several).text);
    }
    return step.endDialog();
  }

  /** named (entity, frame, nickname or brand written out), else the product in focus for "它 / this one" or a bare question */
  private productMeant(context: TurnContext, profile: CustomerProfile): Product | undefined {
    const { knowledge } = this.deps;
    const nlu = nluResultOf(context);
    const text = context.activity.text ?? '';
    const ids = [...(nlu?.entities ?? []).filter((e) => e.type === 'product' && typeof e.value === 'string').map((e) => e.value as string), ...frameOf(nlu).productIds];
    for (const id of ids) {
      const p = knowledge.getProduct(id);
      if (p) return p;
    }
    const mention = knowledge.findProductMention(text);
    // a search match on "水杨酸洗面奶" is a kind of product, not the product the customer means
    if (mention && namesProduct(text, mention)) return mention;
    if (!THIS_ONE.test(text) && activesIn(text).length > 0) return undefined;
    const focus = profile.viewedProducts?.[0];
    return focus ? knowledge.getProduct(focus) : undefined;
  }
}

function namesProduct(text: string, p: Product): boolean {
  const t = text.toLowerCase();
  return [...(p.nicknames ?? []), p.brand, p.brandId, p.titleEn ?? ''].some((n) => n.length >= 2 && t.includes(n.toLowerCase()));
}
