/**
 * MainDialog: routes each message by intent through a table the business areas fill in, and handles
 * what can happen anywhere in a flow: cancel, help, a human (asked for, or an angry customer), and a new
 * question mid-flow that is answered before the waiting question is asked again. Out-of-scope messages
 * go to the knowledge base (FAQ, then a grounded LLM answer when configured), else to a clarifying
 * question with suggested actions; a flow that fails three times ends with the offer of a human.
 */
import { StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  DialogContext,
  DialogSet,
  DialogState,
  DialogTurnResult,
  DialogTurnStatus,
  TextPrompt,
  WaterfallDialog,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import { nluResultOf } from './turn/turnContracts';
import type { KnowledgeBase } from '../knowledge/types';
import type { Intent } from '../nlu/types';
import type { CustomerProfile } from '../services/customers/profile';
import { withSuggestions } from './cards';
import type { AsideAnswer, FlowResult, GuidedArea, SignalRoute } from './guidedArea';
import { HANDOFF_DIALOG, HandoffOptions } from './handoff/ids';
import { ANGER_THRESHOLD, ASKS_FOR_AGENT } from './flow/escalation';
import {
  answersPrompt,
  BARE_REPLY,
  CANCEL_WORDS,
  HELP_WORDS,
  helpMessage,
  isQuestionLike,
  leafInstance,
  promptKind,
  stackIds,
  QUESTION_CONFIDENCE,
  SWITCH_CONFIDENCE,
} from './interruptions';
import { replyLanguage, ReplyLanguage, say } from './language';
import type { GuideState } from './shoppingGuide/guideState';

export type { AsideAnswer, FlowResult, GuidedArea, SignalRoute } from './guidedArea';

export const MAIN_DIALOG = 'mainDialog';
const ROUTER = 'mainRouter';
const OFFER_HUMAN_PROMPT = 'offerHumanPrompt';

export interface MainDialogOptions {
  knowledge?: Pick<KnowledgeBase, 'ask'>;
  /** the shopping guide's state (misses counter); without it misses are not counted across turns */
  guide?: StatePropertyAccessor<GuideState>;
}

/** FAQ-type intents MainDialog answers itself from the knowledge base. */
const FAQ_INTENTS: Intent[] = ['payment', 'shipping_info', 'account', 'feedback', 'other'];
const MAX_MISSES = 3;
const YES = /^(是|是的|好|好的|要|需要|可以|行|嗯|对|yes|y|yeah|ok|okay|sure|please)/i;

export class MainDialog extends ComponentDialog {
  private readonly routes: Partial<Record<Intent, string>> = {};
  private readonly asides: Partial<Record<Intent, AsideAnswer>> = {};
  private readonly signals: SignalRoute[] = [];
  private readonly greetings: NonNullable<GuidedArea['onGreeting']>[] = [];
  private readonly restartable = new Set<string>();

  constructor(
    private readonly profile: StatePropertyAccessor<CustomerProfile>,
    areas: GuidedArea[] = [],
    private readonly options: MainDialogOptions = {},
  ) {
    super(MAIN_DIALOG);
    this.addDialog(new TextPrompt(OFFER_HUMAN_PROMPT));
    this.addDialog(new WaterfallDialog(ROUTER, [this.routeStep.bind(this), this.afterFlowStep.bind(this), this.offerHumanStep.bind(this)]));
    this.initialDialogId = ROUTER;
    for (const intent of FAQ_INTENTS) this.asides[intent] = (context, lang) => this.answerFromKnowledge(context, lang);
    for (const area of areas) {
      for (const dialog of area.dialogs) this.addDialog(dialog);
      Object.assign(this.routes, area.routes);
      Object.assign(this.asides, area.asides ?? {});
      this.signals.push(...(area.signals ?? []));
      if (area.onGreeting) this.greetings.push(area.onGreeting);
      for (const id of area.restartable ?? []) this.restartable.add(id);
    }
  }

  /** Runs the dialog for this turn (continue the active flow, or start routing). */
  async run(context: TurnContext, accessor: StatePropertyAccessor<DialogState>): Promise<void> {
    const dialogSet = new DialogSet(accessor);
    dialogSet.add(this);
    const dc = await dialogSet.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id);
  }

  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    const interrupted = await this.interrupt(inner);
    return interrupted ?? super.onContinueDialog(inner);
  }

  /** Anywhere in a flow: commands, anger, human, and new questions or requests. */
  private async interrupt(inner: DialogContext): Promise<DialogTurnResult | undefined> {
    const context = inner.context;
    const text = (context.activity.text ?? '').trim();
    const lang = await this.language(context);
    const global = await this.globalCommand(inner, text, lang);
    if (global) return global;
    const nlu = nluResultOf(context);
    if (!nlu || !text) return undefined;
    // a question ("…吗？", "how …") needs less certainty than a bare statement to be taken as a new request
    const questionLike = isQuestionLike(text);
    if (nlu.confidence < (questionLike ? QUESTION_CONFIDENCE : SWITCH_CONFIDENCE)) return undefined;
    const leaf = leafInstance(inner);
    const kind = promptKind(leaf);
    // free-text answers (an address, a description of a damage) are never taken as new requests
    if (kind === 'freeText' || answersPrompt(leaf, text, nlu)) return undefined;
    const aside = this.asides[nlu.intent];
    if (aside && questionLike && (await aside(context, lang))) {
      await inner.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    const target = this.routes[nlu.intent];
    if (!target || nlu.intent === 'human_agent' || BARE_REPLY.test(text)) return undefined;
    // an open question takes almost anything as its answer: only a clear question switches away
    if (kind === 'open' && !questionLike) return undefined;
    if (stackIds(inner).includes(target)) {
      // the same request again while a choice waits: a restartable flow starts afresh; otherwise the flow takes it
      if (kind !== 'closed' || !this.restartable.has(target)) return undefined;
      await inner.cancelAllDialogs();
      return inner.beginDialog(ROUTER);
    }
    // a different request: run it on top; the waiting flow asks its question again when it ends
    return inner.beginDialog(target, this.optionsFor(target, nlu.intent));
  }

  /** Cancel, help, human and anger: the same with or without an active flow. */
  private async globalCommand(dc: DialogContext, text: string, lang: ReplyLanguage): Promise<DialogTurnResult | undefined> {
    const context = dc.context;
    const nlu = nluResultOf(context);
    if (CANCEL_WORDS.test(text)) {
      await context.sendActivity(say(lang, '好的，已取消。还有什么可以帮您？', 'OK, cancelled. Anything else I can do?'));
      return dc.cancelAllDialogs();
    }
    if (HELP_WORDS.test(text)) {
      await context.sendActivity(helpMessage(lang));
      if (dc.activeDialog && dc.activeDialog.id !== ROUTER) await dc.repromptDialog();
      return { status: dc.activeDialog ? DialogTurnStatus.waiting : DialogTurnStatus.complete };
    }
    if ((nlu?.sentiment.anger ?? 0) >= ANGER_THRESHOLD) {
      await context.sendActivity(
        say(lang, '非常抱歉给您带来了不好的体验！我马上为您转接人工客服，请稍候。', 'I am truly sorry for the trouble. I am connecting you to a human agent right away.'),
      );
      return this.handOff(dc, { reason: 'angry' }, lang);
    }
    if (ASKS_FOR_AGENT.test(text) || (nlu?.intent === 'human_agent' && nlu.confidence >= 0.5)) {
      return this.handOff(dc, { reason: 'requested' }, lang);
    }
    return undefined;
  }

  private async handOff(dc: DialogContext, options: HandoffOptions, lang: ReplyLanguage): Promise<DialogTurnResult> {
    await dc.cancelAllDialogs();
    await this.setMisses(dc.context, 0);
    if (this.findDialog(HANDOFF_DIALOG)) return dc.beginDialog(HANDOFF_DIALOG, options);
    await dc.context.sendActivity(say(lang, '正在为您转接人工客服，请稍候。', 'Connecting you to a human agent, please wait.'));
    return { status: DialogTurnStatus.complete };
  }

  private async language(context: TurnContext): Promise<ReplyLanguage> {
    const profile = await this.profile.get(context, {});
    return replyLanguage(context, profile.language);
  }

  private optionsFor(dialogId: string, intent: Intent): HandoffOptions | undefined {
    if (dialogId !== HANDOFF_DIALOG) return undefined;
    return { reason: intent === 'complaint' ? 'complaint' : intent === 'quality_issue' ? 'quality' : 'requested' };
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const nlu = nluResultOf(context);
    const lang = await this.language(context);
    const profile = await this.profile.get(context, {});
    if (profile.language !== lang) await this.profile.set(context, { ...profile, language: lang });
    const text = (context.activity.text ?? '').trim();
    const global = await this.globalCommand(step, text, lang);
    if (global) return global;

    const signal = this.signals.find((s) => s.matches(context, profile));
    if (signal) return step.beginDialog(signal.dialogId);
    const intent = nlu?.intent ?? 'other';
    if (intent === 'greeting' || intent === 'thanks_bye') {
      await this.setMisses(context, 0);
      await context.sendActivity(
        intent === 'greeting'
          ? say(lang, '亲，您好！有什么可以帮您？可以问我商品、订单、退换货或优惠哦～', 'Hello! How can I help — products, orders, returns or offers?')
          : say(lang, '不客气，祝您生活愉快～', 'You are welcome, have a nice day!'),
      );
      if (intent === 'greeting') for (const greet of this.greetings) await greet(context, lang);
      return step.endDialog();
    }
    const target = this.routes[intent];
    if (target) {
      await this.setMisses(context, 0);
      return step.beginDialog(target, this.optionsFor(target, intent));
    }
    const aside = this.asides[intent];
    if (aside && (await aside(context, lang))) {
      await this.setMisses(context, 0);
      return step.endDialog();
    }
    return this.clarify(step, lang);
  }

  /** Out of scope and not in the knowledge base: ask what they mean, with choices; the third miss offers a human. */
  private async clarify(step: WaterfallStepContext, lang: ReplyLanguage): Promise<DialogTurnResult> {
    const misses = (await this.misses(step.context)) + 1;
    await this.setMisses(step.context, misses);
    if (misses >= MAX_MISSES) return step.next({ failed: true } satisfies FlowResult);
    await step.context.sendActivity(
      withSuggestions(
        say(lang, '抱歉，我没太明白您的意思～您是想：', 'Sorry, I did not quite get that. Would you like to:'),
        lang === 'en'
          ? ['Recommend skincare', 'Compare products', 'Track my order', 'Return an item', 'Current offers']
          : ['推荐护肤品', '对比产品', '查询订单物流', '我要退换货', '有什么优惠活动'],
      ),
    );
    return step.endDialog();
  }

  private async answerFromKnowledge(context: TurnContext, lang: ReplyLanguage): Promise<boolean> {
    const text = (context.activity.text ?? '').trim();
    if (!this.options.knowledge || !text) return false;
    const answer = await this.options.knowledge.ask(text, { lang });
    if (!answer.found || answer.confidence < 0.35) return false;
    await context.sendActivity(answer.answer);
    return true;
  }

  private async afterFlowStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as FlowResult | undefined;
    if (!result?.failed) return step.endDialog(step.result);
    const lang = await this.language(step.context);
    await this.setMisses(step.context, 0);
    const offer = withSuggestions(
      say(lang, '抱歉，我好像一直没能理解您的意思。需要为您转接人工客服吗？', 'Sorry, I keep missing what you mean. Shall I connect you to a human agent?'),
      lang === 'en' ? ['Yes, an agent please', 'No thanks'] : ['好的，转人工', '不用了'],
    );
    return step.prompt(OFFER_HUMAN_PROMPT, { prompt: offer });
  }

  private async offerHumanStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const lang = await this.language(step.context);
    if (YES.test(String(step.result ?? '').trim())) return this.handOff(step, { reason: 'repeated_failures' }, lang);
    await step.context.sendActivity(say(lang, '好的～您可以换个说法再问我，或者点下方的选项。', 'OK — feel free to ask another way.'));
    return step.endDialog();
  }

  private async misses(context: TurnContext): Promise<number> {
    return this.options.guide ? ((await this.options.guide.get(context, {})).misses ?? 0) : 0;
  }

  private async setMisses(context: TurnContext, misses: number): Promise<void> {
    if (!this.options.guide) return;
    const guide = await this.options.guide.get(context, {});
    if ((guide.misses ?? 0) !== misses) await this.options.guide.set(context, { ...guide, misses });
  }
}
