/** The transcriber against a local OpenAI-compatible endpoint: what it uploads, what it returns, how it fails. */
import { Transcriber, TranscriptionError, transcriptionSettings } from '../../platform/transcription';
import { FakeTranscriptionApi, startFakeTranscriptionApi } from './fakeTranscriptionApi';

describe('Transcriber', () => {
  let fake: FakeTranscriptionApi;
  beforeAll(async () => {
    fake = await startFakeTranscriptionApi('sk-test-transcribe', (audio) => (audio.toString('utf8') === 'silence' ? '  ' : '这个面霜多少钱'));
  });
  afterAll(() => fake.close());

  it('uploads the audio as a multipart file with the model and language, and returns the text', async () => {
    const transcriber = new Transcriber({ apiKey: 'sk-test-transcribe', baseUrl: fake.url, model: 'whisper-1' });
    const audio = Buffer.from([0x23, 0x21, 0x41, 0x4d, 0x52, 0x0a, 1, 2, 3, 255]); // "#!AMR\n" + frames
    expect(await transcriber.transcribe(audio, 'voice.amr', 'zh')).toBe('这个面霜多少钱');
    const upload = fake.uploads.at(-1)!;
    expect(upload.authorization).toBe('Bearer sk-test-transcribe');
    expect(upload.fileName).toBe('voice.amr');
    expect(upload.audio.equals(audio)).toBe(true);
    expect(upload.fields).toMatchObject({ model: 'whisper-1', language: 'zh', response_format: 'json' });
  });

  it('sends no language when none is given, and answers undefined when nothing was heard', async () => {
    const transcriber = new Transcriber({ apiKey: 'sk-test-transcribe', baseUrl: fake.url, model: 'whisper-1' });
    expect(await transcriber.transcribe(Buffer.from('silence'), 'voice.mp3')).toBeUndefined();
    expect(fake.uploads.at(-1)!.fields.language).toBeUndefined();
  });

  it('throws a TranscriptionError when the endpoint refuses (bad key, server error) or cannot be reached', async () => {
    const wrongKey = new Transcriber({ apiKey: 'sk-wrong', baseUrl: fake.url, model: 'whisper-1' });
    await expect(wrongKey.transcribe(Buffer.from('x'), 'voice.amr')).rejects.toBeInstanceOf(TranscriptionError);
    fake.failNext(500);
    const transcriber = new Transcriber({ apiKey: 'sk-test-transcribe', baseUrl: fake.url, model: 'whisper-1' });
    await expect(transcriber.transcribe(Buffer.from('x'), 'voice.amr')).rejects.toBeInstanceOf(TranscriptionError);
    const down = new Transcriber({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9/v1', model: 'whisper-1', timeoutMs: 2000 });
    await expect(down.transcribe(Buffer.from('x'), 'voice.amr')).rejects.toBeInstanceOf(TranscriptionError);
  });
});

describe('transcriptionSettings', () => {
  const model = 'whisper-1';
  it('is off without any key', () => {
    expect(transcriptionSettings({ TRANSCRIPTION_MODEL: model })).toBeUndefined();
  });

  it('uses the OpenAI-compatible endpoint and key, or its own key for that endpoint', () => {
    expect(transcriptionSettings({ OPENAI_API_KEY: 'sk-a', OPENAI_BASE_URL: 'https://llm.example/v1', TRANSCRIPTION_MODEL: model })).toEqual({
      apiKey: 'sk-a',
      baseUrl: 'https://llm.example/v1',
      model,
    });
    expect(transcriptionSettings({ OPENAI_API_KEY: 'sk-a', TRANSCRIPTION_API_KEY: 'sk-t', TRANSCRIPTION_MODEL: model })?.apiKey).toBe('sk-t');
  });

  it('never sends the OpenAI key to a private transcription endpoint', () => {
    expect(() => transcriptionSettings({ OPENAI_API_KEY: 'sk-a', TRANSCRIPTION_BASE_URL: 'http://asr.local/v1', TRANSCRIPTION_MODEL: model })).toThrow(/TRANSCRIPTION_API_KEY/);
    expect(transcriptionSettings({ OPENAI_API_KEY: 'sk-a', TRANSCRIPTION_BASE_URL: 'http://asr.local/v1', TRANSCRIPTION_API_KEY: 'asr', TRANSCRIPTION_MODEL: model })).toEqual({
      apiKey: 'asr',
      baseUrl: 'http://asr.local/v1',
      model,
    });
  });
});
