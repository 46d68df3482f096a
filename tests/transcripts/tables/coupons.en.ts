import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'coupons and promotions (en)',
  lang: 'en',
  rows: [
    ['any promotions right now?', ['Offers running now', 'second item half price', 'Reply "get coupon"']],
    ['get coupon', /Done! .*code C[0-9A-F]{8}/],
    ['get coupon', 'you already have it'],
  ],
};
export default table;
