/**
 * JSON logs (pino). Privacy by default: customer message text and phone numbers never reach the logs
 * unless LOG_TRANSCRIPTS=true. Log ids (customer, conversation, activity), not content.
 */
import pino, { Logger } from 'pino';

export type { Logger };

const CONTENT_PATHS = [
  'text',
  'phone',
  '*.text',
  '*.phone',
  'activity.text',
  'activity.attachments',
  'activity.channelData',
  'body',
  '*.body',
  'req.body',
];

/** Phone numbers (CN mobiles and international forms) inside free text. */
const PHONE_PATTERN = /(?:\+?\d{1,3}[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}|\+\d[\d\s-]{7,}\d/g;

export function maskPhones(text: string): string {
  return text.replace(PHONE_PATTERN, (m) => m.replace(/\d(?=(?:\D*\d){4})/g, '*'));
}

export interface LoggerOptions {
  level: string;
  transcripts: boolean;
  destination?: pino.DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const base: pino.LoggerOptions = { level: options.level, base: { service: 'beauty-bot' } };
  if (!options.transcripts) {
    base.redact = { paths: CONTENT_PATHS, censor: '[redacted]' };
    base.hooks = {
      // free-text log messages can still carry a number typed by a customer
      logMethod(args, method) {
        const masked = args.map((a) => (typeof a === 'string' ? maskPhones(a) : a)) as typeof args;
        method.apply(this, masked);
      },
    };
  }
  return pino(base, options.destination);
}

/** A logger that writes nothing (tests, benchmarks). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
