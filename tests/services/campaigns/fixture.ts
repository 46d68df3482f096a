/**
 * A campaign world for tests: generated customers (identities, segment records, profiles in the bot
 * state) in an in-memory store, a frozen clock moved by hand, a recording fake delivery, and any number
 * of scheduler instances (JobRunner + CampaignEngine) on the one store.
 */
import { EmbeddedStore } from '../../../storage';
import { DocumentBotStorage } from '../../../storage/botStateStorage';
import { JobRunner } from '../../../storage/jobs';
import { CampaignEngine, CampaignEngineOptions, profilesFromBotState, SegmentRecorder } from '../../../services/campaigns';
import type { CampaignDelivery, CampaignMessage, SendOutcome } from '../../../services/campaigns';

type Doc = { _id: string; [field: string]: unknown };

export const START = new Date('2025-06-02T04:00:00Z'); // noon in Shanghai
const DAY = 86_400_000;
const NO_PACING = { telegram: Infinity, wechat: Infinity, app: Infinity, webchat: Infinity, default: Infinity };

export interface Person {
  id: string;
  channels: string[];
  language?: 'zh' | 'en';
  skinType?: string;
  concerns?: string[];
  /** days since the last message; undefined = never wrote (segment record absent) */
  silentDays?: number;
}

/** Records every message; `answer` decides the outcome per customer (default: sent on the customer's first channel). */
export class RecordingDelivery implements CampaignDelivery {
  readonly messages: CampaignMessage[] = [];
  answer: (msg: CampaignMessage) => SendOutcome | Promise<SendOutcome> = () => ({ status: 'sent', channelId: 'app' });

  async send(msg: CampaignMessage): Promise<SendOutcome> {
    const outcome = await this.answer(msg);
    if (outcome.status === 'sent') this.messages.push(msg);
    return outcome;
  }

  /** how many messages each customer got from one campaign */
  perCustomer(campaignId: string): Map<string, number> {
    const m = new Map<string, number>();
    for (const msg of this.messages) if (msg.campaignId === campaignId) m.set(msg.customerId, (m.get(msg.customerId) ?? 0) + 1);
    return m;
  }
}

export class CampaignWorld {
  readonly store = new EmbeddedStore(null);
  readonly delivery = new RecordingDelivery();
  now = new Date(START);
  readonly clock = () => new Date(this.now);

  static async create(people: Person[]): Promise<CampaignWorld> {
    const w = new CampaignWorld();
    await JobRunner.ensureIndexes(w.store);
    await CampaignEngine.ensureIndexes(w.store);
    await SegmentRecorder.ensureIndexes(w.store);
    await w.add(people);
    return w;
  }

  async add(people: Person[]): Promise<void> {
    const created = new Date(START.getTime() - 200 * DAY);
    await this.store.collection<Doc>('customers').insertMany(
      people.map((p) => ({ _id: p.id, identities: p.channels.map((c) => ({ channelId: c, userId: `u-${p.id}` })), createdAt: created, updatedAt: created })),
    );
    await this.store.collection<Doc>('identities').insertMany(
      people.flatMap((p) => p.channels.map((c) => ({ _id: `${c}:u-${p.id}`, channelId: c, userId: `u-${p.id}`, customerId: p.id }))),
    );
    const segs = people.filter((p) => p.silentDays !== undefined);
    if (segs.length) {
      await this.store.collection<Doc>('campaignSegments').insertMany(
        segs.map((p) => ({ _id: p.id, channels: p.channels, lastChannel: p.channels[0], lastActiveAt: new Date(START.getTime() - p.silentDays! * DAY) })),
      );
    }
    const state = new DocumentBotStorage(this.store);
    const withProfile = people.filter((p) => p.language || p.skinType || p.concerns);
    for (let i = 0; i < withProfile.length; i += 200) {
      const items: Record<string, unknown> = {};
      for (const p of withProfile.slice(i, i + 200)) items[`customer/${p.id}`] = { profile: { language: p.language, skinType: p.skinType, concerns: p.concerns } };
      await state.write(items);
    }
  }

  /** One scheduler instance: a JobRunner and an engine registered on it. */
  instance(id: string, options: Partial<CampaignEngineOptions> = {}): { runner: JobRunner; engine: CampaignEngine } {
    const runner = new JobRunner(this.store, { instanceId: id, now: this.clock, lockMs: 60_000 });
    const botState = new DocumentBotStorage(this.store);
    const engine = new CampaignEngine({
      store: this.store,
      instanceId: id,
      delivery: this.delivery,
      now: this.clock,
      audience: { segments: new SegmentRecorder(this.store), profiles: profilesFromBotState((k) => botState.read(k), (c) => `customer/${c}`), category: () => undefined },
      getProduct: () => undefined,
      crossSell: () => [],
      rates: NO_PACING,
      pageSize: 50,
      pagesPerRun: 2,
      maxPerRun: 40,
      continueAfterMs: 1,
      idleMs: 1,
      ...options,
    });
    engine.register(runner);
    return { runner, engine };
  }

  /** Polls the runners (clock + 1 ms each round) until `done()` or `rounds` polls. */
  async drive(runners: JobRunner[], done: () => Promise<boolean>, rounds = 500): Promise<number> {
    for (let i = 0; i < rounds; i++) {
      if (await done()) return i;
      this.now = new Date(this.now.getTime() + 1);
      await Promise.all(runners.map((r) => r.runDue()));
      await new Promise((r) => setImmediate(r)); // lets work started elsewhere (a runner left running) move on
    }
    throw new Error(`not done after ${rounds} rounds`);
  }

  async state(engine: CampaignEngine, id: string): Promise<string | undefined> {
    return (await engine.get(id))?.state;
  }
}

export function people(n: number, make: (i: number) => Partial<Person> = () => ({})): Person[] {
  return Array.from({ length: n }, (_, i) => ({ id: `c_${String(i).padStart(5, '0')}`, channels: ['app'], silentDays: 1, ...make(i) }));
}

export const PROMO = { name: 'summer', type: 'promotion' as const, audience: {}, message: { zh: '夏日特惠', en: 'Summer sale' } };
