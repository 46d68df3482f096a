// The OCR process: PaddleOCR models (@gutenye/ocr-node, onnxruntime) loaded once, then one picture at a
// time. It is plain ESM JavaScript because the package is ESM-only and a child needs a file Node runs as is
// (from the TypeScript sources under jest/tsx and from dist/ alike; scripts/copyAssets.js copies it there).
// The bot (ocrService.ts) owns the queue and the timeouts; this file only reads pictures. It is a child
// process, not a worker thread: stopping a thread in the middle of an onnxruntime run aborts the whole
// process (seen here), and a picture that takes too long must cost only this process.
import sharp from 'sharp';

const options = JSON.parse(process.argv[2] ?? '{}');
// the bot went away (or replaced this reader): nothing is left to answer
process.on('disconnect', () => process.exit(0));
// a decompression bomb (a small PNG of 50 000 × 50 000 pixels) must not take the worker's memory
const MAX_INPUT_PIXELS = options.maxInputPixels ?? 40_000_000;
// detection runs at the picture's own size: a phone photo of 4000 × 3000 is scaled down first (text on a
// label or a screenshot stays readable at this size, and the time per picture stays under a second)
const MAX_SIDE = options.maxSide ?? 1600;

let ocr;

async function load() {
  const started = performance.now();
  const { default: Ocr } = await import('@gutenye/ocr-node');
  const threads = options.threads ?? 1;
  ocr = await Ocr.create({ onnxOptions: { intraOpNumThreads: threads, interOpNumThreads: 1 } });
  return performance.now() - started;
}

async function prepare(bytes) {
  const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
  const meta = await image.metadata();
  if (!meta.width || !meta.height) throw new Error('not a picture');
  if (Math.max(meta.width, meta.height) <= MAX_SIDE && meta.format === 'png') return bytes;
  return image.rotate().resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true }).png().toBuffer();
}

async function read(bytes) {
  const started = performance.now();
  const input = await prepare(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const lines = await ocr.detect(input);
  return {
    lines: lines.map((l) => ({ text: String(l.text ?? ''), score: Number(l.mean ?? 0) })).filter((l) => l.text.trim() !== ''),
    ms: performance.now() - started,
  };
}

const reply = (message) => process.send?.(message);

process.on('message', async (message) => {
  try {
    if (message.type === 'load') {
      const ms = await load();
      reply({ id: message.id, ok: true, loadMs: ms });
    } else if (message.type === 'read') {
      const result = await read(message.bytes);
      reply({ id: message.id, ok: true, ...result });
    }
  } catch (err) {
    reply({ id: message.id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
