import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'angry → human, and back (zh)',
  lang: 'zh',
  rows: [
    ['你们什么垃圾东西！气死了', /抱歉[\s\S]*人工客服/],
    ['在吗', ['人工客服队列', '取消人工'], { not: ['有什么可以帮您'] }],
    ['取消人工', '已为您取消转人工'],
    ['你好', '有什么可以帮您'],
    ['转人工', '已为您转接人工客服'],
  ],
};
export default table;
