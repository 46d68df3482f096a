/**
 * Escalation that listens to the conversation, not to one message's score: anger builds up over turns
 * (complaints, waiting, asking the same again), threats and swearing count at once, and a mild
 * complaint ("有点慢") or a calm quality problem stays with the bot and goes to its flow. The mood is a
 * small rolling state in MainDialog's part of the customer's state.
 */
import type { TurnContext } from 'botbuilder';
import type { Intent, NluResult } from '../../nlu/types';
import { angerCues, AngerCues } from '../flow/escalation';
import { nluResultOf } from '../turn/turnContracts';
import type { AngerMemory, AngerState } from './mainState';

/** each turn keeps half of the mood before it */
const DECAY = 0.5;
/** a mood older than this is forgotten */
const FORGET_MS = 30 * 60 * 1000;
/** one message this angry goes to a human */
const MESSAGE_LIMIT = 0.7;
/** the mood of the last turns this high goes to a human */
const LEVEL_LIMIT = 0.9;
/** the third complaint, wait or repeated question in a row (or being told it is asked again) goes to a human when the mood is tense */
const STRIKES_LIMIT = 3;
const TENSE_LEVEL = 0.4;

const COMPLAINING: Intent[] = ['complaint', 'quality_issue', 'refund_status'];
/** asking these twice in a row is asking again */
const STATUS_QUESTIONS: Intent[] = ['order_status', 'refund_status', 'shipping_info', 'complaint'];

export interface AngerTurn {
  cues: AngerCues;
  intent?: Intent;
  negative: boolean;
  /** thanks, praise: the mood is over */
  pleased: boolean;
}

export interface AngerVerdict {
  escalate: boolean;
  /** the state to keep (undefined: nothing worth keeping) */
  state?: AngerState;
}

/** The next mood and whether it calls for a human. Pure: `now` is passed in. */
export function weighAnger(previous: AngerState | undefined, turn: AngerTurn, now: Date): AngerVerdict {
  if (turn.pleased && !turn.cues.threat && turn.cues.score < MESSAGE_LIMIT) return { escalate: false };
  const fresh = previous && now.getTime() - Date.parse(previous.at) < FORGET_MS ? previous : undefined;
  const askedAgain = Boolean(turn.intent && fresh?.intent === turn.intent && STATUS_QUESTIONS.includes(turn.intent));
  const score = turn.cues.score + (askedAgain && !turn.cues.waitingOrRepeating ? 0.15 : 0);
  const level = Math.round(((fresh?.level ?? 0) * DECAY + score) * 100) / 100;
  const strike = askedAgain || turn.cues.waitingOrRepeating || (turn.negative && (turn.intent === undefined || COMPLAINING.includes(turn.intent)));
  const strikes = strike ? (fresh?.strikes ?? 0) + 1 : 0;
  // "都问了三遍了" after an earlier complaint or wait: the customer says the bot is going round in circles
  const saysRepeated = turn.cues.repeating && (fresh?.strikes ?? 0) >= 1;
  const tense = level >= TENSE_LEVEL;
  const escalate = turn.cues.threat || score >= MESSAGE_LIMIT || level >= LEVEL_LIMIT || (tense && (strikes >= STRIKES_LIMIT || saysRepeated));
  if (escalate || (level < 0.1 && strikes === 0)) return { escalate };
  return { escalate, state: { level, strikes, at: now.toISOString(), ...(turn.intent ? { intent: turn.intent } : {}) } };
}

/** The turn's facts for weighAnger, from the message and its recognition. */
export function angerTurnOf(text: string, nlu: NluResult | undefined): AngerTurn {
  return {
    cues: angerCues(text, nlu?.sentiment.anger ?? 0),
    intent: nlu?.intent,
    negative: nlu?.sentiment.label === 'negative',
    pleased: nlu?.intent === 'thanks_bye' || nlu?.sentiment.label === 'positive',
  };
}

const ASSESSED = Symbol('angerAssessed');

/** Weighs each message once per turn (MainDialog may look twice when a flow is dropped and routing starts over). */
export class AngerInContext {
  constructor(
    private readonly memory: AngerMemory,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async escalates(context: TurnContext, text: string): Promise<boolean> {
    const done = context.turnState.get(ASSESSED) as boolean | undefined;
    if (done !== undefined) return done;
    const verdict = weighAnger(await this.memory.get(context), angerTurnOf(text, nluResultOf(context)), this.now());
    await this.memory.set(context, verdict.state);
    context.turnState.set(ASSESSED, verdict.escalate);
    return verdict.escalate;
  }
}
