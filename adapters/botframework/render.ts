/**
 * Bot Framework / Emulator outbound rendering: these clients show hero and adaptive cards, so a reply
 * with a lead for card channels (dialogs/flow/cardLead.ts) shows the lead. Product pictures are paths
 * on the bot's own origin, which a client elsewhere (the Emulator app, Teams) cannot resolve: a card
 * keeps only pictures with an absolute http(s) address, so it never shows a broken one.
 */
import type { Activity, Attachment } from 'botbuilder';
import { cardLeadOf, withoutCardLead } from '../../dialogs/flow/cardLead';
import { cardContent, httpUrl, isHeroLike } from '../renderKit';

function absoluteImagesOnly(attachment: Attachment): Attachment {
  const content = cardContent(attachment);
  if (!isHeroLike(attachment) || !Array.isArray(content.images)) return attachment;
  const images = (content.images as { url?: unknown }[]).filter((image) => httpUrl(image?.url) !== undefined);
  return { ...attachment, content: { ...content, images } };
}

export function render(activity: Partial<Activity>): Partial<Activity> {
  if (activity.type !== 'message') return activity;
  const lead = cardLeadOf(activity);
  const out = withoutCardLead(activity);
  if (!out.attachments?.length) return out;
  return { ...out, ...(lead !== undefined ? { text: lead } : {}), attachments: out.attachments.map(absoluteImagesOnly) };
}
