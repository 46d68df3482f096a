import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'needs discovery → recommendation (zh)',
  lang: 'zh',
  rows: [
    ['推荐一款抗老精华', '肤质'],
    ['混合皮', [/混合皮，想要抗老[\s\S]*预算/]],
    ['500以内', '清爽还是滋润'],
    ['清爽', [/为您挑了 \d 款/, '初研玻色因紧致修护精华']],
  ],
};
export default table;
