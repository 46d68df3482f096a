/**
 * What identifies a person, per collection: the fields the store encrypts at rest, and the collections
 * whose documents expire after the retention period. One list, kept here beside the decorator, so a
 * reviewer sees the whole privacy promise in one place; tests/storage/encryption/personalFields.test.ts
 * checks the names against the owning modules' constants and that no module queries these fields.
 *
 * Adding a collection that holds names, phone numbers, addresses or free text the customer typed?
 * Add its fields here. Only `$exists` can be asked of an encrypted field; look a person up by a keyed
 * hash (`FieldCipher.lookupHash`) stored beside it instead.
 */
export const PERSONAL_FIELDS: Record<string, string[]> = {
  /** delivery contact, and the invoice title (a personal invoice is made out to a name) and tax id */
  orders: ['shipping.name', 'shipping.phone', 'shipping.address', 'invoice.title', 'invoice.taxId'],
  /** the whole bot state: dialog stack (answers the customer typed), profile, recent turns */
  botState: ['json'],
  /** the agent's summary (last turns, note) and what the customer wrote while waiting */
  handoffs: ['summary', 'inbox.text'],
  /** what the customer described, and their photos' names, links and the text read from them */
  tickets: ['description', 'attachments.name', 'attachments.contentUrl', 'attachments.pictureText', 'statusHistory.note'],
  /** utterances queued for review are the customer's own words */
  nluReview: ['text'],
  /** conversation references carry the channel's user name */
  conversationRefs: ['reference'],
  /** webhook payloads waiting to be run hold the message text and the sender's name */
  telegramInbox: ['payload'],
  wechatInbox: ['payload'],
  /** every customer's time line: their messages, the bot's and agents' replies, agents' notes */
  conversationLog: ['text'],
  /** replies waiting for the shop's app to fetch them */
  appInbox: ['activity'],
  /** web chat transcripts (Direct Line activities, kept as JSON text): the customer's words and the replies */
  webchatActivities: ['json'],
  /** [live] a viewer's question (their words) on a public answer, and the answer (it names the viewer when the room allows names) */
  liveReplies: ['text', 'question'],
  /** [live] what the bot said privately to one viewer */
  livePrivateMessages: ['text'],
};

/**
 * Collections that expire RETENTION_DAYS after their last write: conversation transcripts kept for
 * agents (handoff inboxes and summaries, the conversation log), review items, analytics events and
 * satisfaction ratings. The store stamps
 * `expiresAt` on every write to them and keeps a TTL index on it.
 */
export const RETAINED_COLLECTIONS = ['handoffs', 'nluReview', 'turnEvents', 'conversationLog', 'csat'];

/** The field the retention stamp is written to. */
export const RETENTION_FIELD = 'expiresAt';
