/**
 * MainDialog: routes each message by intent through a table the business areas fill in (router.ts), and
 * handles what can happen anywhere in a flow: cancel, help, a human (asked for, or an angry customer),
 * and a new question mid-flow that is answered before the waiting question is asked again
 * (interruptions.ts). Out-of-scope messages go to the knowledge base, else to a clarifying question
 * (knowledgeAnswers.ts); a flow that fails three times ends with the offer of a human (humanOffer.ts).
 */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
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
import type { KnowledgeBase } from '../../knowledge/types';
import type { CustomerProfile } from '../../services/customers/profile';
import type { FlowResult, GuidedArea } from '../flow/area';
import { replyLanguage, ReplyLanguage } from '../flow/language';
import { HANDOFF_DIALOG } from '../handoff/ids';
import { nluResultOf } from '../turn/turnContracts';
import { HumanOffer } from './humanOffer';
import { MAIN_DIALOG, OFFER_HUMAN_PROMPT, ROUTER } from './ids';
import { globalCommand } from './interruptions';
import { clarify, knowledgeAsides } from './knowledgeAnswers';
import { MainState, MissCounter } from './mainState';
import { Router } from './router';

export { MAIN_DIALOG } from './ids';
export { MAIN_STATE_PROPERTY, type MainState } from './mainState';

export interface MainDialogDeps {
  profile: StatePropertyAccessor<CustomerProfile>;
  /** MainDialog's own part of the customer's state (property MAIN_STATE_PROPERTY): the miss counter */
  state: StatePropertyAccessor<MainState>;
  areas?: GuidedArea[];
  /** answers FAQ-type intents; without it they get the clarifying question */
  knowledge?: Pick<KnowledgeBase, 'ask'>;
}

export class MainDialog extends ComponentDialog {
  private readonly profile: StatePropertyAccessor<CustomerProfile>;
  private readonly misses: MissCounter;
  private readonly humans: HumanOffer;
  private readonly router: Router;

  constructor(deps: MainDialogDeps) {
    super(MAIN_DIALOG);
    const areas = deps.areas ?? [];
    this.profile = deps.profile;
    this.misses = new MissCounter(deps.state);
    this.humans = new HumanOffer(this.misses, () => this.findDialog(HANDOFF_DIALOG) !== undefined);
    this.router = new Router(areas, knowledgeAsides(deps.knowledge));
    this.addDialog(new TextPrompt(OFFER_HUMAN_PROMPT));
    this.addDialog(new WaterfallDialog(ROUTER, [this.routeStep.bind(this), this.afterFlowStep.bind(this), this.offerHumanStep.bind(this)]));
    this.initialDialogId = ROUTER;
    for (const area of areas) for (const dialog of area.dialogs) this.addDialog(dialog);
  }

  /** Runs the dialog for this turn (continue the active flow, or start routing). */
  async run(context: TurnContext, accessor: StatePropertyAccessor<DialogState>): Promise<void> {
    const dialogSet = new DialogSet(accessor);
    dialogSet.add(this);
    const dc = await dialogSet.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id);
  }

  /** Anywhere in a flow: commands, anger, human, and new questions or requests. */
  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    const text = (inner.context.activity.text ?? '').trim();
    const lang = await this.language(inner.context);
    const interrupted = (await globalCommand(inner, text, lang, this.humans)) ?? (await this.router.midFlow(inner, text, lang));
    return interrupted ?? super.onContinueDialog(inner);
  }

  private async language(context: TurnContext): Promise<ReplyLanguage> {
    const profile = await this.profile.get(context, {});
    return replyLanguage(context, profile.language);
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const nlu = nluResultOf(context);
    const lang = await this.language(context);
    const profile = await this.profile.get(context, {});
    if (profile.language !== lang) await this.profile.set(context, { ...profile, language: lang });
    const text = (context.activity.text ?? '').trim();
    const global = await globalCommand(step, text, lang, this.humans);
    if (global) return global;

    const signal = this.router.signalFor(context, profile);
    if (signal) return step.beginDialog(signal);
    const intent = nlu?.intent ?? 'other';
    if (intent === 'greeting' || intent === 'thanks_bye') {
      await this.misses.reset(context);
      await this.router.smallTalk(context, intent, lang);
      return step.endDialog();
    }
    const target = this.router.targetFor(intent);
    if (target) {
      await this.misses.reset(context);
      return step.beginDialog(target, this.router.optionsFor(target, intent));
    }
    const aside = this.router.asideFor(intent);
    if (aside && (await aside(context, lang))) {
      await this.misses.reset(context);
      return step.endDialog();
    }
    return clarify(step, lang, this.misses);
  }

  private async afterFlowStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as FlowResult | undefined;
    if (!result?.failed) return step.endDialog(step.result);
    return this.humans.offer(step, await this.language(step.context));
  }

  private async offerHumanStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return this.humans.answer(step, await this.language(step.context));
  }
}
