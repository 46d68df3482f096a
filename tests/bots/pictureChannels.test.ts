/**
 * How pictures reach the reader on each channel: the app's data: URLs (5 MB decoded; the body limit raised for
 * them only; 413 beyond, 400 for what is not a picture) and Telegram's getFile + the Bot API's file host.
 * OCR is switched off here: these tests are about bytes, not reading.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppAdapter } from '../../adapters/app';
import { toActivity } from '../../adapters/app/toActivity';
import { TelegramAdapter } from '../../adapters/telegram/telegramAdapter';
import { TelegramApi } from '../../adapters/telegram/telegramApi';
import { RunningApp, startTestApp } from '../helpers/testApp';

const MB = 1024 * 1024;
const dataUrl = (bytes: number, type = 'image/png') => `data:${type};base64,${Buffer.alloc(bytes, 7).toString('base64')}`;

describe('app channel pictures as data: URLs', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp({ OCR_ENABLED: 'false' });
  });
  afterAll(() => app?.close(1000));

  const post = (attachments: unknown[], text?: string) => app.post('/api/app/messages', { userId: 'pic', ...(text ? { text } : {}), attachments });

  it('takes a picture of 4 MB (over the 256 KB body limit) and answers the customer', async () => {
    const r = await post([{ contentType: 'image/png', contentUrl: dataUrl(4 * MB) }]);
    expect(r.status).toBe(200);
    expect(r.json.replies[0].text).toMatch(/看不清|想咨询什么/);
  });

  it('answers 413 for a picture over 5 MB, or other content that does not fit the usual limit', async () => {
    const big = await post([{ contentType: 'image/png', contentUrl: dataUrl(5 * MB + 1) }]);
    expect([big.status, big.json.error.code]).toEqual([413, 'payload_too_large']);
    const padded = await post([{ contentType: 'image/png', contentUrl: dataUrl(1 * MB) }], 'x'.repeat(300 * 1024));
    expect([padded.status, padded.json.error.code]).toEqual([413, 'payload_too_large']);
    expect((await app.get('/healthz')).status).toBe(200);
  });

  it.each([
    ['a GIF', 'data:image/gif;base64,R0lGODlhAQABAAAAACw='],
    ['not base64', 'data:image/png;base64,@@@@'],
    ['a data: URL of another kind', 'data:text/html;base64,PGI+aGk8L2I+'],
  ])('answers 400 for %s', async (_case, url) => {
    const r = await post([{ contentType: 'image/png', contentUrl: url }]);
    expect([r.status, r.json.error.code]).toEqual([400, 'invalid_message']);
  });

  it('keeps the bytes off the activity\'s link and gives them only to readAttachment', async () => {
    const mapped = toActivity({ userId: 'u', attachments: [{ contentType: 'image/png', contentUrl: dataUrl(10), name: 'a.png' }] }, 'id', new Date());
    if (!mapped.ok) throw new Error(mapped.reason);
    const [attachment] = mapped.activity.attachments!;
    expect(attachment).toEqual({ contentType: 'image/png', name: 'a.png' });
    expect(JSON.stringify(attachment)).not.toContain('base64');
    const adapter = new AppAdapter();
    expect(await adapter.readAttachment(attachment, 5 * MB)).toEqual(Buffer.alloc(10, 7));
    expect(await adapter.readAttachment(attachment, 9)).toBeUndefined();
    // an http(s) link the app names is never fetched
    expect(await adapter.readAttachment({ contentType: 'image/png', contentUrl: 'http://127.0.0.1:9/x.png' }, 5 * MB)).toBeUndefined();
  });
});

describe('Telegram pictures through getFile', () => {
  let server: http.Server;
  let root: string;
  const asked: string[] = [];
  const photo = Buffer.from('jpeg bytes of the photo');

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      asked.push(`${req.method} ${req.url}`);
      if (req.url === '/botTOKEN/getFile') {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          const id = JSON.parse(body).file_id as string;
          const result = id === 'huge' ? { file_id: id, file_size: 30 * MB, file_path: 'photos/huge.jpg' } : { file_id: id, file_size: photo.length, file_path: 'photos/file_1.jpg' };
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify(id === 'gone' ? { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' } : { ok: true, result }));
        });
        return;
      }
      if (req.url === '/file/botTOKEN/photos/file_1.jpg') return void res.end(photo);
      res.statusCode = 404;
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  const adapter = () => new TelegramAdapter(new TelegramApi({ apiRoot: root, botToken: 'TOKEN' }));
  const attachment = (fileId: string) => ({ contentType: 'image/jpeg', name: fileId, content: { telegramFileId: fileId } });

  it('downloads the photo from the Bot API file host', async () => {
    expect(await adapter().readAttachment(attachment('AgAC1'), 5 * MB)).toEqual(photo);
    expect(asked).toEqual(['POST /botTOKEN/getFile', 'GET /file/botTOKEN/photos/file_1.jpg']);
  });

  it('does not download a file larger than the bound, nor one Telegram does not know', async () => {
    asked.length = 0;
    expect(await adapter().readAttachment(attachment('huge'), 5 * MB)).toBeUndefined();
    expect(asked).toEqual(['POST /botTOKEN/getFile']);
    await expect(adapter().readAttachment(attachment('gone'), 5 * MB)).rejects.toThrow(/invalid file_id/);
    expect(await adapter().readAttachment({ contentType: 'image/jpeg', contentUrl: 'https://evil.example/x.jpg' }, 5 * MB)).toBeUndefined();
  });
});
