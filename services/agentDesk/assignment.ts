/**
 * Agent presence and automatic assignment. Agents say when they are online; waiting customers go to
 * online agents round-robin (the agent assigned longest ago first), each up to the capacity of their
 * account. Presence and the rotation live in the store, so every instance assigns the same way; the
 * claim itself is the handoff's atomic queued → agent update, so one customer never gets two agents.
 * (Two instances assigning at the same moment can put an agent one over capacity; never two on a customer.)
 */
import type { DocumentStore } from '../../storage/documentStore';
import type { Logger } from '../../platform/logger';
import { HandoffService, HandoffTransitionError } from '../handoff';
import type { StaffRoster } from './types';

export const PRESENCE_COLLECTION = 'agentPresence';

export interface PresenceDoc {
  _id: string; // username
  online: boolean;
  updatedAt: Date;
  lastAssignedAt?: Date;
}

interface Candidate {
  username: string;
  capacity: number;
  load: number;
  lastAssignedAt: number;
}

export class AgentAssignment {
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly store: DocumentStore,
    private readonly handoffs: HandoffService,
    private readonly roster: StaffRoster,
    /** tells the customer (and the desk's listeners) who took them */
    private readonly onAssigned: (customerId: string, agent: string) => Promise<void>,
    private readonly logger: Logger,
  ) {}

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store.ensureIndex(PRESENCE_COLLECTION, { fields: { online: 1 } });
  }

  private get presence() {
    return this.store.collection<PresenceDoc>(PRESENCE_COLLECTION);
  }

  async setOnline(username: string, online: boolean, now = new Date()): Promise<void> {
    await this.presence.updateOne({ _id: username }, { $set: { online, updatedAt: now } }, { upsert: true });
    if (online) await this.assignWaiting();
  }

  async isOnline(username: string): Promise<boolean> {
    return (await this.presence.findOne({ _id: username }))?.online === true;
  }

  async online(): Promise<string[]> {
    return (await this.presence.find({ online: true }, { limit: 500 })).map((p) => p._id);
  }

  /**
   * Gives waiting customers to online agents with a free slot. Calls that arrive while a pass runs are
   * folded into one more pass, so a burst of triggers costs at most two.
   */
  assignWaiting(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.pass();
        } while (this.again);
      } catch (err) {
        this.logger.error({ err }, 'automatic assignment failed');
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  private async pass(): Promise<void> {
    const present = await this.presence.find({ online: true }, { limit: 500 });
    if (present.length === 0) return;
    const active = await this.handoffs.list();
    const waiting = active.filter((r) => r.state === 'queued');
    if (waiting.length === 0) return;
    const load = new Map<string, number>();
    for (const r of active) if (r.state === 'agent' && r.agentId) load.set(r.agentId, (load.get(r.agentId) ?? 0) + 1);
    const candidates: Candidate[] = [];
    for (const p of present) {
      const account = await this.roster.agent(p._id);
      if (!account) continue; // disabled or removed since they went online
      candidates.push({ username: p._id, capacity: account.capacity, load: load.get(p._id) ?? 0, lastAssignedAt: p.lastAssignedAt ? new Date(p.lastAssignedAt).getTime() : 0 });
    }
    for (const customer of waiting) {
      const free = candidates.filter((c) => c.load < c.capacity);
      if (free.length === 0) return;
      free.sort((a, b) => a.lastAssignedAt - b.lastAssignedAt || a.username.localeCompare(b.username));
      const chosen = free[0];
      // strictly later than every stamp so far, so the rotation holds within one millisecond too
      const stamp = new Date(Math.max(Date.now(), ...candidates.map((c) => c.lastAssignedAt + 1)));
      try {
        await this.handoffs.accept(customer._id, chosen.username);
      } catch (err) {
        if (err instanceof HandoffTransitionError) continue; // claimed by hand or left the queue meanwhile
        throw err;
      }
      chosen.load++;
      chosen.lastAssignedAt = stamp.getTime();
      await this.presence.updateOne({ _id: chosen.username }, { $set: { lastAssignedAt: stamp } });
      await this.onAssigned(customer._id, chosen.username);
    }
  }
}
