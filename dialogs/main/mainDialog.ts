/**
 * MainDialog: routes each message by intent through a table the business areas fill in (router.ts), and
 * handles what can happen anywhere in a flow: cancel, help, a language switch, a human (asked for, or a
 * customer whose anger shows in the conversation — angerInContext.ts) (interruptions.ts); every waiting
 * prompt listens for new requests, questions, thanks and goodbyes (listening.ts). Several requests in one
 * message are handled one after the other (severalRequests.ts). Out-of-scope messages go to the knowledge
 * base, else to a clarifying question (knowledgeAnswers.ts); a flow that fails three times ends with the
 * offer of a human (humanOffer.ts).
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
import type { Intent, Recognizer } from '../../nlu/types';
import type { CustomerProfile } from '../../services/customers/profile';
import type { FlowResult, GuidedArea } from '../flow/area';
import { flowLanguage, ReplyLanguage, say, showsLanguage } from '../flow/language';
import { HANDOFF_DIALOG } from '../handoff/ids';
import { nluResultOf } from '../turn/turnContracts';
import { AngerInContext } from './angerInContext';
import { rememberStepInputs } from './askAgain';
import { HumanOffer } from './humanOffer';
import { MAIN_DIALOG, OFFER_HUMAN_PROMPT, ROUTER } from './ids';
import { GlobalDeps, globalCommand } from './interruptions';
import { clarify, knowledgeAsides, knowledgeFirst, KnowledgeFirst } from './knowledgeAnswers';
import { AngerMemory, MainState, MissCounter, RequestQueue } from './mainState';
import { Router } from './router';
import { SeveralRequests } from './severalRequests';
import { TEXT } from './text';

export { MAIN_DIALOG } from './ids';
export { MAIN_STATE_PROPERTY, type MainState } from './mainState';

export interface MainDialogDeps {
  profile: StatePropertyAccessor<CustomerProfile>;
  /** MainDialog's own part of the customer's state (property MAIN_STATE_PROPERTY): misses, mood, queued requests */
  state: StatePropertyAccessor<MainState>;
  areas?: GuidedArea[];
  /** answers FAQ-type intents; without it they get the clarifying question */
  knowledge?: Pick<KnowledgeBase, 'ask'>;
  /** recognizes each part of a message with several requests; without it only the first is handled */
  recognizer?: Pick<Recognizer, 'recognize'>;
}

/** What MainDialog's router waterfall is begun with: a queued request to run instead of the turn's message. */
interface RouterOptions {
  queued?: string;
}

export class MainDialog extends ComponentDialog {
  private readonly profile: StatePropertyAccessor<CustomerProfile>;
  private readonly misses: MissCounter;
  private readonly humans: HumanOffer;
  private readonly router: Router;
  /** a general policy question answered from the FAQ before intent routing (and mid-flow) */
  private readonly knowledgeFirst: KnowledgeFirst;
  private readonly queue: RequestQueue;
  private readonly several: SeveralRequests;
  private readonly global: GlobalDeps;

  constructor(deps: MainDialogDeps) {
    super(MAIN_DIALOG);
    const areas = deps.areas ?? [];
    this.profile = deps.profile;
    this.misses = new MissCounter(deps.state);
    this.humans = new HumanOffer(this.misses, () => this.findDialog(HANDOFF_DIALOG) !== undefined);
    this.knowledgeFirst = knowledgeFirst(deps.knowledge);
    this.router = new Router(areas, knowledgeAsides(deps.knowledge), this.knowledgeFirst);
    this.queue = new RequestQueue(deps.state);
    const handles = (intent: Intent) => intent !== 'other' && Boolean(this.router.targetFor(intent) ?? this.router.asideFor(intent));
    this.several = new SeveralRequests(this.queue, handles, deps.recognizer);
    this.global = { humans: this.humans, anger: new AngerInContext(new AngerMemory(deps.state)), profile: deps.profile, queue: this.queue };
    this.addDialog(new TextPrompt(OFFER_HUMAN_PROMPT));
    this.addDialog(new WaterfallDialog(ROUTER, [this.routeStep.bind(this), this.afterFlowStep.bind(this), this.offerHumanStep.bind(this)]));
    this.initialDialogId = ROUTER;
    for (const area of areas) for (const dialog of area.dialogs) this.addDialog(dialog);
    // a waiting question can be asked again in another language (askAgain.ts)
    rememberStepInputs(areas.flatMap((area) => area.dialogs));
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
    const context = inner.context;
    const text = (context.activity.text ?? '').trim();
    const lang = await this.language(context);
    // a worded message shows the customer's language: the flow's next questions follow it
    const profile = await this.profile.get(context, {});
    if (showsLanguage(text) && profile.language !== lang) await this.profile.set(context, { ...profile, language: lang });
    const hooks = { leave: (ctx: TurnContext) => this.queue.clear(ctx) };
    const interrupted = (await globalCommand(inner, text, lang, this.global)) ?? (await this.router.midFlow(inner, text, lang, profile, hooks));
    return interrupted ?? super.onContinueDialog(inner);
  }

  /** The reply language: the customer's words this turn, else (a number, "2") the language they last wrote in. */
  private async language(context: TurnContext): Promise<ReplyLanguage> {
    return flowLanguage(context, this.profile);
  }

  /** A message with no flow waiting: the first of several requests is handled now, the others queued. */
  private async routeStep(step: WaterfallStepContext<RouterOptions>): Promise<DialogTurnResult> {
    const context = step.context;
    const queued = step.options?.queued;
    if (queued) return this.several.as(context, await this.several.recognized(context, queued), () => this.route(step));
    const first = await this.several.split(context);
    return first ? this.several.as(context, first, () => this.route(step)) : this.route(step);
  }

  private async route(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const nlu = nluResultOf(context);
    const lang = await this.language(context);
    const profile = await this.profile.get(context, {});
    if (profile.language !== lang) await this.profile.set(context, { ...profile, language: lang });
    const text = (context.activity.text ?? '').trim();
    const global = await globalCommand(step, text, lang, this.global);
    if (global) return global;

    const signal = this.router.signalFor(context, profile);
    if (signal) return step.beginDialog(signal);
    if (await this.knowledgeFirst(context, lang)) {
      await this.misses.reset(context);
      return this.nextRequest(step);
    }
    const intent = nlu?.intent ?? 'other';
    if (intent === 'greeting' || intent === 'thanks_bye') {
      await this.misses.reset(context);
      await this.router.smallTalk(context, intent, lang);
      return this.nextRequest(step);
    }
    const target = this.router.targetFor(intent);
    if (target) {
      await this.misses.reset(context);
      return step.beginDialog(target, this.router.optionsFor(target, intent));
    }
    const aside = this.router.asideFor(intent);
    if (aside && (await aside(context, lang))) {
      await this.misses.reset(context);
      return this.nextRequest(step);
    }
    return clarify(step, lang, this.misses);
  }

  private async afterFlowStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as FlowResult | undefined;
    if (!result?.failed) return this.nextRequest(step, step.result);
    await this.queue.clear(step.context);
    return this.humans.offer(step, await this.language(step.context));
  }

  /** The next queued request of the same message, when there is one; else the routing is over. */
  private async nextRequest(step: WaterfallStepContext, result?: unknown): Promise<DialogTurnResult> {
    const queued = await this.queue.shift(step.context);
    if (!queued) return step.endDialog(result);
    await step.context.sendActivity(say(await this.language(step.context), TEXT.nextRequest));
    return step.replaceDialog(ROUTER, { queued } satisfies RouterOptions);
  }

  private async offerHumanStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return this.humans.answer(step, await this.language(step.context));
  }
}
