import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'product question (en)',
  lang: 'en',
  rows: [
    ['is the Advanced Night Repair serum good for sensitive skin?', 'suitable for all skin types'],
    ['how much is it?', 'Advanced Night Repair Serum 50ml costs ¥1020'],
  ],
};
export default table;
