/**
 * The live-stream room's records: rooms an admin sets up, the public answers the host's overlay shows
 * (the replies feed) and the private follow-ups a platform connector delivers to one viewer.
 * Viewers' comments themselves are never stored: they live in memory for one clustering window.
 */

export const LIVE_ROOMS = 'liveRooms';
export const LIVE_REPLIES = 'liveReplies';
export const LIVE_FEED_STATE = 'liveFeedState';
export const LIVE_PRIVATE = 'livePrivateMessages';
export const LIVE_SEQUENCES = 'liveSequences';

export interface RoomFaq {
  q: string;
  a: string;
}

export interface RoomOffer {
  /** the promotion (kind gift) in the store's promotions: its quota is the one every channel shares */
  promotionId: string;
  text: string;
  quota: number;
}

export interface RoomDoc {
  _id: string;
  name: string;
  /** whose viewers these are (douyin, taobao …): viewer ids are scoped by it, never shared across platforms */
  platform: string;
  /** the products on sale in this stream, in link order: "1号链接" is the first */
  productIds: string[];
  faq: RoomFaq[];
  offers: RoomOffer[];
  /** answers wait for the host's approval before the overlay shows them */
  approval: boolean;
  /** answers may address the asker by nickname (off by default) */
  showNames: boolean;
  /** words that drop a comment silently, besides the default list */
  blockWords: string[];
  createdAt: Date;
  createdBy?: string;
}

export type ReplyStatus = 'pending' | 'scheduled' | 'rejected' | 'dropped';

export interface ReplyDoc {
  _id: string;
  roomId: string;
  text: string;
  /** the question the cluster asked (a viewer's words: encrypted at rest) */
  question: string;
  /** similar comments the answer stands for */
  count: number;
  status: ReplyStatus;
  createdAt: Date;
  /** feed position and when the overlay may show it, given once scheduled */
  seq?: number;
  publishAt?: Date;
  decidedBy?: string;
}

export interface FeedStateDoc {
  _id: string; // roomId
  seq: number;
  lastSlotAt: number;
}

export interface PrivateMessageDoc {
  _id: string;
  roomId: string;
  /** the platform's viewer id, as the connector sent it */
  userId: string;
  customerId?: string;
  text: string;
  links?: { title: string; url: string }[];
  seq: number;
  createdAt: Date;
  expiresAt: Date;
}

export interface SequenceDoc {
  _id: string;
  seq: number;
}
