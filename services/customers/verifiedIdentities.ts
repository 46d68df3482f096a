/**
 * Identities proven by a platform, not asserted by a payload: a WeChat unionid (the same person on the
 * Official Account and the Mini Program, told to us by WeChat's servers) and a phone number a platform
 * verified (the caller id of a signed Twilio call, a number WeChat returned for the Mini Program's phone
 * button). Each proof is one more identity in the customer directory, so whoever presents the same proof
 * on another channel is the same customer. Only a verified route may call attach(): it is how one
 * customer's channels meet, and a forged proof would hand one person's orders to another.
 *
 * The proof's value is stored as a keyed hash (the directory's identity ids are not encrypted), so the
 * identity collection holds no phone number or unionid.
 */
import type { ChannelIdentity, CustomerDirectory } from './customerDirectory';

export type VerifiedProof = { kind: 'unionid'; value: string } | { kind: 'phone'; value: string };

/** the pseudo-channels the proofs live under in the directory */
export const PROOF_CHANNELS = { unionid: 'wechat-unionid', phone: 'verified-phone' } as const;

export class ProofError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProofError';
  }
}

/**
 * A phone number in E.164 (+<country><number>); mainland numbers without a country code get +86.
 * undefined when it is not a phone number.
 */
export function normalizePhone(raw: string): string | undefined {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/[\s()-]/g, '');
  if (/^1[3-9]\d{9}$/.test(digits)) return `+86${digits}`;
  if (/^(?:\+|00)\d{7,15}$/.test(digits)) return `+${digits.replace(/^(?:\+|00)/, '')}`;
  return undefined;
}

export class VerifiedIdentities {
  constructor(
    private readonly directory: CustomerDirectory,
    /** keyed hash of the proof (the store cipher's lookupHash) */
    private readonly hash: (text: string) => string,
  ) {}

  /** The directory identity a proof stands for. */
  proofIdentity(proof: VerifiedProof): ChannelIdentity {
    const value = proof.kind === 'phone' ? normalizePhone(proof.value) : proof.value.trim();
    if (!value || value.length > 128) throw new ProofError(`not a usable ${proof.kind}`);
    return { channelId: PROOF_CHANNELS[proof.kind], userId: this.hash(`${proof.kind}:${value}`) };
  }

  /**
   * Joins the channel identity with the person the proof belongs to, before the identity's turn runs
   * (never from inside a turn: linking takes two customers' locks). A proof seen for the first time
   * becomes an identity of this customer; a proof known from another channel brings this identity to
   * that customer, whose history, profile and dialog carry on. Returns the customer id.
   */
  async attach(identity: ChannelIdentity, proof: VerifiedProof): Promise<string> {
    const proofId = this.proofIdentity(proof);
    const [known, mine] = await Promise.all([this.directory.find(proofId), this.directory.find(identity)]);
    if (known !== undefined && known === mine) return known; // the usual case: two reads, no write
    // the person who proved it first survives; a first proof joins this identity's customer
    return known !== undefined ? this.directory.link(proofId, identity) : this.directory.link(identity, proofId);
  }
}
