import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'greeting and help (en)',
  lang: 'en',
  rows: [
    ['hi there', 'How can I help'],
    ['help', ['I can help you', 'track orders', '"agent" for a human']],
  ],
};
export default table;
