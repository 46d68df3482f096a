/**
 * A local OpenAI-compatible transcription endpoint on 127.0.0.1 (`POST /v1/audio/transcriptions`): it
 * checks the bearer key and the multipart upload (a `file` part with a name and bytes, `model`, optional
 * `language`), records each upload, and answers `{"text"}` with what `answerFor(audio)` says — by default
 * the uploaded bytes read as UTF-8, so a test "speaks" by uploading text.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Upload {
  authorization: string;
  fields: Record<string, string>;
  fileName: string;
  fileType: string;
  audio: Buffer;
}

export interface FakeTranscriptionApi {
  /** the base URL to configure (…/v1) */
  url: string;
  uploads: Upload[];
  /** the next N requests fail with this HTTP status */
  failNext(status: number, count?: number): void;
  close(): Promise<void>;
}

export async function startFakeTranscriptionApi(apiKey: string, answerFor: (audio: Buffer) => string = (a) => a.toString('utf8')): Promise<FakeTranscriptionApi> {
  let failing = { status: 0, count: 0 };
  const fake: FakeTranscriptionApi = {
    url: '',
    uploads: [],
    failNext: (status, count = 1) => (failing = { status, count }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const error = (res: http.ServerResponse, status: number, message: string) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message, type: 'invalid_request_error' } }));
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        if (req.method !== 'POST' || req.url !== '/v1/audio/transcriptions') return error(res, 404, 'not found');
        const authorization = req.headers.authorization ?? '';
        if (authorization !== `Bearer ${apiKey}`) return error(res, 401, 'Incorrect API key provided');
        if (failing.count > 0) {
          failing.count--;
          return error(res, failing.status, 'failing on purpose');
        }
        const type = req.headers['content-type'] ?? '';
        if (!type.startsWith('multipart/form-data; boundary=')) return error(res, 400, 'expected multipart/form-data');
        let form: FormData;
        try {
          form = await new Response(Buffer.concat(chunks), { headers: { 'content-type': type } }).formData();
        } catch {
          return error(res, 400, 'malformed multipart body');
        }
        const file = form.get('file');
        const model = form.get('model');
        if (!(file instanceof Blob) || typeof model !== 'string' || !model) return error(res, 400, 'file and model are required');
        const fields: Record<string, string> = {};
        form.forEach((value, key) => {
          if (typeof value === 'string') fields[key] = value;
        });
        const audio = Buffer.from(await file.arrayBuffer());
        fake.uploads.push({ authorization, fields, fileName: (file as File).name, fileType: file.type, audio });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ text: answerFor(audio) }));
      })();
    });
  });
  server.keepAliveTimeout = 100;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return fake;
}
