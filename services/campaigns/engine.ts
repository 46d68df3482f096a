/**
 * The campaign engine: campaigns created by the admin API run as durable jobs (storage/jobs.ts) that
 * any instance may pick up.
 *   campaign:plan  walks the audience a page (~500 customers) at a time and writes one send row per
 *                  (campaign, customer); the cursor is saved after each page, so a restart redoes at
 *                  most one page, and the rows' unique key makes that harmless.
 *   campaign:send  takes pending rows in batches per lane and sends each through CampaignDelivery.
 * Each run does a bounded amount of work, then schedules its continuation (keys: campaign, generation,
 * step). Pause stops both at the next page or batch; resume bumps the generation and schedules fresh
 * jobs from where the campaign stood.
 */
import crypto from 'node:crypto';
import type { DocumentStore } from '../../storage/documentStore';
import type { JobContext, JobRecord, JobSpec } from '../../storage/jobs';
import { needsOrders, needsProfile } from './audience';
import { AudienceReader, AudienceSources } from './audienceReader';
import { CampaignStore, sendId } from './campaignStore';
import { campaignReport, CampaignReport } from './reports';
import { CampaignSender, SenderOptions } from './sender';
import { targetOf, TargetingSources } from './targeting';
import { AlertSubscriptions, Audience, CampaignDoc, CampaignParams, CampaignSendDoc, CampaignText, CampaignType, PLAN_JOB, SEND_JOB } from './types';

/** The slice of JobRunner the engine uses. */
export interface Jobs {
  schedule(spec: JobSpec): Promise<JobRecord>;
  handle(name: string, handler: (job: JobRecord, ctx: JobContext) => Promise<void>): void;
}

export interface NewCampaign {
  name: string;
  type: CampaignType;
  audience: Audience;
  message: CampaignText;
  params?: CampaignParams;
  startAt?: Date;
  createdBy?: string;
}

export interface CampaignEngineOptions extends Omit<SenderOptions, 'stillRunning' | 'now' | 'getProduct'>, TargetingSources {
  store: DocumentStore;
  audience: Omit<AudienceSources, 'store'>;
  alerts?: AlertSubscriptions;
  now?: () => Date;
  pageSize?: number;
  /** pages one plan run takes before it hands over to its continuation */
  pagesPerRun?: number;
  /** a continuation waits this long (0: at once; tests set 1 ms with a frozen clock to stop between runs) */
  continueAfterMs?: number;
  /** when nothing is due but the campaign is not finished (planning still going, rows deferred) */
  idleMs?: number;
}

export interface CampaignSummary {
  id: string;
  name: string;
  type: CampaignType;
  state: CampaignDoc['state'];
  startAt: string;
  createdAt: string;
  counts: { targeted: number; sent: number; skipped: number; failed: number; pending: number };
}

export class CampaignEngine {
  readonly rows: CampaignStore;
  private readonly reader: AudienceReader;
  private readonly sender: CampaignSender;
  private readonly now: () => Date;
  private jobs?: Jobs;

  constructor(private readonly o: CampaignEngineOptions) {
    this.rows = new CampaignStore(o.store);
    this.reader = new AudienceReader({ store: o.store, ...o.audience });
    this.now = o.now ?? (() => new Date());
    this.sender = new CampaignSender(this.rows, {
      ...o,
      now: this.now,
      stillRunning: async (id) => (await this.rows.get(id))?.state === 'running',
    });
  }

  static ensureIndexes(store: DocumentStore): Promise<void> {
    return CampaignStore.ensureIndexes(store);
  }

  /** Registers the job handlers on a runner; campaigns are scheduled through it from then on. */
  register(jobs: Jobs): void {
    this.jobs = jobs;
    jobs.handle(PLAN_JOB, (job, ctx) => this.planRun(job, ctx));
    jobs.handle(SEND_JOB, (job, ctx) => this.sendRun(job, ctx));
  }

  async create(input: NewCampaign): Promise<CampaignDoc> {
    const now = this.now();
    const startAt = input.startAt ?? now;
    const doc: CampaignDoc = {
      _id: `cmp_${crypto.randomBytes(8).toString('base64url')}`,
      name: input.name,
      type: input.type,
      audience: input.audience,
      params: input.params ?? {},
      message: input.message,
      startAt,
      state: 'scheduled',
      createdAt: now,
      updatedAt: now,
      ...(input.createdBy ? { createdBy: input.createdBy } : {}),
      generation: 0,
      planned: false,
      lanes: [],
      reasons: [],
    };
    await this.rows.insert(doc);
    await this.schedule(PLAN_JOB, doc, 0, startAt);
    return doc;
  }

  get(id: string): Promise<CampaignDoc | null> {
    return this.rows.get(id);
  }

  async list(limit = 100): Promise<CampaignSummary[]> {
    const docs = await this.rows.list(limit);
    return Promise.all(
      docs.map(async (c) => {
        const n = await this.rows.counts(c);
        const skipped = Object.values(n.skipped).reduce((a, b) => a + b, 0);
        return {
          id: c._id,
          name: c.name,
          type: c.type,
          state: c.state,
          startAt: new Date(c.startAt).toISOString(),
          createdAt: new Date(c.createdAt).toISOString(),
          counts: { targeted: n.targeted, sent: n.sent, skipped, failed: n.failed, pending: n.pending },
        };
      }),
    );
  }

