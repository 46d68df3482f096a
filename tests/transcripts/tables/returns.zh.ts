import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'returns (zh)',
  lang: 'zh',
  orders: '2109',
  rows: [
    ['我要退货', ['请问是哪个订单', '1. 2109000000000104']],
    ['2109000000000104', '拆封或使用过吗'],
    ['没拆封', ['符合 7 天无理由退货', '¥570']],
    ['确认退货', [/退货申请已提交，工单号 T\d{8}-\w{6}/, '原路退款']],
    // 104 is being returned: the one delivered order left is named and its window checked at once
    ['我要退货', ['订单 2109000000000105', '超过了 7 天无理由退货期限'], { not: ['请问是哪个订单'] }],
  ],
};
export default table;
