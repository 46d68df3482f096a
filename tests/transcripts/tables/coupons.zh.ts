import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'coupons and promotions (zh)',
  lang: 'zh',
  rows: [
    ['有什么优惠活动', ['当前进行中的活动', '彩妆第二件半价', '回复「领券」']],
    ['领券', /领取成功！.*券码 C[0-9A-F]{8}/],
    ['领券', '已经领过'],
  ],
};
export default table;