  /** null: unknown campaign; 'conflict': not in a state this applies to. */
  async pause(id: string): Promise<CampaignDoc | null | 'conflict'> {
    const c = await this.rows.transition(id, ['scheduled', 'running'], 'paused');
    return c ?? ((await this.rows.get(id)) ? 'conflict' : null);
  }

  async resume(id: string): Promise<CampaignDoc | null | 'conflict'> {
    const current = await this.rows.get(id);
    if (!current) return null;
    const now = this.now();
    const to = new Date(current.startAt) > now ? 'scheduled' : 'running';
    const c = await this.rows.transition(id, ['paused'], to, {}, { generation: 1 });
    if (!c) return 'conflict';
    if (!c.planned) await this.schedule(PLAN_JOB, c, 0, new Date(Math.max(now.getTime(), new Date(c.startAt).getTime())));
    else await this.schedule(SEND_JOB, c, 0, now);
    return c;
  }

  async report(id: string): Promise<(CampaignReport & { state: CampaignDoc['state'] }) | null> {
    const c = await this.rows.get(id);
    if (!c) return null;
    return { state: c.state, ...(await campaignReport(this.o.store, this.rows, c)) };
  }

  private async schedule(name: string, c: CampaignDoc, step: number, runAt: Date): Promise<void> {
    if (!this.jobs) throw new Error('campaign engine: register(jobs) before scheduling');
    const kind = name === PLAN_JOB ? 'p' : 's';
    await this.jobs.schedule({ name, key: `${c._id}:g${c.generation}:${kind}${step}`, runAt, data: { campaignId: c._id, generation: c.generation, step } });
  }

  /** The campaign this job is for, when it is still the live generation and not paused or done. */
  private async live(job: JobRecord): Promise<CampaignDoc | undefined> {
    const { campaignId, generation } = (job.data ?? {}) as { campaignId?: string; generation?: number };
    const c = campaignId ? await this.rows.get(campaignId) : null;
    if (!c || c.generation !== generation || (c.state !== 'running' && c.state !== 'scheduled')) return undefined;
    if (c.state === 'scheduled') return (await this.rows.transition(c._id, ['scheduled'], 'running')) ?? undefined;
    return c;
  }

  private later(): Date {
    return new Date(this.now().getTime() + (this.o.continueAfterMs ?? 0));
  }

  private async planRun(job: JobRecord, ctx: JobContext): Promise<void> {
    let c = await this.live(job);
    if (!c) return;
    const step = Number((job.data as { step?: number }).step ?? 0);
    const size = this.o.pageSize ?? 500;
    const needs = { profile: needsProfile(c.audience), orders: needsOrders(c.audience, c.type), language: c.audience.language !== undefined };
    for (let page = 0; page < (this.o.pagesPerRun ?? 10); page++) {
      const now = this.now();
      let facts;
      let last: string | undefined;
      let full: boolean;
      if (c.type === 'alert') {
        const alert = c.params.alert;
        const ids = alert && this.o.alerts ? await this.o.alerts.subscribers(alert.kind, alert.productId, c.planCursor, size) : [];
        facts = await this.reader.facts(ids, needs);
        last = ids.at(-1);
        full = ids.length === size;
      } else {
        const r = await this.reader.page(c.planCursor, size, needs);
        facts = r.facts;
        last = r.last;
        full = r.read === size;
      }
      const rows: CampaignSendDoc[] = [];
      for (const f of facts) {
        const t = await targetOf(c, f, now, this.o);
        if (t) rows.push({ _id: sendId(c._id, t.customerId), campaignId: c._id, customerId: t.customerId, queue: `${c._id}|pending|${t.lane}`, status: 'pending', lane: t.lane, ...(t.productId ? { productId: t.productId } : {}), plannedAt: now, attempts: 0 });
      }
      await this.rows.insertRows(rows);
      const lanes = [...new Set([...c.lanes, ...rows.map((r) => r.lane)])];
      const planned = !full;
      const next = await this.rows.campaigns.findOneAndUpdate(
        { _id: c._id, generation: c.generation },
        { $set: { lanes, planned, ...(last !== undefined ? { planCursor: last } : {}), ...(planned ? { plannedAt: now } : {}) } },
      );
      if (!next) return;
      if (rows.length > 0 || planned) await this.schedule(SEND_JOB, next, 0, now);
      if (planned || next.state !== 'running') return;
      c = next;
      await ctx.heartbeat();
    }
    await this.schedule(PLAN_JOB, c, step + 1, this.later());
  }

  private async sendRun(job: JobRecord, ctx: JobContext): Promise<void> {
    const c = await this.live(job);
    if (!c) return;
    const step = Number((job.data as { step?: number }).step ?? 0);
    const ended = await this.sender.run(c, () => ctx.heartbeat());
    const now = this.now();
    const after = await this.rows.get(c._id);
    if (!after || after.state !== 'running' || after.generation !== c.generation) return;
    let open = 0;
    for (const lane of after.lanes) open += await this.rows.open(c._id, lane);
    if (open === 0 && after.planned) {
      await this.rows.transition(c._id, ['running'], 'done', { doneAt: now });
      return;
    }
    // nothing ended this run: what is left waits (deferred rows, a runner's stale lock, planning)
    const runAt = ended > 0 ? this.later() : new Date(now.getTime() + (this.o.idleMs ?? 5000));
    await this.schedule(SEND_JOB, after, step + 1, runAt);
  }
}
