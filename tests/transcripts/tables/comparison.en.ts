import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'comparison (en)',
  lang: 'en',
  rows: [
    ['compare Advanced Night Repair with Lancome Genifique', [/Advanced Night Repair Serum 50ml(.|\n)*Génifique/, 'Price: ¥1020 | ¥1080']],
    ['compare Lancome Genifique and Estee Lauder Advanced Night Repair', 'Price: ¥1080 | ¥1020'],
  ],
};
export default table;
