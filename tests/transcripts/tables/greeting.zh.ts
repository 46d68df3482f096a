import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'greeting and help (zh)',
  lang: 'zh',
  rows: [
    ['你好呀', '有什么可以帮您'],
    ['在吗', '您好'],
    ['帮助', ['我可以帮您', '查订单物流', '转人工']],
  ],
};
export default table;
