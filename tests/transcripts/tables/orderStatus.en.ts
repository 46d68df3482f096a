import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'order status (en)',
  lang: 'en',
  orders: '2102',
  rows: [
    // typos
    ['wher is my ordr', ['Which order is it?', '1. 2102000000000103']],
    ['2102000000000103', /Order 2102000000000103 .*Shipped\. SF Express, tracking number SF1460012345678/],
    ['where is my order', 'Which order is it?'],
    ['the first one', 'tracking number SF1460012345678'],
  ],
};
export default table;
