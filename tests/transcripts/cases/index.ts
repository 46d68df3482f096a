/**
 * Conversation cases: short conversations, each with a customer of its own, written like customers type
 * (colloquial, typos, several requests at once, switching topic or language). A case is a TranscriptTable;
 * one that needs orders writes their numbers with the prefix 9000 (9000000000000101 … 105), and the runner
 * gives every case a prefix of its own so they can share one store.
 */
import type { TranscriptTable } from '../runTranscript';
import anger from './anger';
import guide from './guide';
import knowledge from './knowledge';
import listening from './listening';
import nluFrames from './nluFrames';
import orders from './orders';
import safety from './safety';

/** the prefix cases write their order numbers with */
export const CASE_ORDER_PREFIX = '9000';

export const caseGroups: Record<string, TranscriptTable[]> = { orders, knowledge, safety, guide, listening, anger, nluFrames };
