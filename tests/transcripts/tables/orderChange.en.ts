import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'order change (en)',
  lang: 'en',
  orders: '2106',
  rows: [
    ['change the address of order 2106000000000102', 'Please send the new delivery address'],
    ['1 Jianguo Road, Chaoyang, Beijing', 'Change the delivery address of order 2106000000000102 to: 1 Jianguo Road, Chaoyang, Beijing?'],
    ['yes', 'Done — order 2106000000000102 will ship with the new details'],
  ],
};
export default table;
