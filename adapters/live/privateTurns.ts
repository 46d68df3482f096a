/**
 * A viewer's private follow-up: a real bot turn in the viewer's own customer session (channel `live`),
 * its replies in the room's private outbox, then — once per code lifetime — a one-time link code so the
 * viewer can carry the same conversation on in web chat or the mini program. Also the private notes of
 * offer claims. Runs in the background queue, never on the comment request.
 */
import crypto from 'node:crypto';
import { LinkRateLimitedError, type LinkCodes } from '../../services/customers/linkCodes';
import type { CustomerDirectory } from '../../services/customers';
import type { OfferClaim, PrivateMessages, RoomDoc, RoomOffers } from '../../services/live';
import type { TurnHandler } from '../../dialogs/turn/turnContracts';
import { hasCjk } from '../../platform/text/normalize';
import { CHANNEL_TEXT } from '../text';
import type { LiveAdapter } from './liveAdapter';
import { LIVE_TEXT } from './text';
import { LIVE_CHANNEL_ID, LiveComment, toActivity, viewerIdOf } from './toActivity';

const CODE_LIFETIME_MS = 10 * 60_000;
const MAX_REMEMBERED = 50_000;

export interface PrivateTurnDeps {
  adapter: LiveAdapter;
  bot: TurnHandler;
  outbox: Pick<PrivateMessages, 'push'>;
  offers: Pick<RoomOffers, 'claim'>;
  linkCodes: Pick<LinkCodes, 'issue'>;
  directory: Pick<CustomerDirectory, 'resolve'>;
}

const langOf = (text: string): 'zh' | 'en' => (hasCjk(text) || !/[a-z]/i.test(text) ? 'zh' : 'en');

export class PrivateTurns {
  /** viewers given a code that is still valid: one code per viewer per lifetime, not one per message */
  private readonly codeGiven = new Map<string, number>();

  constructor(private readonly deps: PrivateTurnDeps) {}

  async run(room: RoomDoc, comment: LiveComment): Promise<void> {
    const { adapter, bot } = this.deps;
    const lang = langOf(comment.text);
    if (comment.type !== 'text') {
      await this.deps.outbox.push({ roomId: room._id, userId: comment.userId, text: CHANNEL_TEXT.unsupported[lang] });
      return;
    }
    const picked = adapter.choiceFor(viewerIdOf(room.platform, comment.userId), comment.text);
    const activity = toActivity(room._id, room.platform, picked ? { ...comment, text: picked } : comment, crypto.randomUUID(), new Date());
    await adapter.processActivity(activity, (context) => bot.run(context));
    await this.offerCode(room, comment.userId, lang);
  }

  /** Claims the room's offers for the viewer and tells them, privately, how it went. */
  async claimOffers(room: RoomDoc, comment: LiveComment): Promise<void> {
    const viewer = viewerIdOf(room.platform, comment.userId);
    const customerId = await this.deps.directory.resolve({ channelId: LIVE_CHANNEL_ID, userId: viewer });
    const lang = langOf(comment.text);
    for (const claim of await this.deps.offers.claim(room, customerId)) {
      const text = claimText(claim, lang);
      if (text) await this.deps.outbox.push({ roomId: room._id, userId: comment.userId, customerId, text });
    }
  }

  private async offerCode(room: RoomDoc, userId: string, lang: 'zh' | 'en'): Promise<void> {
    const viewer = viewerIdOf(room.platform, userId);
    const now = Date.now();
    const given = this.codeGiven.get(viewer);
    if (given !== undefined && now - given < CODE_LIFETIME_MS) return;
    try {
      const { code } = await this.deps.linkCodes.issue({ channelId: LIVE_CHANNEL_ID, userId: viewer });
      this.codeGiven.delete(viewer);
      if (this.codeGiven.size >= MAX_REMEMBERED) this.codeGiven.delete(this.codeGiven.keys().next().value as string);
      this.codeGiven.set(viewer, now);
      const customerId = await this.deps.directory.resolve({ channelId: LIVE_CHANNEL_ID, userId: viewer });
      await this.deps.outbox.push({ roomId: room._id, userId, customerId, text: LIVE_TEXT.continueElsewhere[lang](code) });
    } catch (err) {
      // five codes an hour per viewer: past that the conversation simply stays here
      if (!(err instanceof LinkRateLimitedError)) throw err;
    }
  }
}

function claimText(claim: OfferClaim, lang: 'zh' | 'en'): string | undefined {
  if (claim.result === 'claimed') return LIVE_TEXT.offerClaimed[lang](claim.text, claim.remaining ?? 0);
  if (claim.result === 'already_claimed') return LIVE_TEXT.offerAlreadyClaimed[lang](claim.text);
  if (claim.result === 'sold_out') return LIVE_TEXT.offerSoldOut[lang](claim.text);
  return undefined;
}
