/**
 * What the agent desk needs from the areas around it, each as the narrowest interface that does the job,
 * so the desk can be built and tested before (or without) the full implementations: the conversation log
 * and the satisfaction survey (conversationLog/, csat/), staff accounts (staff/), and FAQ suggestions
 * (knowledge/). The composition root passes the real ones.
 */

export type HistorySource = 'customer' | 'bot' | 'agent' | 'note' | 'system';

export interface HistoryEntry {
  customerId: string;
  at: Date;
  from: HistorySource;
  channelId?: string;
  text: string;
  /** the agent who wrote it (agent replies and notes) */
  agent?: string;
}

/** The customer's conversation across channels, oldest → newest. `append` is buffered by the log. */
export interface ConversationHistory {
  append(entry: HistoryEntry): void;
  history(customerId: string, options: { limit: number }): Promise<HistoryEntry[]>;
}

/** Sends the 1–5 rating question after a resolved conversation. */
export interface SatisfactionSurvey {
  ask(customerId: string, agent?: string): Promise<unknown>;
}

/** Staff accounts as the desk sees them: how many conversations an agent may hold, and a name to show. */
export interface StaffRoster {
  /** undefined when there is no such (enabled) account */
  agent(username: string): Promise<{ username: string; displayName?: string; capacity: number } | undefined>;
}

/** Suggested replies for a customer's message (FAQ answers), best first. */
export type SuggestReplies = (question: string, lang: 'zh' | 'en') => { text: string; source: string }[] | Promise<{ text: string; source: string }[]>;

/** A desk action refused because of who holds the conversation or where it is. */
export class DeskError extends Error {
  constructor(
    readonly code: 'not_found' | 'held' | 'not_held' | 'not_queued' | 'unknown_agent',
    message: string,
    /** the agent holding the conversation, for `held` */
    readonly holder?: string,
  ) {
    super(message);
    this.name = 'DeskError';
  }
}
