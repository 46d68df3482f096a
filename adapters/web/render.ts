/**
 * Web chat outbound rendering. Web Chat renders the bot's channel-neutral activities natively (text,
 * markdown, hero and adaptive cards, suggested actions), so they pass as they are, minus what is internal
 * to the bot, and within limits that keep the page usable. Web Chat shows the cards, so a reply that
 * carries a short lead for card channels (dialogs/flow/cardLead.ts) shows the lead, not the written-out
 * copy of its cards. Product pictures are paths on the bot's own origin, which the page loads as they are.
 */
import type { Activity, Attachment, CardAction } from 'botbuilder';
import { cardLeadOf, withoutCardLead } from '../../dialogs/flow/cardLead';
import { HERO_CARD, THUMBNAIL_CARD } from '../renderKit';

export const MAX_SUGGESTED_ACTIONS = 10;
export const MAX_CARD_BUTTONS = 6;
export const MAX_ATTACHMENTS = 10;

const HERO_LIKE = new Set([HERO_CARD, THUMBNAIL_CARD, 'application/vnd.microsoft.card.signin']);

function capButtons(attachment: Attachment): Attachment {
  const content = attachment.content as { buttons?: CardAction[] } | undefined;
  if (!HERO_LIKE.has(attachment.contentType) || !Array.isArray(content?.buttons) || content.buttons.length <= MAX_CARD_BUTTONS) {
    return attachment;
  }
  return { ...attachment, content: { ...content, buttons: content.buttons.slice(0, MAX_CARD_BUTTONS) } };
}

export function render(activity: Partial<Activity>): Partial<Activity> {
  const { serviceUrl: _serviceUrl, channelData: _channelData, ...visible } = withoutCardLead(activity);
  const out: Partial<Activity> = { ...visible, timestamp: activity.timestamp ?? new Date() };
  const lead = cardLeadOf(activity);
  if (lead !== undefined && (activity.attachments?.length ?? 0) > 0) out.text = lead;
  if (out.suggestedActions?.actions && out.suggestedActions.actions.length > MAX_SUGGESTED_ACTIONS) {
    out.suggestedActions = { ...out.suggestedActions, actions: out.suggestedActions.actions.slice(0, MAX_SUGGESTED_ACTIONS) };
  }
  if (out.attachments) out.attachments = out.attachments.slice(0, MAX_ATTACHMENTS).map(capButtons);
  return out;
}
