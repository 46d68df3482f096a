/** What the safety area says around the table's advice, zh and en side by side. */
import type { Wording } from '../flow/language';

export const SAFETY_TEXT = {
  afterSales: {
    zh: '皮肤缓解以后，如果需要退货退款或反馈质量问题，点「申请售后」就可以办理；过敏退货的运费由我们承担。',
    en: 'Once your skin has settled, tap "Return an item" for a return or refund; for an allergic reaction we pay the return shipping.',
  },
  askProduct: {
    zh: '如果告诉我是哪款产品，我可以帮您看看它列出的成分。',
    en: 'Tell me which product it is and I can check the ingredients it lists.',
  },
} satisfies Record<string, Wording>;

/** choices after a reaction: they route to the return flow and to a human */
export const SAFETY_CHOICES = {
  reaction: [
    { zh: '申请售后', en: 'Return an item' },
    { zh: '转人工', en: 'Agent' },
  ],
  lifeStage: [{ zh: '转人工', en: 'Agent' }],
} satisfies Record<string, Wording[]>;
