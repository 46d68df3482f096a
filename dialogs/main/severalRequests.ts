/**
 * Several requests in one message ("查下我的快递，顺便推荐个面霜", "track my order and also recommend a
 * toner"): the first is handled now, the others wait in MainDialog's state and run, in order, when the
 * flow of the one before ends. Each part is recognized on its own, so each flow sees only its request.
 */
import type { TurnContext } from 'botbuilder';
import type { Intent, NluResult, Recognizer } from '../../nlu/types';
import { NLU_RESULT, nluResultOf } from '../turn/turnContracts';
import type { RequestQueue } from './mainState';
import { splitRequests } from './requests';

/** a part the classifier is less sure of is not taken as a request of its own */
const PART_CONFIDENCE = 0.5;

export interface Message {
  text: string;
  nlu?: NluResult;
}

export class SeveralRequests {
  constructor(
    private readonly queue: RequestQueue,
    /** whether an intent leads somewhere (a flow or an answer) */
    private readonly handles: (intent: Intent) => boolean,
    private readonly recognizer?: Pick<Recognizer, 'recognize'>,
  ) {}

  /**
   * The request to handle now: the first of several (the others are queued), or undefined when the
   * message is one request. Parts that are not requests of their own stay one message.
   */
  async split(context: TurnContext): Promise<Message | undefined> {
    const text = (context.activity.text ?? '').trim();
    const parts = splitRequests(text);
    // (a frame's moreIntents without the parts' words could not be run apart: the joints decide)
    if (!this.recognizer || parts.length < 2) return undefined;
    const recognizer = this.recognizer;
    const results = await Promise.all(parts.map((part) => recognizer.recognize(part, { locale: context.activity.locale })));
    const requests = parts.map((part, i) => ({ text: part, nlu: results[i] })).filter((r) => r.nlu.confidence >= PART_CONFIDENCE && this.handles(r.nlu.intent));
    const intents = new Set(requests.map((r) => r.nlu.intent));
    // "推荐个面霜，另外洗面奶也要" is one request for two products, not two requests
    if (requests.length < 2 || intents.size < 2) return undefined;
    await this.queue.push(context, requests.slice(1).map((r) => r.text));
    return requests[0];
  }

  /** The queued request's message, recognized. */
  async recognized(context: TurnContext, text: string): Promise<Message> {
    return { text, nlu: await this.recognizer?.recognize(text, { locale: context.activity.locale }) };
  }

  /** Runs `handle` as if the turn's message were `message` (its words and its recognition), then puts the turn's back. */
  async as<T>(context: TurnContext, message: Message, handle: () => Promise<T>): Promise<T> {
    const activity = context.activity;
    const text = activity.text;
    const nlu = nluResultOf(context);
    activity.text = message.text;
    if (message.nlu) context.turnState.set(NLU_RESULT, message.nlu);
    try {
      return await handle();
    } finally {
      activity.text = text;
      if (nlu) context.turnState.set(NLU_RESULT, nlu);
      else context.turnState.delete(NLU_RESULT);
    }
  }
}
