/**
 * The channel rules as pure decisions over facts the delivery gathers (the stores and the conversation
 * log): opt-out, the weekly frequency cap, quiet hours, WeChat's 48-hour customer-service window with at
 * most 5 messages in it (else a template message when the store configured one), Mini Program one-time
 * consents, and what WeChat's refusals mean. Order matters: the cheapest and most final reason first.
 */
import { quietUntil, QuietHours } from './quietHours';
import { SKIP, SkipReason } from './types';

export const WEEK_MS = 7 * 24 * 3600 * 1000;
/** WeChat accepts customer-service messages this long after the customer's last message */
export const WECHAT_WINDOW_MS = 48 * 3600 * 1000;
/** and at most this many of them in one such window */
export const WECHAT_WINDOW_MESSAGES = 5;

export interface RuleSettings {
  /** campaign messages one customer gets in any 7 days (rolling), all campaigns and channels together */
  weeklyCap: number;
  quietHours: QuietHours;
  /** the Official Account's template for messages outside the 48-hour window; unset → such sends are skipped */
  wechatTemplateId?: string;
}

export type Decision = { send: true } | { send: false; reason: SkipReason; retryAt?: Date };

const go: Decision = { send: true };
const skip = (reason: SkipReason, retryAt?: Date): Decision => ({ send: false, reason, retryAt });

/** Before any channel is looked at: opted out, over the weekly cap, or quiet hours (deferred, not dropped). */
export function customerRules(facts: { optedOut: boolean; sendsThisWeek: number; now: Date; zone?: string; heldForVisit?: boolean }, settings: RuleSettings): Decision {
  if (facts.optedOut) return skip(SKIP.optedOut);
  if (facts.sendsThisWeek >= settings.weeklyCap) return skip(SKIP.frequencyCap);
  // a message kept for the customer's next web chat visit is shown while they are there: no hour is too late
  if (!facts.heldForVisit) {
    const until = quietUntil(facts.now, { ...settings.quietHours, zone: facts.zone ?? settings.quietHours.zone });
    if (until) return skip(SKIP.quietHours, until);
  }
  return go;
}

export type WeChatRoute = { via: 'custom' } | { via: 'template'; templateId: string } | { via: 'none'; reason: SkipReason };

/**
 * Customer-service message inside the window while fewer than 5 went out in it; otherwise the template
 * message when configured; otherwise skip with the reason (window closed, or full).
 */
export function wechatRoute(facts: { lastMessageAt?: Date; now: Date; sentInWindow: number; units?: number }, settings: Pick<RuleSettings, 'wechatTemplateId'>): WeChatRoute {
  const open = facts.lastMessageAt !== undefined && facts.now.getTime() - facts.lastMessageAt.getTime() <= WECHAT_WINDOW_MS;
  const fits = facts.sentInWindow + (facts.units ?? 1) <= WECHAT_WINDOW_MESSAGES;
  if (open && fits) return { via: 'custom' };
  if (settings.wechatTemplateId) return { via: 'template', templateId: settings.wechatTemplateId };
  return { via: 'none', reason: open ? SKIP.wechatWindowFull : SKIP.wechatWindowClosed };
}

/**
 * WeChat errcodes that are rules, not accidents: 45015 (the customer has not written for 48 hours) and
 * 45047 (too many customer-service messages). Recorded as the reason and never retried blindly.
 */
export function wechatRefusal(errcode: number | undefined): SkipReason | undefined {
  if (errcode === 45015) return SKIP.wechat45015;
  if (errcode === 45047) return SKIP.wechat45047;
  return undefined;
}

/** Mini Program subscription messages: one send per one-time consent the customer gave. */
export function miniProgramRule(consentsLeft: number): Decision {
  return consentsLeft > 0 ? go : skip(SKIP.miniProgramNoConsent);
}
