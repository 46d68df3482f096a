/**
 * Shopping conversations typed freely (real NLU, real knowledge base, demo store), moved here from
 * tests/dialogs/shoppingGuide/realNlu.test.ts.
 */
import type { TranscriptTable } from '../runTranscript';

export const freeTextShoppingTables: TranscriptTable[] = [
  {
    name: 'discovery → picks → too expensive → offer (en)',
    lang: 'en',
    user: 'r2',
    rows: [
      ['can you recommend an anti-aging cream', /skin type/],
      ['dry', /budget/],
      ['no limit', /light or a rich/],
      ['rich', /picks/],
      ['too expensive', /code C[0-9A-F]{8}/],
    ],
  },
  {
    name: 'a question mid-flow is answered and the flow goes on; coupons are limited (zh)',
    lang: 'zh',
    user: 'r3',
    rows: [
      ['推荐', []],
      ['你们几天发货？', /发货[\s\S]*肤质/],
      // a coupon asked for mid-flow is issued, then the waiting question comes back
      ['领券', /领取成功[\s\S]*肤质/],
      ['取消', []],
      ['领券', /已经领过/],
      ['我要买迪奥999口红', /同色系/],
    ],
  },
];
