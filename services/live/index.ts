/** The live-stream room's domain: rooms, clustering, moderation, the public replies feed, the private outbox, offers. */
export { LiveRooms, RoomInputError, roomInputSchema } from './rooms';
export { ClusterWindow, questionWords, type Cluster } from './clustering';
export { classifyComment, CLAIMS_OFFER, type CommentKind, type CommentClass } from './commentKinds';
export { BlockList, ViewerRateLimit, DEFAULT_BLOCK_WORDS } from './moderation';
export { ReplyFeed, type Decision } from './replyFeed';
export { PrivateMessages } from './privateMessages';
export { publicAnswer, type AnswerDeps, type ClusterQuestion } from './publicAnswer';
export { RoomOffers, type OfferClaim } from './roomOffers';
export * from './types';
