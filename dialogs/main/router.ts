/**
 * Where a message goes: the table of intents, signals, asides and greeting add-ons the business areas
 * fill in, and the rule for a message that arrives while a flow waits — an answer to the waiting prompt
 * (the flow takes it), a question answered on the side, or a new request that runs on top of the flow
 * (or restarts it) and after which the waiting question is asked again.
 */
import type { TurnContext } from 'botbuilder';
import { DialogContext, DialogTurnResult, DialogTurnStatus } from 'botbuilder-dialogs';
import type { Intent } from '../../nlu/types';
import type { CustomerProfile } from '../../services/customers/profile';
import type { AsideAnswer, GuidedArea, SignalRoute } from '../flow/area';
import { ReplyLanguage, say } from '../flow/language';
import { isQuestionLike } from '../flow/questions';
import { HANDOFF_DIALOG, HandoffOptions } from '../handoff/ids';
import { nluResultOf } from '../turn/turnContracts';
import { ROUTER } from './ids';
import { isBareYesOrNo } from '../flow/yesNo';
import { answersPrompt, leafInstance, promptKind, QUESTION_CONFIDENCE, stackIds, SWITCH_CONFIDENCE } from './interruptions';
import { TEXT } from './text';

export class Router {
  private readonly routes: Partial<Record<Intent, string>> = {};
  private readonly asides: Partial<Record<Intent, AsideAnswer>> = {};
  private readonly signals: SignalRoute[] = [];
  private readonly greetings: NonNullable<GuidedArea['onGreeting']>[] = [];
  private readonly restartable = new Set<string>();

  /** `ownAsides` are MainDialog's own answers (the knowledge base); an area's aside for the same intent wins. */
  constructor(areas: GuidedArea[], ownAsides: Partial<Record<Intent, AsideAnswer>>) {
    Object.assign(this.asides, ownAsides);
    for (const area of areas) {
      Object.assign(this.routes, area.routes);
      Object.assign(this.asides, area.asides ?? {});
      this.signals.push(...(area.signals ?? []));
      if (area.onGreeting) this.greetings.push(area.onGreeting);
      for (const id of area.restartable ?? []) this.restartable.add(id);
    }
  }

  /** The dialog a signal in the message calls for (hesitation…), before its intent is looked at. */
  signalFor(context: TurnContext, profile: CustomerProfile): string | undefined {
    return this.signals.find((s) => s.matches(context, profile))?.dialogId;
  }

  targetFor(intent: Intent): string | undefined {
    return this.routes[intent];
  }

  asideFor(intent: Intent): AsideAnswer | undefined {
    return this.asides[intent];
  }

  /** The handoff is told why the customer goes to a human; other dialogs take no options. */
  optionsFor(dialogId: string, intent: Intent): HandoffOptions | undefined {
    if (dialogId !== HANDOFF_DIALOG) return undefined;
    return { reason: intent === 'complaint' ? 'complaint' : intent === 'quality_issue' ? 'quality' : 'requested' };
  }

  /** A greeting (with the areas' add-ons after it, e.g. a repurchase reminder) or a goodbye. */
  async smallTalk(context: TurnContext, intent: 'greeting' | 'thanks_bye', lang: ReplyLanguage): Promise<void> {
    await context.sendActivity(say(lang, intent === 'greeting' ? TEXT.greeting : TEXT.goodbye));
    if (intent === 'greeting') for (const greet of this.greetings) await greet(context, lang);
  }

  /** A message while a flow waits: the turn's result when it is taken as an aside or a new request, else undefined (the flow takes it). */
  async midFlow(inner: DialogContext, text: string, lang: ReplyLanguage): Promise<DialogTurnResult | undefined> {
    const context = inner.context;
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
    if (!target || nlu.intent === 'human_agent' || isBareYesOrNo(text)) return undefined;
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
}
