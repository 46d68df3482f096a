import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'order cancel (en)',
  lang: 'en',
  orders: '2104',
  rows: [
    ['cancel order 2104000000000101', 'Cancel order 2104000000000101'],
    ['no, keep it', 'stays as it is'],
    ['cancel order 2104000000000102', ['Cancel order 2104000000000102', '¥378']],
    ['yes', 'is cancelled. The ¥378 you paid goes back'],
  ],
};
export default table;
