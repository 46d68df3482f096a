import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'order status (zh)',
  lang: 'zh',
  orders: '2101',
  rows: [
    // the order number given up front: no question asked
    ['订单2101000000000103到哪了', ['已发货', '顺丰速运，运单号 SF1460012345678'], { not: ['请问是哪个订单'] }],
    // one order has shipped: a parcel question shows it, not a list of all five
    ['我的快递到哪了', ['订单 2101000000000103', '运单号 SF1460012345678'], { not: ['请问是哪个订单', '2101000000000101'] }],
    ['2101000000000101', ['订单 2101000000000101', '待付款']],
    // two requests in one message: the first is answered (the second is dropped, see the report)
    ['我的快递到哪了，顺便推荐个面霜', 'SF1460012345678'],
    ['2101000000000102', '已付款，待发货'],
  ],
};
export default table;
