import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'order status (en)',
  lang: 'en',
  orders: '2102',
  rows: [
    // typos
    // one order has shipped: where it is, straight away
    ['wher is my ordr', /Order 2102000000000103 .*Shipped\. SF Express, tracking number SF1460012345678/, { not: ['Which order'] }],
    ['2102000000000101', ['Order 2102000000000101', 'Awaiting payment']],
    // a general look at the orders lists them, newest first
    ['check my orders', ['Which order is it?', '3. 2102000000000103']],
    ['the third one', 'tracking number SF1460012345678'],
  ],
};
export default table;
