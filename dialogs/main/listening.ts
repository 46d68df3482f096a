/**
 * Every prompt listens: what to do with a message that arrives while a flow waits for an answer. The
 * choice between "this answers the prompt", "a new request" and "a knowledge answer" weighs the
 * classifier's confidence, how far it stands above its alternatives, whether an alternative is the
 * waiting flow's own intent; the knowledge base's retrieval score is weighed against them by
 * knowledgeFirst (knowledgeAnswers.ts) before this runs — not one fixed threshold.
 */
import type { Intent, IntentScore } from '../../nlu/types';
import type { PromptKind } from './interruptions';

export interface WaitingMessage {
  /** how the waiting prompt wants its answer */
  kind: PromptKind;
  /** it names one of the prompt's choices, carries an entity the prompt expects, or is a yes/no to a yes/no question */
  answers: boolean;
  intent: Intent;
  confidence: number;
  alternatives: IntentScore[];
  questionLike: boolean;
  /** a bare yes, no or ok: it answers whatever was asked */
  bareYesNo: boolean;
  /** an area has a dialog for the intent */
  routed: boolean;
  /** the intent's dialog is already on the stack (the same request again) */
  sameFlow: boolean;
  /** that dialog starts afresh when asked for again */
  restartable: boolean;
  /** intents whose dialogs are on the stack: an alternative among them means the message is about the flow */
  flowIntents: Intent[];
  /** thanks and/or goodbye, and nothing else */
  closing: boolean;
  /** "算了，…": drops the flow and asks for something else */
  drops: boolean;
  /** an aside answer exists for the intent (FAQ, product question) */
  hasAside: boolean;
}

export type Listening =
  /** the flow takes the message as its answer */
  | 'flow'
  /** answered on the side (aside or knowledge), then the waiting question again */
  | 'aside'
  /** a new request: it runs, on top of the flow or instead of it */
  | 'switch'
  /** the same request again while a choice waits: it starts afresh */
  | 'restart'
  /** the flow is dropped and the message routed as if nothing waited */
  | 'drop'
  /** thanks and goodbye: the flow ends politely */
  | 'goodbye';

/** base certainty for a statement to leave a waiting prompt; a question needs less */
const STATEMENT_SWITCH = 0.75;
const QUESTION_SWITCH = 0.5;

/** The certainty a new request needs: less when it stands far above its alternatives, more when it barely leads. */
export function switchThreshold(m: Pick<WaitingMessage, 'questionLike' | 'confidence' | 'alternatives'>): number {
  const margin = m.confidence - (m.alternatives[0]?.confidence ?? 0);
  const base = m.questionLike ? QUESTION_SWITCH : STATEMENT_SWITCH;
  if (margin >= 0.4) return base - 0.1;
  if (margin < 0.1) return base + 0.1;
  return base;
}

/** An alternative close to the top intent belongs to the waiting flow: the message is probably about it. */
function leansToFlow(m: WaitingMessage): boolean {
  return m.alternatives.some((a) => m.confidence - a.confidence < 0.15 && m.flowIntents.includes(a.intent));
}

/**
 * Whether the knowledge base may answer this message on the side (knowledgeFirst then weighs its retrieval
 * score against the classifier's intent, confidence and alternatives): not when it answers the prompt.
 */
export function mayAskKnowledge(m: WaitingMessage): boolean {
  return !(m.answers || m.bareYesNo || m.closing || m.drops || m.kind === 'freeText');
}

export function listen(m: WaitingMessage): Listening {
  if (m.drops) return 'drop';
  // free text (an address, a description) and a message that names a choice belong to the flow
  if (m.kind === 'freeText' || m.answers || m.bareYesNo) return 'flow';
  if (m.closing) return 'goodbye';
  const clearRequest = m.routed && m.intent !== 'human_agent' && m.confidence >= switchThreshold(m) && !leansToFlow(m);
  if (m.hasAside && m.questionLike && m.confidence >= QUESTION_SWITCH && !m.sameFlow) return 'aside';
  if (!clearRequest) return 'flow';
  // an open question takes almost anything as its answer: only a clear question switches away
  if (m.kind === 'open' && !m.questionLike) return 'flow';
  if (m.sameFlow) return m.kind === 'closed' && m.restartable ? 'restart' : 'flow';
  return 'switch';
}
