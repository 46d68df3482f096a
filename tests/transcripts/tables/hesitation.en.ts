import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'hesitation → offer (en)',
  lang: 'en',
  rows: [
    ['how much is the Advanced Night Repair serum?', 'costs ¥1020'],
    ['too expensive', [/code C[0-9A-F]{8}/, 'comes to ¥970', 'Claim the gift']],
  ],
};
export default table;
