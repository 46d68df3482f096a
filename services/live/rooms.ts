/**
 * Live rooms an admin sets up: the products on sale (link order), the host's FAQ, offers, approval and
 * block words. An offer is a gift promotion in the store's promotions (new, or an existing one named by
 * id), so its quota is taken atomically by GiftService however many viewers and channels claim at once.
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import type { DocumentStore } from '../../storage/documentStore';
import type { Promotions } from '../promotions';
import { PROMOTIONS, type PromotionDoc } from '../promotions/types';
import { LIVE_ROOMS, type RoomDoc, type RoomOffer } from './types';

const DAY = 24 * 3600_000;

const offerSchema = z.union([
  z.object({ promotionId: z.string().min(1).max(100) }).strict(),
  z
    .object({
      text: z.string().trim().min(1).max(100),
      quota: z.number().int().min(1).max(1_000_000),
      endsAt: z.string().datetime({ offset: true }).optional(),
    })
    .strict(),
]);

export const roomInputSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    platform: z.string().regex(/^[a-z0-9_-]{1,32}$/, 'lower-case letters, digits, _ or -').default('default'),
    productIds: z.array(z.string().min(1).max(100)).max(50).default([]),
    faq: z.array(z.object({ q: z.string().trim().min(1).max(200), a: z.string().trim().min(1).max(500) }).strict()).max(100).default([]),
    offers: z.array(offerSchema).max(10).default([]),
    approval: z.boolean().default(false),
    showNames: z.boolean().default(false),
    blockWords: z.array(z.string().trim().min(1).max(30)).max(200).default([]),
  })
  .strict();

export class RoomInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RoomInputError';
  }
}

export interface LiveRoomsDeps {
  store: DocumentStore;
  promotions: Pick<Promotions, 'catalog'>;
  /** whether a product id is in the catalogue (unknown ids are refused) */
  productExists: (id: string) => boolean;
  now?: () => Date;
}

export class LiveRooms {
  private readonly cache = new Map<string, { room: RoomDoc; at: number }>();
  private readonly now: () => Date;

  constructor(private readonly deps: LiveRoomsDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex(LIVE_ROOMS, { fields: { createdAt: 1 } });
  }

  private get rooms() {
    return this.deps.store.collection<RoomDoc>(LIVE_ROOMS);
  }

  /** Validates the admin's input (RoomInputError names the field) and stores the room with its offers. */
  async create(input: unknown, createdBy?: string): Promise<RoomDoc> {
    const parsed = roomInputSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new RoomInputError(`${issue.path.join('.') || 'body'}: ${issue.message}`);
    }
    const spec = parsed.data;
    const unknown = spec.productIds.find((id) => !this.deps.productExists(id));
    if (unknown) throw new RoomInputError(`productIds: unknown product ${unknown}`);
    const _id = `lr_${crypto.randomBytes(8).toString('hex')}`;
    const offers: RoomOffer[] = [];
    for (const offer of spec.offers) offers.push(await this.offerOf(_id, offer, spec.productIds));
    const room: RoomDoc = { _id, ...spec, offers, createdAt: this.now(), ...(createdBy ? { createdBy } : {}) };
    await this.rooms.insertOne(room);
    if (spec.offers.some((o) => 'text' in o)) this.deps.promotions.catalog.invalidate();
    return room;
  }

  /** The room, read through a few seconds' cache: every comment batch asks for it. */
  async get(id: string): Promise<RoomDoc | undefined> {
    const hit = this.cache.get(id);
    if (hit && Date.now() - hit.at < 5000) return hit.room;
    const room = (await this.rooms.findOne({ _id: id })) ?? undefined;
    if (room) this.cache.set(id, { room, at: Date.now() });
    else this.cache.delete(id);
    return room;
  }

  async list(limit = 200): Promise<RoomDoc[]> {
    return this.rooms.find({}, { sort: { createdAt: -1 }, limit });
  }

  private async offerOf(roomId: string, offer: z.infer<typeof offerSchema>, productIds: string[]): Promise<RoomOffer> {
    if ('promotionId' in offer) {
      const existing = await this.deps.store.collection<PromotionDoc>(PROMOTIONS).findOne({ _id: offer.promotionId });
      if (!existing?.gift) throw new RoomInputError(`offers: ${offer.promotionId} is not a gift promotion`);
      return { promotionId: existing._id, text: existing.title, quota: existing.gift.quota };
    }
    const now = this.now();
    const endsAt = offer.endsAt ? new Date(offer.endsAt) : new Date(now.getTime() + 7 * DAY);
    if (endsAt <= now) throw new RoomInputError('offers.endsAt: must be in the future');
    const promotionId = `live-${roomId}-${crypto.randomBytes(3).toString('hex')}`;
    const promotion: PromotionDoc = {
      _id: promotionId,
      kind: 'gift',
      title: offer.text,
      titleEn: offer.text,
      description: offer.text,
      descriptionEn: offer.text,
      startsAt: now,
      endsAt,
      // not for hesitation offers; "领取赠品" on these products in any chat draws from the same quota
      scope: { productIds },
      gift: { name: offer.text, nameEn: offer.text, quota: offer.quota, remaining: offer.quota },
      source: `live:${roomId}`,
    };
    await this.deps.store.collection<PromotionDoc>(PROMOTIONS).insertOne(promotion);
    return { promotionId, text: offer.text, quota: offer.quota };
  }
}
