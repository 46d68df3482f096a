import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'product question (zh)',
  lang: 'zh',
  rows: [
    ['小棕瓶适合敏感肌吗', ['适合', '雅诗兰黛特润修护肌活精华露']],
    // "it" is the product in focus
    ['多少钱', '售价¥1020'],
  ],
};
export default table;
