/**
 * Where a message goes: the table of intents, signals, asides and greeting add-ons the business areas
 * fill in, and what to do with a message that arrives while a flow waits (listening.ts decides): the
 * flow takes it as its answer; a question is answered on the side and the waiting question asked again;
 * a new request runs on top of the flow (same kind of business: the flow resumes after it) or instead
 * of it (shopping ↔ orders and after-sales: the old question makes no sense any more and is dropped);
 * thanks and goodbye end the flow politely; "算了，…" drops it and routes what follows.
 */
import type { TurnContext } from 'botbuilder';
import { DialogContext, DialogTurnResult, DialogTurnStatus } from 'botbuilder-dialogs';
import type { Intent } from '../../nlu/types';
import type { CustomerProfile } from '../../services/customers/profile';
import type { AsideAnswer, GuidedArea, SignalRoute } from '../flow/area';
import { ReplyLanguage, say } from '../flow/language';
import { isQuestionLike } from '../flow/questions';
import { isBareYesOrNo } from '../flow/yesNo';
import { HANDOFF_DIALOG, HandoffOptions } from '../handoff/ids';
import { nluResultOf } from '../turn/turnContracts';
import { askAgain } from './askAgain';
import { ROUTER } from './ids';
import { answersPrompt, leafInstance, promptKind, stackIds } from './interruptions';
import type { KnowledgeFirst } from './knowledgeAnswers';
import { listen, mayAskKnowledge, WaitingMessage } from './listening';
import { dropsFlow, isClosing } from './requests';
import { TEXT } from './text';

/** Areas whose flows belong to one line of business: a request of another line makes a waiting flow stale. */
const LINE_OF_BUSINESS: Record<string, string> = { shoppingGuide: 'shopping', marketing: 'shopping', orders: 'service', afterSales: 'service' };

/** What the router needs from MainDialog while a flow waits. */
export interface MidFlowHooks {
  /** the customer left the flow (goodbye, dropped): forget what was queued */
  leave(context: TurnContext): Promise<void>;
}

export class Router {
  private readonly routes: Partial<Record<Intent, string>> = {};
  private readonly asides: Partial<Record<Intent, AsideAnswer>> = {};
  private readonly signals: SignalRoute[] = [];
  private readonly greetings: NonNullable<GuidedArea['onGreeting']>[] = [];
  private readonly restartable = new Set<string>();
  /** dialog id → the line of business of the area that owns it */
  private readonly lineOf = new Map<string, string>();

  /** `ownAsides` are MainDialog's own answers (the knowledge base); an area's aside for the same intent wins. */
  constructor(
    areas: GuidedArea[],
    ownAsides: Partial<Record<Intent, AsideAnswer>>,
    private readonly knowledgeFirst?: KnowledgeFirst,
  ) {
    Object.assign(this.asides, ownAsides);
    for (const area of areas) {
      Object.assign(this.routes, area.routes);
      Object.assign(this.asides, area.asides ?? {});
      this.signals.push(...(area.signals ?? []));
      if (area.onGreeting) this.greetings.push(area.onGreeting);
      for (const id of area.restartable ?? []) this.restartable.add(id);
      for (const dialog of area.dialogs) this.lineOf.set(dialog.id, LINE_OF_BUSINESS[area.name] ?? area.name);
    }
  }

  /** The dialog a signal in the message calls for (hesitation, a bare order number…), before its intent is looked at. */
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

  /** The message as the listening rules see it. */
  private waiting(inner: DialogContext, text: string): WaitingMessage {
    const nlu = nluResultOf(inner.context);
    const leaf = leafInstance(inner);
    const ids = stackIds(inner);
    const intent = nlu?.intent ?? 'other';
    const target = this.routes[intent];
    return {
      kind: promptKind(leaf),
      answers: answersPrompt(leaf, text, nlu),
      intent,
      confidence: nlu?.confidence ?? 0,
      alternatives: nlu?.alternatives ?? [],
      questionLike: isQuestionLike(text),
      bareYesNo: isBareYesOrNo(text),
      routed: Boolean(target),
      sameFlow: Boolean(target && ids.includes(target)),
      restartable: Boolean(target && this.restartable.has(target)),
      flowIntents: (Object.entries(this.routes) as [Intent, string][]).filter(([, id]) => ids.includes(id)).map(([i]) => i),
      closing: isClosing(text),
      drops: dropsFlow(text),
      hasAside: Boolean(this.asides[intent]),
    };
  }

  /** A message while a flow waits: the turn's result when it is not the flow's answer, else undefined (the flow takes it). */
  async midFlow(inner: DialogContext, text: string, lang: ReplyLanguage, profile: CustomerProfile, hooks: MidFlowHooks): Promise<DialogTurnResult | undefined> {
    const context = inner.context;
    if (!text) return undefined;
    const message = this.waiting(inner, text);
    // a signal the waiting prompt does not take (a bare order number while the skin type is asked) is followed
    if (!message.answers && !message.bareYesNo && message.kind !== 'freeText' && !message.closing) {
      const signal = this.signalFor(context, profile);
      if (signal && !stackIds(inner).includes(signal)) return this.takeOver(inner, signal);
    }
    if (mayAskKnowledge(message) && this.knowledgeFirst && (await this.knowledgeFirst(context, lang))) return askAgain(inner, lang);
    let decision = listen(message);
    if (decision === 'aside') {
      const aside = this.asides[message.intent];
      if (aside && (await aside(context, lang))) return askAgain(inner, lang);
      decision = listen({ ...message, hasAside: false });
    }
    switch (decision) {
      case 'goodbye':
        await hooks.leave(context);
        await inner.cancelAllDialogs();
        await this.smallTalk(context, 'thanks_bye', lang);
        return { status: DialogTurnStatus.complete };
      case 'drop':
        await hooks.leave(context);
        return this.startOver(inner);
      case 'restart':
        return this.startOver(inner);
      case 'switch':
        return this.takeOver(inner, this.routes[message.intent] as string, message.intent);
      default:
        return undefined;
    }
  }

  /** Every flow ends and the message is routed as if nothing had waited. */
  private async startOver(inner: DialogContext): Promise<DialogTurnResult> {
    await inner.cancelAllDialogs();
    return inner.beginDialog(ROUTER);
  }

  /**
   * A new request while a flow waits. Of the same line of business it runs on top, and the waiting question
   * is asked again when it ends; of another line the waiting flow is stale and is dropped.
   */
  private async takeOver(inner: DialogContext, dialogId: string, intent?: Intent): Promise<DialogTurnResult> {
    const waitingFlow = inner.stack.find((d) => d.id !== ROUTER)?.id;
    const sameLine = waitingFlow !== undefined && this.lineOf.get(waitingFlow) === this.lineOf.get(dialogId);
    if (!sameLine) return this.startOver(inner);
    return inner.beginDialog(dialogId, intent ? this.optionsFor(dialogId, intent) : undefined);
  }
}
