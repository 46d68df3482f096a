import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'switching language mid-flow (zh → en)',
  lang: 'en',
  rows: [
    ['推荐一款抗老精华', '肤质'],
    // answered in English: the flow goes on, in English
    ['oily', ['oily skin, focus on anti-ageing', 'What is your budget?']],
    ['no limit', 'light or a rich'],
    ['cancel', 'cancelled'],
  ],
};
export default table;
