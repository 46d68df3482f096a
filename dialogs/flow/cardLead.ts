/**
 * A reply with cards carries two texts. Its `text` is the whole reply written out — what channels that
 * cannot show the cards (WeChat without pictures, voice, SMS-like apps) read — and a short lead, kept
 * as an entity, for channels that show the cards: there the cards say the rest, and a written-out copy
 * of the list above them only repeats it. Each channel's renderer decides which of the two it shows.
 */
import type { Activity, Entity } from 'botbuilder';

/** The entity type holding the lead (an activity's entities are Bot Framework's place for such metadata). */
export const CARD_LEAD_ENTITY = 'https://schemas.beautybot.local/cardLead';

/** The activity with `lead` as the text to show where its cards are shown. */
export function withCardLead<T extends Partial<Activity>>(activity: T, lead: string): T {
  const others = (activity.entities ?? []).filter((e) => e.type !== CARD_LEAD_ENTITY);
  return { ...activity, entities: [...others, { type: CARD_LEAD_ENTITY, text: lead } as Entity] };
}

/** The lead of an activity with cards, if the dialog gave one. */
export function cardLeadOf(activity: Partial<Activity>): string | undefined {
  const entity = activity.entities?.find((e) => e.type === CARD_LEAD_ENTITY) as { text?: unknown } | undefined;
  return typeof entity?.text === 'string' ? entity.text : undefined;
}

/** The activity without the lead entity (channels that pass activities on do not need to show it). */
export function withoutCardLead<T extends Partial<Activity>>(activity: T): T {
  if (!activity.entities?.some((e) => e.type === CARD_LEAD_ENTITY)) return activity;
  const entities = activity.entities.filter((e) => e.type !== CARD_LEAD_ENTITY);
  const { entities: _all, ...rest } = activity;
  return (entities.length > 0 ? { ...rest, entities } : rest) as T;
}
