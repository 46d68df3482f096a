export * from './customerDirectory';
export { ConversationReferences } from './conversationReferences';
export { CustomerLock, LockTimeoutError } from './customerLock';
