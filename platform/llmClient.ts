/**
 * The optional OpenAI-compatible model (OpenAI, Azure OpenAI, or a private deployment behind a compatible
 * endpoint). Absent unless OPENAI_API_KEY is set; every call has a timeout and callers fall back to the
 * local path when it fails, so the product never depends on it.
 */
import OpenAI from 'openai';

export interface LlmSettings {
  OPENAI_API_KEY?: string;
  OPENAI_BASE_URL?: string;
  OPENAI_MODEL: string;
}

export interface LlmClient {
  client: OpenAI;
  model: string;
}

/** The configured client, or undefined when no key is set. Retries are off: callers have their own fallback. */
export function createLlmClient(settings: LlmSettings, timeoutMs = 10000): LlmClient | undefined {
  if (!settings.OPENAI_API_KEY) return undefined;
  const client = new OpenAI({
    apiKey: settings.OPENAI_API_KEY,
    baseURL: settings.OPENAI_BASE_URL,
    timeout: timeoutMs,
    maxRetries: 0,
  });
  return { client, model: settings.OPENAI_MODEL };
}
