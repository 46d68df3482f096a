/** A WeChat voice message's text: Recognition first, else the downloaded voice transcribed, else nothing (ask to type). */
import { Writable } from 'node:stream';
import pino from 'pino';
import { voiceText } from '../../../adapters/wechatKit/voiceText';
import { silentLogger } from '../../../platform/logger';
import { Transcriber } from '../../../platform/transcription';
import { FakeTranscriptionApi, startFakeTranscriptionApi } from '../../platform/fakeTranscriptionApi';

describe('voiceText', () => {
  let fake: FakeTranscriptionApi;
  let transcriber: Transcriber;
  const downloads: string[] = [];
  const download = async (mediaId: string) => {
    downloads.push(mediaId);
    return mediaId === 'missing' ? undefined : Buffer.from(`audio of ${mediaId}`);
  };
  beforeAll(async () => {
    fake = await startFakeTranscriptionApi('sk-voice', (audio) => (audio.toString() === 'audio of media-1' ? '我的订单到哪了' : ''));
    transcriber = new Transcriber({ apiKey: 'sk-voice', baseUrl: fake.url, model: 'whisper-1' });
  });
  afterAll(() => fake.close());
  beforeEach(() => (downloads.length = 0));

  it("uses WeChat's Recognition text when it is there, without downloading anything", async () => {
    expect(await voiceText({ recognition: ' 推荐 ', mediaId: 'media-1', format: 'amr' }, { transcriber, download, logger: silentLogger() })).toBe('推荐');
    expect(downloads).toEqual([]);
  });

  it('otherwise transcribes the downloaded voice, naming the file by its format', async () => {
    const uploadsBefore = fake.uploads.length;
    expect(await voiceText({ mediaId: 'media-1', format: 'AMR' }, { transcriber, download, logger: silentLogger() })).toBe('我的订单到哪了');
    expect(downloads).toEqual(['media-1']);
    expect(fake.uploads.length).toBe(uploadsBefore + 1);
    expect(fake.uploads.at(-1)).toMatchObject({ fileName: 'voice.amr', fields: { model: 'whisper-1' } });
    expect(fake.uploads.at(-1)!.audio.toString()).toBe('audio of media-1');
  });

  it('gives nothing (the channel asks to type) without a transcriber, a media id, audio, or heard words', async () => {
    const logger = silentLogger();
    expect(await voiceText({ mediaId: 'media-1' }, { download, logger })).toBeUndefined();
    expect(await voiceText({ recognition: '  ' }, { transcriber, download, logger })).toBeUndefined();
    expect(await voiceText({ mediaId: 'missing', format: 'amr' }, { transcriber, download, logger })).toBeUndefined();
    expect(await voiceText({ mediaId: 'media-2', format: 'speex' }, { transcriber, download, logger })).toBeUndefined();
    expect(fake.uploads.at(-1)!.fileName).toBe('voice.speex');
  });

  it('never throws: a failing endpoint or download is logged without the content and gives nothing', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    fake.failNext(503);
    expect(await voiceText({ mediaId: 'media-1', format: 'amr' }, { transcriber, download, logger })).toBeUndefined();
    const broken = async () => Promise.reject(new Error('media/get failed: errcode 40007'));
    expect(await voiceText({ mediaId: 'media-1', format: 'amr' }, { transcriber, download: broken, logger })).toBeUndefined();
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).toMatch(/transcription failed/);
    expect(lines.join('\n')).not.toMatch(/订单/);
  });
});
