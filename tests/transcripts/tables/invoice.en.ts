import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'invoice (en)',
  lang: 'en',
  orders: '2108',
  rows: [
    ['invoice for order 2108000000000104', 'a person or a company?'],
    ['company', 'company name'],
    ['Acme Ltd', 'tax id'],
    ['91110105MA01ABCD2X', 'That tax id is not valid'],
    ['91310104MA1FR5QX2W', ['Invoice requested for order 2108000000000104', 'title "Acme Ltd"']],
  ],
};
export default table;
