/**
 * The reply language inside a flow. An answer like "1688000000000103" or "2" says nothing about the
 * customer's language, so the profile's language (set when the flow began) wins over the NLU's guess.
 */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { CustomerProfile } from '../../services/customers/profile';
import { replyLanguage, ReplyLanguage } from '../language';

export async function flowLanguage(context: TurnContext, profile: StatePropertyAccessor<CustomerProfile>): Promise<ReplyLanguage> {
  const known = (await profile.get(context, {})).language;
  const text = (context.activity.text ?? '').trim();
  // a tax id or tracking number ("91310115MA1H7GQ8X2") is not English either
  const identifier = /^[A-Za-z0-9-]+$/.test(text) && /\d/.test(text);
  if (known && (identifier || !/[\p{Script=Han}A-Za-z]{2,}/u.test(text))) return known;
  return replyLanguage(context, known);
}
