/**
 * The agent desk area, built one way for the composition root and the tests: the desk over the handoff
 * queue, presence and automatic assignment, live events, canned responses, the profile sidebar and
 * suggested replies.
 */
import type { DocumentStore } from '../../storage/documentStore';
import type { Logger } from '../../platform/logger';
import type { CustomerDelivery } from '../delivery/types';
import type { HandoffService } from '../handoff';
import { AgentDesk } from './agentDesk';
import { AgentAssignment } from './assignment';
import { CannedResponses } from './cannedResponses';
import { DeskEvents } from './deskEvents';
import { profileReader, ProfileReader, ProfileSources } from './profileView';
import { lastQuestions, suggestReplies } from './suggestions';
import type { ConversationHistory, SatisfactionSurvey, StaffRoster, SuggestReplies } from './types';

export { AgentDesk } from './agentDesk';
export type { DeskActor, QueueItem } from './agentDesk';
export { AgentAssignment, PRESENCE_COLLECTION } from './assignment';
export { CannedResponses, CANNED_COLLECTION } from './cannedResponses';
export type { CannedResponse } from './cannedResponses';
export { DeskEvents } from './deskEvents';
export type { DeskEvent } from './deskEvents';
export type { CustomerProfileView, ProfileReader, ProfileSources } from './profileView';
export * from './types';

export interface AgentDeskSetup extends ProfileSources {
  store: DocumentStore;
  logger: Logger;
  handoffs: HandoffService;
  delivery: CustomerDelivery;
  log: ConversationHistory;
  csat: SatisfactionSurvey;
  roster: StaffRoster;
  suggest: SuggestReplies;
  lastChannel(customerId: string): Promise<string | undefined>;
  /** how often open consoles' live streams re-read the queue (default 1.5 s) */
  eventIntervalMs?: number;
}

export interface AgentDeskArea {
  desk: AgentDesk;
  assignment: AgentAssignment;
  events: DeskEvents;
  canned: CannedResponses;
  profile: ProfileReader;
  suggestions(customerId: string): Promise<{ text: string; source: string }[]>;
  /** stops the live streams' reading (shutdown) */
  close(): void;
}

export async function createAgentDesk(setup: AgentDeskSetup): Promise<AgentDeskArea> {
  await Promise.all([AgentAssignment.ensureIndexes(setup.store), CannedResponses.ensureIndexes(setup.store)]);
  const desk = new AgentDesk(setup);
  const assignment = new AgentAssignment(setup.store, setup.handoffs, setup.roster, (customerId, agent) => desk.joined(customerId, agent), setup.logger);
  const events = new DeskEvents(() => setup.handoffs.list(), setup.logger, {
    intervalMs: setup.eventIntervalMs,
    // a customer queued on another instance is assigned by whichever instance notices first
    onQueueChange: () => void assignment.assignWaiting(),
  });
  desk.assignment = assignment;
  desk.events = events;
  setup.handoffs.onQueued(() => {
    void assignment.assignWaiting();
    void events.nudge();
  });
  return {
    desk,
    assignment,
    events,
    canned: new CannedResponses(setup.store),
    profile: profileReader(setup),
    async suggestions(customerId) {
      const [history, record] = await Promise.all([desk.history(customerId, 50), desk.record(customerId)]);
      return suggestReplies(lastQuestions(history, record), record?.summary?.language, setup.suggest);
    },
    close: () => events.close(),
  };
}
export { faqSuggestions, lastChannelOf, staffRoster } from './sources';
