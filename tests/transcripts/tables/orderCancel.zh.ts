import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'order cancel (zh)',
  lang: 'zh',
  orders: '2103',
  rows: [
    ['帮我取消订单2103000000000101', '确认取消订单 2103000000000101'],
    ['确认取消', '订单 2103000000000101 已取消'],
    // one order left that can be cancelled (the paid one): asked about at once; another number instead switches to it
    ['取消订单', '确认取消订单 2103000000000102', { not: ['请问是哪个订单'] }],
    ['2103000000000103', '已经发货，暂时无法取消'],
  ],
};
export default table;
