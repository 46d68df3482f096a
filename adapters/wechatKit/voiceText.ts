/**
 * What a WeChat voice message said, for the Official Account and the Mini Program alike: WeChat's own
 * Recognition text when it sent one (the account has 接收语音识别结果 on), otherwise the voice downloaded
 * with the channel's access token and transcribed (when a transcription endpoint is configured),
 * otherwise undefined — the channel then asks the customer politely to type. Failures are logged without
 * content and end in undefined: a voice message never fails a turn.
 */
import type { Logger } from '../../platform/logger';
import type { Transcriber } from '../../platform/transcription';

/** WeChat voice formats (amr, speex; the Mini Program also silk/mp3) as a file name the endpoint recognises */
function fileNameFor(format: string | undefined): string {
  const extension = (format ?? '').trim().toLowerCase();
  return /^[a-z0-9]{2,5}$/.test(extension) ? `voice.${extension}` : 'voice.amr';
}

export async function voiceText(
  input: { recognition?: string; mediaId?: string; format?: string },
  deps: { transcriber?: Transcriber; download: (mediaId: string) => Promise<Buffer | undefined>; logger: Logger },
): Promise<string | undefined> {
  const recognized = input.recognition?.trim();
  if (recognized) return recognized;
  const { transcriber, download, logger } = deps;
  if (!transcriber || !input.mediaId) return undefined;
  try {
    const audio = await download(input.mediaId);
    if (!audio || audio.length === 0) {
      logger.warn({ format: input.format }, 'WeChat voice could not be downloaded for transcription');
      return undefined;
    }
    // a WeChat voice says nothing of its language: the endpoint detects it (zh or en customers alike)
    return await transcriber.transcribe(audio, fileNameFor(input.format));
  } catch (err) {
    const e = err as Error;
    logger.warn({ err: { name: e.name, message: e.message }, format: input.format }, 'WeChat voice transcription failed');
    return undefined;
  }
}
