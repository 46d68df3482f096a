/** The conversation log area: every customer's time line across channels (customer, bot, agent, notes, system). */
export { CONVERSATION_LOG, ConversationLog } from './conversationLog';
export type { LogAuthor, LogEntry, LogLanguage, StoredLogEntry } from './conversationLog';
