import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'needs discovery → recommendation (en)',
  lang: 'en',
  rows: [
    ['can you recommend an anti-aging cream', 'skin type'],
    ['dry', ['dry skin, focus on anti-ageing', 'budget']],
    ['no limit', 'light or a rich'],
    ['rich', /here are \d picks/],
  ],
};
export default table;
