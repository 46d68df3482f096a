/**
 * JSON logs (pino). Privacy by default: customer message text and phone numbers never reach the logs
 * unless LOG_TRANSCRIPTS=true. Log ids (customer, conversation, activity), not content.
 *
 * Ids a client chooses (conversation ids, channel user ids, openids) can carry a phone number or a name,
 * so they are always logged as a short keyed hash (`conv#a1b2c3d4`, `user#…`): the same id gives the same
 * hash in one deployment, so lines still correlate, but the id itself is not in the log. Our own
 * customer ids stay readable.
 */
import crypto from 'node:crypto';
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

/** Where client-chosen ids appear in what we log (top level, one level down, and inside an activity). */
const CONVERSATION_ID_PATHS = ['conversationId', '*.conversationId', 'conversation.id', '*.conversation.id'];
const USER_ID_PATHS = [
  'userId',
  '*.userId',
  'openid',
  '*.openid',
  'from.id',
  '*.from.id',
  'recipient.id',
  '*.recipient.id',
];

/** Which kind of id a redacted path holds, or undefined for content (text, phone, bodies). */
function idKind(path: string[]): 'conv' | 'user' | undefined {
  const last = path[path.length - 1];
  const owner = last === 'id' ? path[path.length - 2] : last;
  if (owner === 'conversationId' || owner === 'conversation') return 'conv';
  if (owner === 'userId' || owner === 'openid' || owner === 'from' || owner === 'recipient') return 'user';
  return undefined;
}

/** Phone numbers (CN mobiles and international forms) inside free text. */
const PHONE_PATTERN = /(?:\+?\d{1,3}[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}|\+\d[\d\s-]{7,}\d/g;

export function maskPhones(text: string): string {
  return text.replace(PHONE_PATTERN, (m) => m.replace(/\d(?=(?:\D*\d){4})/g, '*'));
}

/**
 * `<kind>#<8 hex>`: an HMAC so that nobody holding the log can find a phone number by hashing every
 * number (a plain sha256 of an 11-digit mobile is searched in minutes).
 */
export function hashLogId(kind: 'conv' | 'user', id: unknown, key: string): string {
  return `${kind}#${crypto.createHmac('sha256', key).update(String(id)).digest('hex').slice(0, 8)}`;
}

export interface LoggerOptions {
  level: string;
  transcripts: boolean;
  destination?: pino.DestinationStream;
  /** key of the id hashes (LOG_ID_KEY); unset → random per process, so hashes correlate within one run only */
  idKey?: string;
}

export function createLogger(options: LoggerOptions): Logger {
  const idKey = options.idKey ?? crypto.randomBytes(32).toString('hex');
  const contentPaths = options.transcripts ? [] : CONTENT_PATHS;
  const base: pino.LoggerOptions = {
    level: options.level,
    base: { service: 'beauty-bot' },
    redact: {
      paths: [...CONVERSATION_ID_PATHS, ...USER_ID_PATHS, ...contentPaths],
      censor: (value: unknown, path: string[]) => {
        const kind = idKind(path);
        if (!kind) return '[redacted]';
        return value === undefined || value === null ? value : hashLogId(kind, value, idKey);
      },
    },
  };
  if (!options.transcripts) {
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
