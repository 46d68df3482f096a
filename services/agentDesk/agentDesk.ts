/**
 * The agent desk: what a human agent does with the handoff queue. A view of the queue, claiming a
 * customer (the handoff record's atomic queued → agent update), replying through the customer's channel,
 * private notes, transfer, release to the bot and resolve (which asks for a rating). Only the agent who
 * holds a conversation acts on it; an admin may act on any (a supervisor stepping in).
 */
import type { Logger } from '../../platform/logger';
import type { CustomerDelivery, DeliveryResult } from '../delivery/types';
import { HandoffRecord, HandoffService, HandoffTransitionError } from '../handoff';
import type { AgentAssignment } from './assignment';
import type { DeskEvents } from './deskEvents';
import { DESK_NOTICES, languageOf } from './notices';
import type { ConversationHistory, HistoryEntry, SatisfactionSurvey, StaffRoster } from './types';
import { DeskError } from './types';

export interface QueueItem {
  customerId: string;
  state: 'queued' | 'agent';
  reason: string | null;
  sentiment: { label: string; anger: number } | null;
  channelId: string | null;
  summary: string;
  since: string;
  waitSeconds: number;
  agent?: string;
}

/** Who is acting: an agent acts on what they hold; an admin on anything. */
export interface DeskActor {
  username: string;
  admin: boolean;
}

export interface AgentDeskDeps {
  handoffs: HandoffService;
  delivery: CustomerDelivery;
  log: ConversationHistory;
  csat: SatisfactionSurvey;
  roster: StaffRoster;
  /** the channel the customer used last */
  lastChannel(customerId: string): Promise<string | undefined>;
  logger: Logger;
}

export class AgentDesk {
  /** set once the assignment and live events exist (they call back into the desk) */
  assignment: AgentAssignment | undefined;
  events: DeskEvents | undefined;

  constructor(private readonly deps: AgentDeskDeps) {}

  async queue(now = new Date()): Promise<QueueItem[]> {
    const records = await this.deps.handoffs.list();
    return Promise.all(
      records.map(async (r) => {
        const since = new Date(r.since);
        const item: QueueItem = {
          customerId: r._id,
          state: r.state === 'agent' ? 'agent' : 'queued',
          reason: r.reason ?? null,
          sentiment: r.summary?.sentiment ?? null,
          channelId: (await this.deps.lastChannel(r._id).catch(() => undefined)) ?? null,
          summary: r.summary?.text ?? '',
          since: since.toISOString(),
          waitSeconds: Math.max(0, Math.round((now.getTime() - since.getTime()) / 1000)),
        };
        if (r.agentId) item.agent = r.agentId;
        return item;
      }),
    );
  }

  async record(customerId: string): Promise<HandoffRecord | null> {
    return this.deps.handoffs.get(customerId);
  }

  /** queued → held by `agent`. Claiming what one already holds is a no-op. */
  async claim(customerId: string, agent: string): Promise<HandoffRecord> {
    try {
      const record = await this.deps.handoffs.accept(customerId, agent);
      await this.joined(customerId, agent, record);
      return record;
    } catch (err) {
      if (!(err instanceof HandoffTransitionError)) throw err;
      const existing = await this.deps.handoffs.get(customerId);
      if (!existing) throw new DeskError('not_found', `no handoff for customer ${customerId}`);
      if (existing.state === 'agent' && existing.agentId === agent) return existing;
      if (existing.state === 'agent') throw new DeskError('held', `customer ${customerId} is held by ${existing.agentId}`, existing.agentId);
      throw new DeskError('not_queued', `customer ${customerId} is with the bot`);
    }
  }

  /** After a claim or an automatic assignment: the customer hears a person joined; consoles hear the queue moved. */
  async joined(customerId: string, agent: string, record?: HandoffRecord): Promise<void> {
    const lang = languageOf((record ?? (await this.deps.handoffs.get(customerId)))?.summary?.language);
    const name = await this.displayName(agent);
    await this.notify(customerId, DESK_NOTICES.agentJoined(lang, name), name);
    void this.events?.nudge();
  }

  async sendMessage(customerId: string, actor: DeskActor, text: string): Promise<DeliveryResult> {
    const record = await this.held(customerId, actor);
    const agentName = await this.displayName(record.agentId ?? actor.username);
    const result = await this.deps.delivery.deliver(customerId, { text, kind: 'agent', agentName });
    this.deps.log.append({ customerId, at: new Date(), from: 'agent', text, agent: actor.username, ...(result.channelId ? { channelId: result.channelId } : {}) });
    await this.deps.handoffs.touch(customerId);
    void this.events?.nudge();
    return result;
  }

  /** Private: kept in the conversation's history for staff, never delivered. */
  async addNote(customerId: string, actor: DeskActor, text: string): Promise<void> {
    if (!(await this.deps.handoffs.get(customerId))) throw new DeskError('not_found', `no handoff for customer ${customerId}`);
    this.deps.log.append({ customerId, at: new Date(), from: 'note', text, agent: actor.username });
    await this.deps.handoffs.touch(customerId);
    void this.events?.nudge();
  }

