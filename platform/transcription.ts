/**
 * Speech to text through an OpenAI-compatible `/audio/transcriptions` endpoint (OpenAI itself, Azure
 * OpenAI, or a private whisper server behind the same API). No Chinese speech model ships on npm, so
 * this is the only way voice that the platform did not recognise itself becomes text; without a key
 * there is no transcriber and channels ask the customer to type instead.
 */
import OpenAI, { toFile } from 'openai';

export interface TranscriptionSettings {
  apiKey: string;
  baseUrl?: string;
  model: string;
  timeoutMs?: number;
}

/** The endpoint answered, but not with text (an HTTP error, a malformed answer, a timeout). */
export class TranscriptionError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'TranscriptionError';
  }
}

export class Transcriber {
  private readonly client: OpenAI;

  constructor(private readonly settings: TranscriptionSettings) {
    // no retries: a voice message waits on this, and the caller falls back to "please type"
    this.client = new OpenAI({ apiKey: settings.apiKey, baseURL: settings.baseUrl, timeout: settings.timeoutMs ?? 15_000, maxRetries: 0 });
  }

  /**
   * The text spoken in `audio`; undefined when the endpoint heard nothing. `filename`'s extension tells
   * the endpoint the format (voice.amr, voice.mp3 …). Throws TranscriptionError when the call fails.
   */
  async transcribe(audio: Buffer, filename: string, language?: 'zh' | 'en'): Promise<string | undefined> {
    let answer: unknown;
    try {
      const file = await toFile(audio, filename);
      answer = await this.client.audio.transcriptions.create({ file, model: this.settings.model, language, response_format: 'json' });
    } catch (err) {
      throw new TranscriptionError(`transcription failed: ${(err as Error)?.message ?? String(err)}`, err);
    }
    const text = (answer as { text?: unknown } | null)?.text;
    if (typeof text !== 'string') throw new TranscriptionError('transcription answer has no text');
    const trimmed = text.trim();
    return trimmed ? trimmed : undefined;
  }
}

/** The keys transcriptionSettings reads (config.ts's names). */
export interface TranscriptionKeys {
  OPENAI_API_KEY?: string;
  OPENAI_BASE_URL?: string;
  TRANSCRIPTION_API_KEY?: string;
  TRANSCRIPTION_BASE_URL?: string;
  TRANSCRIPTION_MODEL: string;
}

/**
 * Which endpoint transcribes: TRANSCRIPTION_BASE_URL (a private endpoint) with its own TRANSCRIPTION_API_KEY
 * — never the OpenAI key, which must not be sent to another host — else the OpenAI-compatible model's
 * endpoint with TRANSCRIPTION_API_KEY or OPENAI_API_KEY. undefined when no key applies.
 */
export function transcriptionSettings(keys: TranscriptionKeys): TranscriptionSettings | undefined {
  if (keys.TRANSCRIPTION_BASE_URL) {
    if (!keys.TRANSCRIPTION_API_KEY) throw new Error('invalid configuration: TRANSCRIPTION_API_KEY required when TRANSCRIPTION_BASE_URL is set');
    return { apiKey: keys.TRANSCRIPTION_API_KEY, baseUrl: keys.TRANSCRIPTION_BASE_URL, model: keys.TRANSCRIPTION_MODEL };
  }
  const apiKey = keys.TRANSCRIPTION_API_KEY ?? keys.OPENAI_API_KEY;
  return apiKey ? { apiKey, baseUrl: keys.OPENAI_BASE_URL, model: keys.TRANSCRIPTION_MODEL } : undefined;
}
