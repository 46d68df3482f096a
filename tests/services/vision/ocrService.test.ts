/**
 * The OCR service's bounds, with the real worker: switched off, too many pictures waiting, a picture that takes
 * longer than the timeout (the worker is replaced and the next picture is read), not a picture, and closing.
 */
import sharp from 'sharp';
import { silentLogger } from '../../../platform/logger';
import { OcrService, OcrUnavailableError } from '../../../services/vision';

const settings = { enabled: true, timeoutMs: 20_000, queueLimit: 4, threads: 1 };
const blankPng = () => sharp({ create: { width: 64, height: 64, channels: 3, background: '#fff' } }).png().toBuffer();
const reason = (p: Promise<unknown>) => p.then(() => 'read', (err: unknown) => (err instanceof OcrUnavailableError ? err.reason : String(err)));

describe('OcrService', () => {
  it('reads nothing when switched off', async () => {
    const ocr = new OcrService({ ...settings, enabled: false }, silentLogger());
    expect(await reason(ocr.read(Buffer.from('x')))).toBe('disabled');
  });

  it('refuses a picture beyond the queue bound instead of letting the queue grow', async () => {
    const ocr = new OcrService({ ...settings, queueLimit: 1 }, silentLogger());
    const png = await blankPng();
    // the first is taken by the worker at once, the second waits, the third finds the queue full
    const outcomes = [ocr.read(png), ocr.read(png), ocr.read(png)].map(reason);
    expect(await outcomes[2]).toBe('busy');
    await ocr.close();
    expect(await Promise.all(outcomes.slice(0, 2))).toEqual(expect.arrayContaining(['closed']));
  }, 30000);

  it('gives up on a picture that takes too long, replaces the worker, and reads the next one', async () => {
    const limits = { ...settings, timeoutMs: 1 };
    const ocr = new OcrService(limits, silentLogger());
    const png = await blankPng();
    try {
      expect(await reason(ocr.read(png))).toBe('timeout'); // loading the model alone takes longer than 1 ms
      limits.timeoutMs = 20_000;
      expect((await ocr.read(png)).lines).toEqual([]);
      expect(await reason(ocr.read(Buffer.from('not a picture')))).toBe('unreadable');
      expect((await ocr.read(png)).lines).toEqual([]); // the worker survives a bad picture
    } finally {
      await ocr.close();
    }
  }, 60000);
});
