import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'quality ticket (en)',
  lang: 'en',
  orders: '2112',
  rows: [
    // the order given up front: straight to the photos
    ['my lipstick arrived broken, order 2112000000000104', 'send a few photos', { not: ['Which order'] }],
    ['skip', 'describe the problem'],
    ['snapped in half', /after-sales ticket T\d{8}-\w{6} \(Damaged, order 2112000000000104/],
  ],
};
export default table;
