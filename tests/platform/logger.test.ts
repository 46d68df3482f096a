import { Writable } from 'node:stream';
import { createLogger, maskPhones } from '../../platform/logger';

function sink() {
  const out: string[] = [];
  return {
    out,
    stream: new Writable({
      write(c, _e, done) {
        out.push(String(c));
        done();
      },
    }),
  };
}

describe('logger privacy', () => {
  it('redacts message text and phone fields unless LOG_TRANSCRIPTS is on', () => {
    const s = sink();
    const logger = createLogger({ level: 'info', transcripts: false, destination: s.stream });
    logger.info({ text: '我的手机号13912345678', phone: '13912345678', activity: { text: 'secret words' }, customerId: 'c_1' }, 'turn');
    logger.info('customer wrote from 13912345678');
    const all = s.out.join('');
    expect(all).not.toContain('13912345678');
    expect(all).not.toContain('secret words');
    expect(all).toContain('c_1');
    expect(all).toContain('[redacted]');
  });

  it('logs transcripts when explicitly enabled', () => {
    const s = sink();
    createLogger({ level: 'info', transcripts: true, destination: s.stream }).info({ text: 'hello 13912345678' }, 'turn');
    expect(s.out.join('')).toContain('hello 13912345678');
  });

  it('masks Chinese mobile and international numbers in free text', () => {
    expect(maskPhones('call 139 1234 5678 or +86 139-1234-5678')).not.toMatch(/1234/);
    expect(maskPhones('order 2026 total 99')).toBe('order 2026 total 99');
  });
});
