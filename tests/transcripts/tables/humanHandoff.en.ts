import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'angry → human, and back (en)',
  lang: 'en',
  rows: [
    ["this is ridiculous, worst service ever, I'm furious", ['truly sorry', 'human agent']],
    ['hello?', 'in the queue for a human agent', { not: ['How can I help'] }],
    ['back to bot', 'you have left the queue'],
    ['hello', 'How can I help'],
    ['I want to talk to a human', 'connecting you to a human agent'],
  ],
};
export default table;
