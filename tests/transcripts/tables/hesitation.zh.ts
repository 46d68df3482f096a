import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'hesitation → offer (zh)',
  lang: 'zh',
  rows: [
    ['小棕瓶多少钱', '售价¥1020'],
    ['有点贵，我再想想', [/券码 C[0-9A-F]{8}/, '到手价 ¥970', '领取赠品']],
  ],
};
export default table;
