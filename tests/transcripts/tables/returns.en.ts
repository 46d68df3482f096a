import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'returns (en)',
  lang: 'en',
  orders: '2110',
  rows: [
    ['I want to return order 2110000000000104', 'Has the item been opened or used?'],
    ['unopened', ['7-day no-reason return', 'refund ¥570']],
    ['yes, return it', [/Your return is registered: ticket T\d{8}-\w{6}/, 'Next steps']],
    // 104 is being returned: the one delivered order left is named and its window checked at once
    ['I want to return something', ['order 2110000000000105', 'past the 7-day no-reason return window'], { not: ['Which order'] }],
  ],
};
export default table;
