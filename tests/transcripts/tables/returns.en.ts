import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'returns (en)',
  lang: 'en',
  orders: '2110',
  rows: [
    ['I want to return order 2110000000000104', 'Has the item been opened or used?'],
    ['unopened', ['7-day no-reason return', 'refund ¥570']],
    ['yes, return it', [/Your return is registered: ticket T\d{8}-\w{6}/, 'Next steps']],
    ['I want to return something', ['Which order is it?', 'Return in progress']],
    ['2110000000000105', 'past the 7-day no-reason return window'],
  ],
};
export default table;
