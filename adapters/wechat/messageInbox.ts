/**
 * WeChat's durable inbox (see ../durableInbox.ts): each message key (MsgId, or sender + CreateTime for
 * events) is recorded in the store, with the message, before the turn starts and so before any answer
 * goes back. That one record does two jobs:
 *   - de-duplication across instances: a WeChat retry reaching another instance finds the key and
 *     answers "success" (the first instance answers the customer);
 *   - durability: WeChat resends nothing once it got "success", so a process killed after that answer
 *     would lose the message; instead it stays pending and is resumed (replies through the
 *     customer-service API) by whichever instance sees its lease run out — at startup at the latest.
 * Keys are kept 15 minutes after the turn: longer than WeChat's retries (15 s) and than any timestamp
 * the replay window (requestFreshness.ts) still accepts, so no accepted replay can run a message twice.
 */
import type { DocumentStore } from '../../storage/documentStore';
import { DurableInbox } from '../durableInbox';

export const WECHAT_INBOX = 'wechatInbox';
const KEEP_DONE_MS = 15 * 60 * 1000;

/** What is stored: the (decrypted) message XML, and the text after a numbered choice was resolved. */
export interface StoredMessage {
  xml: string;
  text?: string;
}

export function messageInbox(store: DocumentStore): DurableInbox {
  return new DurableInbox(store, WECHAT_INBOX, { keepDoneMs: KEEP_DONE_MS });
}

export function encodeMessage(message: StoredMessage): string {
  return JSON.stringify(message);
}

export function decodeMessage(payload: string): StoredMessage {
  const value = JSON.parse(payload) as StoredMessage;
  if (typeof value?.xml !== 'string') throw new Error('stored WeChat message has no xml');
  return value;
}
