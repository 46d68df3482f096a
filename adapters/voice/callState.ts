/**
 * What one call remembers between webhooks, in the store (any instance may get the next request): the
 * language it is in, the choices read out last (so key 2 means the second of them), how many times in a
 * row the caller said nothing; that it exists at all says the caller's number was already proven for
 * this call. Keyed by CallSid; no number, no customer id, no customer text. Expires a few hours after
 * the call's last request.
 */
import type { DocumentStore } from '../../storage/documentStore';
import type { VoiceLanguage } from './config';

export const VOICE_CALLS = 'voiceCalls';
const KEEP_MS = 4 * 3600_000;

export interface VoiceCall {
  _id: string;
  language: VoiceLanguage;
  choices: string[];
  silences: number;
  expiresAt: Date;
}

export class VoiceCalls {
  private indexed?: Promise<void>;

  constructor(
    private readonly store: DocumentStore,
    private readonly now: () => number = Date.now,
  ) {}

  private get calls() {
    return this.store.collection<VoiceCall>(VOICE_CALLS);
  }

  private ensureIndex(): Promise<void> {
    this.indexed ??= this.store.ensureIndex(VOICE_CALLS, { fields: { expiresAt: 1 }, expireAfterSeconds: 0 });
    return this.indexed;
  }

  async get(callSid: string): Promise<VoiceCall | undefined> {
    return (await this.calls.findOne({ _id: callSid })) ?? undefined;
  }

  /** Records the call's state after a request (one upsert). */
  async save(callSid: string, state: Omit<VoiceCall, '_id' | 'expiresAt'>): Promise<void> {
    await this.ensureIndex();
    await this.calls.replaceOne({ _id: callSid }, { _id: callSid, ...state, expiresAt: new Date(this.now() + KEEP_MS) }, { upsert: true });
  }
}
