export * from './customerDirectory';
export { ConversationReferences } from './conversationReferences';
export { CustomerLock, LockTimeoutError } from './customerLock';
export { normalizePhone, PROOF_CHANNELS, ProofError, VerifiedIdentities, type VerifiedProof } from './verifiedIdentities';
