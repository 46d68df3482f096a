import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'comparison (zh)',
  lang: 'zh',
  rows: [
    ['兰蔻小黑瓶和雅诗兰黛小棕瓶哪个好', [/兰蔻小黑瓶.*】vs【.*雅诗兰黛特润修护/, '价格: ¥1080 | ¥1020']],
    ['小棕瓶和兰蔻小黑瓶哪个好', '价格: ¥1020 | ¥1080'],
  ],
};
export default table;
