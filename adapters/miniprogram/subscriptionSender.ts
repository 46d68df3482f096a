/**
 * Campaign messages on the Mini Program: subscription messages (cgi-bin/message/subscribe/send), one per
 * one-time consent the customer gave in a wx.requestSubscribeMessage popup (adapters/campaignDelivery.ts
 * counts and uses the consents). The template (MINIPROGRAM_TEMPLATE_ID) needs a `thing1` field, which
 * WeChat limits to 20 characters: longer texts are cut with "…", and tapping the message opens the
 * Mini Program (its customer-service chat or home page) where the rest can be asked.
 */
import type { MiniProgramApi } from './miniProgramApi';

/** WeChat's limit for a `thing` field */
export const THING_MAX_CHARS = 20;

export function thingValue(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= THING_MAX_CHARS ? chars.join('') : `${chars.slice(0, THING_MAX_CHARS - 1).join('')}…`;
}

export function subscriptionSender(api: Pick<MiniProgramApi, 'sendSubscribeMessage'>, templateId: string) {
  return {
    templateId,
    send: (openid: string, text: string) => api.sendSubscribeMessage(openid, templateId, { thing1: { value: thingValue(text) } }),
  };
}