  async transfer(customerId: string, actor: DeskActor, to: string): Promise<HandoffRecord> {
    const target = await this.deps.roster.agent(to);
    if (!target) throw new DeskError('unknown_agent', `no agent ${to}`);
    const current = await this.held(customerId, actor);
    const moved = await this.deps.handoffs.transfer(customerId, current.agentId ?? actor.username, to);
    if (!moved) return this.refuse(customerId, actor); // it changed hands meanwhile
    const name = target.displayName ?? target.username;
    await this.notify(customerId, DESK_NOTICES.transferred(languageOf(moved.summary?.language), name), name);
    this.system(customerId, `${current.agentId} transferred to ${to}`);
    void this.events?.nudge();
    void this.assignment?.assignWaiting();
    return moved;
  }

  /** Back to the bot; the customer is told. A waiting (unclaimed) customer can be sent back too. */
  async release(customerId: string, actor: DeskActor): Promise<HandoffRecord> {
    const record = await this.end(customerId, actor, true);
    await this.notify(customerId, DESK_NOTICES.botBack(languageOf(record.summary?.language)));
    return record;
  }

  /** Ends the conversation and asks the customer for a 1–5 rating. */
  async resolve(customerId: string, actor: DeskActor): Promise<HandoffRecord> {
    const holder = (await this.held(customerId, actor)).agentId;
    const record = await this.end(customerId, actor, false);
    this.system(customerId, `resolved by ${actor.username}`);
    await this.deps.csat.ask(customerId, holder ?? actor.username);
    return record;
  }

  async history(customerId: string, limit = 200): Promise<HistoryEntry[]> {
    const [logged, record] = await Promise.all([this.deps.log.history(customerId, { limit }), this.deps.handoffs.get(customerId)]);
    // the handoff inbox holds what the customer wrote while waiting or held; the log has it too unless
    // its buffer has not been written yet, so an inbox line the log lacks is added
    const extra = (record?.inbox ?? [])
      .filter((m) => !logged.some((e) => e.from === 'customer' && e.text === m.text && Math.abs(new Date(e.at).getTime() - new Date(m.at).getTime()) < 60_000))
      .map((m): HistoryEntry => ({ customerId, at: new Date(m.at), from: 'customer', text: m.text }));
    return [...logged, ...extra].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime()).slice(-limit);
  }

  private async end(customerId: string, actor: DeskActor, queuedToo: boolean): Promise<HandoffRecord> {
    const record = await this.deps.handoffs.get(customerId);
    if (!record || record.state === 'bot') throw new DeskError(record ? 'not_held' : 'not_found', `customer ${customerId} is not with an agent`);
    let ended: HandoffRecord | null;
    if (record.state === 'queued' && queuedToo) ended = await this.deps.handoffs.release(customerId).catch(() => null);
    else {
      if (record.state !== 'agent' || (!actor.admin && record.agentId !== actor.username)) return this.refuse(customerId, actor);
      ended = await this.deps.handoffs.releaseHeld(customerId, record.agentId!);
    }
    if (!ended) return this.refuse(customerId, actor);
    void this.events?.nudge();
    void this.assignment?.assignWaiting(); // a slot is free
    return ended;
  }

  /** The record when `actor` may act on it (they hold it, or they are an admin and someone does). */
  private async held(customerId: string, actor: DeskActor): Promise<HandoffRecord> {
    const record = await this.deps.handoffs.get(customerId);
    if (record?.state === 'agent' && (record.agentId === actor.username || actor.admin)) return record;
    return this.refuse(customerId, actor);
  }

  private async refuse(customerId: string, actor: DeskActor): Promise<never> {
    const record = await this.deps.handoffs.get(customerId);
    if (!record) throw new DeskError('not_found', `no handoff for customer ${customerId}`);
    if (record.state === 'agent' && record.agentId !== actor.username) {
      throw new DeskError('held', `customer ${customerId} is held by ${record.agentId}`, record.agentId);
    }
    throw new DeskError('not_held', `you do not hold customer ${customerId}: claim it first`);
  }

  private async displayName(username: string): Promise<string> {
    return (await this.deps.roster.agent(username).catch(() => undefined))?.displayName ?? username;
  }

  private async notify(customerId: string, text: string, agentName?: string): Promise<void> {
    const result = await this.deps.delivery.deliver(customerId, { text, kind: 'notice', ...(agentName ? { agentName } : {}) }).catch((err: unknown) => {
      this.deps.logger.warn({ err, customerId }, 'agent desk: could not deliver a notice');
      return { delivered: false } as DeliveryResult;
    });
    if (result.delivered) this.deps.log.append({ customerId, at: new Date(), from: 'system', text, ...(result.channelId ? { channelId: result.channelId } : {}) });
  }

  /** A line for staff in the history (who joined, transferred, resolved); not sent to the customer. */
  private system(customerId: string, text: string): void {
    this.deps.log.append({ customerId, at: new Date(), from: 'system', text });
  }
}
