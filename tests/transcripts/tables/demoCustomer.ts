/**
 * The demo customer (app channel userId `demo`, DEMO_DATA orders 1688000000000101–105) with the real NLU:
 * after-sales conversations moved here from tests/dialogs/afterSales/realNlu.test.ts. They share the
 * customer and so run in this order, as they did there.
 */
import type { TranscriptTable } from '../runTranscript';

export const demoCustomerTables: TranscriptTable[] = [
  {
    name: 'opened lipstick is not a no-reason return; the 12-day-old order is past the window (zh)',
    lang: 'zh',
    user: 'demo',
    rows: [
      ['我要退货', /请问是哪个订单/],
      ['1688000000000104', /拆封或使用过吗/],
      ['已经拆封用过了', /拆封后出于卫生原因不支持无理由退货/],
      ['我要退货', []],
      ['1688000000000105', /超过了 7 天无理由退货期限/],
    ],
  },
  {
    name: 'where is my order → tracking (en)',
    lang: 'en',
    user: 'demo',
    rows: [
      // the one shipped order, at once
      ['where is my order', /SF Express, tracking number SF1460012345678/],
    ],
  },
  {
    name: 'an angry return goes to a human and the bot holds (zh)',
    lang: 'zh',
    user: 'angry-demo',
    rows: [
      ['你们什么垃圾东西！气死了，马上给我退款', /抱歉[\s\S]*人工客服/],
      ['在吗', /队列/],
    ],
  },
  {
    name: 'quality problem, the received lipstick names its order (en)',
    lang: 'en',
    user: 'demo',
    rows: [
      ['the lipstick I received is broken', /order 1688000000000104[\s\S]*send a few photos/],
      ['skip', /describe the problem/],
      ['The lipstick arrived snapped in half', /after-sales ticket T\d{8}-\w{6} \(Damaged, order 1688000000000104/],
    ],
  },
  {
    name: 'cancel the paid order; the refund shows in refund status (zh)',
    lang: 'zh',
    user: 'demo',
    rows: [
      ['取消订单', /请问是哪个订单/],
      ['1688000000000102', /确认取消订单 1688000000000102/],
      ['确认取消', /已取消。已付款的 ¥378 将在 1–3 个工作日内原路退回/],
      ['退款到哪了', /订单 1688000000000102：已取消，¥378 原路退回/],
    ],
  },
];
