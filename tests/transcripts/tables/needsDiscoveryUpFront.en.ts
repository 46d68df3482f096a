import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'needs discovery with everything said up front (en)',
  lang: 'en',
  rows: [
    // everything said in one message: the picks come at once, nothing is asked
    ['I have oily skin, recommend a serum for acne under 300', ['Salicylic Acid Clear Skin Serum', 'for oily skin · acne · under ¥300'], { not: ['skin type?', 'What is your budget?', 'light or a rich'] }],
  ],
};
export default table;
