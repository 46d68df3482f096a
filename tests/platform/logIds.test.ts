/** Client-chosen ids (conversation, user, openid) reach the logs only as short keyed hashes. */
import { Writable } from 'node:stream';
import { createLogger, hashLogId } from '../../platform/logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(c, _e, done) {
      lines.push(String(c));
      done();
    },
  });
  return { lines, stream };
}

const PHONE = '13912345678';

describe.each([false, true])('logged ids (LOG_TRANSCRIPTS=%s)', (transcripts) => {
  it('hashes conversation and user ids wherever they are logged, and the same id hashes the same', () => {
    const log = capture();
    const logger = createLogger({ level: 'info', transcripts, destination: log.stream, idKey: 'k' });
    logger.error(
      {
        conversationId: `chat-${PHONE}`,
        userId: PHONE,
        openid: `o-${PHONE}`,
        from: { id: PHONE },
        conversation: { id: `chat-${PHONE}` },
        activity: { from: { id: PHONE }, conversation: { id: `chat-${PHONE}` }, recipient: { id: PHONE } },
        identity: { channelId: 'app', userId: PHONE },
        customerId: 'c_1',
      },
      'turn failed',
    );
    const all = log.lines.join('');
    expect(all).not.toContain(PHONE);
    expect(all).not.toMatch(/1391234/);
    const line = JSON.parse(log.lines[0]);
    expect(line.conversationId).toMatch(/^conv#[0-9a-f]{8}$/);
    expect(line.conversation.id).toBe(line.conversationId);
    expect(line.activity.conversation.id).toBe(line.conversationId);
    expect(line.userId).toMatch(/^user#[0-9a-f]{8}$/);
    expect(line.from.id).toBe(line.userId);
    expect(line.identity.userId).toBe(line.userId);
    expect(line.customerId).toBe('c_1'); // our own ids stay readable
  });
});

describe('hashLogId', () => {
  it('depends on the key, so a phone number cannot be found by hashing every number', () => {
    expect(hashLogId('conv', PHONE, 'a')).not.toBe(hashLogId('conv', PHONE, 'b'));
    expect(hashLogId('conv', PHONE, 'a')).toBe(hashLogId('conv', PHONE, 'a'));
    expect(hashLogId('user', 42, 'a')).toMatch(/^user#[0-9a-f]{8}$/);
  });
});
