import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'needs discovery with everything said up front (en)',
  lang: 'en',
  rows: [
    ['I have oily skin, recommend a serum for acne under 300', ['oily skin, focus on acne', 'light or a rich'], { not: ['skin type?', 'What is your budget?'] }],
    ['light', ['Salicylic Acid Clear Skin Serum', 'within your ¥300 budget']],
  ],
};
export default table;
