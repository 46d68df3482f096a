import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'needs discovery with a typo, then everything said up front (zh)',
  lang: 'zh',
  rows: [
    // a typo (精化) still starts the flow; 取消 leaves it
    ['推荐个精化', '肤质'],
    ['取消', '已取消'],
    // skin type, concern, category and budget in one message: the picks come at once, nothing is asked
    ['我是油皮，推荐一款祛痘精华，300以内', ['初研水杨酸净痘精华', '适合油皮 · 祛痘 · ¥300以内'], { not: ['肤质呢', '预算大概是多少', '清爽还是滋润'] }],
  ],
};
export default table;
