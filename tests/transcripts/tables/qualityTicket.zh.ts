import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'quality ticket (zh)',
  lang: 'zh',
  orders: '2111',
  rows: [
    // "received" + lipstick name the delivered lipstick order: no list
    ['收到的口红断了', ['订单 2111000000000104', '拍几张照片'], { not: ['请问是哪个订单'] }],
    ['跳过', '描述一下问题'],
    ['膏体断成两截', /已为您创建售后工单 T\d{8}-\w{6}（破损，订单 2111000000000104，照片 0 张）/],
  ],
};
export default table;
