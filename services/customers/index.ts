export * from './customerDirectory';
export { ConversationReferences } from './conversationReferences';
export { CustomerLock, LockReentryError, LockTimeoutError } from './customerLock';
