/**
 * Guessing link codes over HTTP on the real app channel (127.0.0.1): made-up user ids from one address
 * are limited by that address — the app channel tells the linking step where a message came from.
 */
import { ScriptedRecognizer } from '../../helpers/scriptedRecognizer';
import { RunningApp, startTestApp } from '../../helpers/testApp';

describe('guessing link codes on the app channel', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp({}, { recognizer: new ScriptedRecognizer() });
  });
  afterAll(() => app.close(1000));

  it('evaluates at most 10 wrong codes from one address, however many user ids it invents', async () => {
    const [offer] = await app.say('victim', '绑定');
    const code = /(\d{6})/.exec(offer)?.[1] ?? '';
    const wrong = (i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0');
    const replies: string[] = [];
    for (let i = 0; i < 40; i++) replies.push((await app.say(`fresh-${i}`, wrong(i))).join('\n'));
    expect(replies.filter((r) => /不正确或已过期/.test(r))).toHaveLength(10);
    expect(replies.filter((r) => /输错次数太多，请 \d+ 分钟后再试/.test(r))).toHaveLength(30);
    // the right code from that address is refused too until the window passes; the victim stays alone
    expect((await app.say('fresh-99', code)).join('\n')).toMatch(/输错次数太多/);
    const victim = await app.directory.find({ channelId: 'app', userId: 'victim' });
    expect((await app.directory.get(victim ?? ''))?.identities).toHaveLength(1);
  });
});
