/** Customer satisfaction: the 1–5 question after an agent resolves a conversation, the ratings, their summary. */
export { CSAT_COLLECTION, CsatService } from './csatService';
export type { CsatAskResult, CsatRecord, CsatSummary } from './csatService';
export { parseRating } from './rating';
export type { Rating } from './rating';
export { CSAT_SUGGESTIONS, CSAT_TEXT } from './text';
