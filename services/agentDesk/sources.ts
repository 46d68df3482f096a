/**
 * The desk's narrow views over neighbouring areas, for the composition root: staff accounts as a roster,
 * the FAQ index as suggested replies, and the customer's last channel.
 */
import type { FaqHit } from '../../knowledge/answers/faqIndex';
import type { StaffAccount } from '../staff/types';
import type { StaffRoster, SuggestReplies } from './types';

/** Disabled accounts are not agents any more: nothing is assigned or transferred to them. */
export function staffRoster(accounts: { get(username: string): Promise<StaffAccount | null> }): StaffRoster {
  return {
    async agent(username) {
      const account = await accounts.get(username);
      if (!account || account.disabled) return undefined;
      return { username: account._id, capacity: account.capacity, ...(account.displayName ? { displayName: account.displayName } : {}) };
    },
  };
}

/** FAQ answers worth offering an agent: a looser bar than the bot's own (a person checks before sending). */
export function faqSuggestions(faqs: { search(question: string, lang: 'zh' | 'en', limit?: number): FaqHit[] }, minConfidence = 0.3): SuggestReplies {
  return (question, lang) =>
    faqs
      .search(question.slice(0, 500), lang, 3)
      // the index also ranks the other language's wording of an entry; the agent replies in the customer's
      .filter((hit) => hit.confidence >= minConfidence && hit.entry.lang === lang)
      .map((hit) => ({ text: hit.entry.answer, source: `faq:${hit.entry._id}` }));
}

/** Where the customer wrote last: the log knows; without an entry, the newest stored reference. */
export function lastChannelOf(
  log: { lastCustomerMessage(customerId: string): Promise<{ channelId?: string } | undefined> },
  references: { forCustomer(customerId: string): Promise<{ channelId: string }[]> },
): (customerId: string) => Promise<string | undefined> {
  return async (customerId) => (await log.lastCustomerMessage(customerId))?.channelId ?? (await references.forCustomer(customerId))[0]?.channelId;
}
