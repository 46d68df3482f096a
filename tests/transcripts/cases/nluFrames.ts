import type { TranscriptTable } from '../runTranscript';

/** Conversation cases (issue 11), one short conversation each; see ./index.ts for the format. */
const cases: TranscriptTable[] = [];
export default cases;
