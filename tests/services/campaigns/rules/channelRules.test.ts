/**
 * The channel rules as decisions: opt-out, the weekly cap, quiet hours (deferred to 08:00 in the
 * customer's zone), WeChat's 48-hour window with 5 messages in it and the template fallback, the
 * errcodes that are rules, and Mini Program consents.
 */
import { customerRules, miniProgramRule, RuleSettings, WECHAT_WINDOW_MS, wechatRefusal, wechatRoute } from '../../../../services/campaigns/rules/channelRules';
import { DEFAULT_QUIET_HOURS, quietUntil } from '../../../../services/campaigns/rules/quietHours';

const settings: RuleSettings = { weeklyCap: 2, quietHours: DEFAULT_QUIET_HOURS };
/** 10:00 in Shanghai (UTC+8) */
const morning = new Date('2030-03-01T02:00:00Z');

describe('customer rules', () => {
  it('lets a message through when nothing stops it', () => {
    expect(customerRules({ optedOut: false, sendsThisWeek: 1, now: morning }, settings)).toEqual({ send: true });
  });

  it('stops an opted-out customer first, then the weekly cap', () => {
    expect(customerRules({ optedOut: true, sendsThisWeek: 9, now: morning }, settings)).toMatchObject({ send: false, reason: 'opted_out' });
    expect(customerRules({ optedOut: false, sendsThisWeek: 2, now: morning }, settings)).toMatchObject({ send: false, reason: 'frequency_cap' });
    expect(customerRules({ optedOut: false, sendsThisWeek: 2, now: morning }, { ...settings, weeklyCap: 3 })).toEqual({ send: true });
  });

  it('defers a message in quiet hours to 08:00 the next morning in the customer zone', () => {
    const lateEvening = new Date('2030-03-01T15:30:00Z'); // 23:30 Shanghai
    expect(customerRules({ optedOut: false, sendsThisWeek: 0, now: lateEvening }, settings)).toEqual({ send: false, reason: 'quiet_hours', retryAt: new Date('2030-03-02T00:00:00Z') });
    const earlyMorning = new Date('2030-03-01T23:10:00Z'); // 07:10 Shanghai on the 2nd
    expect(customerRules({ optedOut: false, sendsThisWeek: 0, now: earlyMorning }, settings)).toMatchObject({ retryAt: new Date('2030-03-02T00:00:00Z') });
    // the same instant is 16:30 in London: not quiet there
    expect(customerRules({ optedOut: false, sendsThisWeek: 0, now: lateEvening, zone: 'Europe/London' }, settings)).toEqual({ send: true });
    // a message kept for the next web chat visit is shown when the customer is there, whatever the hour
    expect(customerRules({ optedOut: false, sendsThisWeek: 0, now: lateEvening, heldForVisit: true }, settings)).toEqual({ send: true });
  });

  it('knows the edges of the quiet period and zones with daylight saving', () => {
    expect(quietUntil(new Date('2030-03-01T13:59:59Z'), DEFAULT_QUIET_HOURS)).toBeUndefined(); // 21:59:59
    expect(quietUntil(new Date('2030-03-01T14:00:00Z'), DEFAULT_QUIET_HOURS)).toEqual(new Date('2030-03-02T00:00:00Z')); // 22:00
    expect(quietUntil(new Date('2030-03-02T00:00:00Z'), DEFAULT_QUIET_HOURS)).toBeUndefined(); // 08:00
    // New York springs forward on 10 March 2030: 08:00 that morning is 12:00 UTC, not 13:00
    expect(quietUntil(new Date('2030-03-10T04:00:00Z'), { start: 22, end: 8, zone: 'America/New_York' })).toEqual(new Date('2030-03-10T12:00:00Z'));
    expect(quietUntil(morning, { start: 0, end: 0, zone: 'Asia/Shanghai' })).toBeUndefined(); // start = end: no quiet hours
  });
});

describe('WeChat window', () => {
  const now = new Date('2030-03-01T02:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);

  it('customer-service message within 48 hours of the last message and under 5 in the window', () => {
    expect(wechatRoute({ lastMessageAt: ago(WECHAT_WINDOW_MS - 1000), now, sentInWindow: 4 }, {})).toEqual({ via: 'custom' });
  });

  it('closed after 48 hours or for a customer who never wrote; full after 5', () => {
    expect(wechatRoute({ lastMessageAt: ago(WECHAT_WINDOW_MS + 1000), now, sentInWindow: 0 }, {})).toEqual({ via: 'none', reason: 'wechat_window_closed' });
    expect(wechatRoute({ now, sentInWindow: 0 }, {})).toEqual({ via: 'none', reason: 'wechat_window_closed' });
    expect(wechatRoute({ lastMessageAt: ago(1000), now, sentInWindow: 5 }, {})).toEqual({ via: 'none', reason: 'wechat_window_full' });
    expect(wechatRoute({ lastMessageAt: ago(1000), now, sentInWindow: 4, units: 2 }, {})).toEqual({ via: 'none', reason: 'wechat_window_full' });
  });

  it('falls back to the template message when the store configured one', () => {
    expect(wechatRoute({ lastMessageAt: ago(WECHAT_WINDOW_MS + 1000), now, sentInWindow: 0 }, { wechatTemplateId: 'tpl-123456789' })).toEqual({ via: 'template', templateId: 'tpl-123456789' });
    expect(wechatRoute({ lastMessageAt: ago(1000), now, sentInWindow: 5 }, { wechatTemplateId: 'tpl-123456789' })).toEqual({ via: 'template', templateId: 'tpl-123456789' });
  });

  it('records 45015 and 45047 as reasons; other errcodes are no rule', () => {
    expect(wechatRefusal(45015)).toBe('wechat_45015');
    expect(wechatRefusal(45047)).toBe('wechat_45047');
    expect(wechatRefusal(40001)).toBeUndefined();
  });
});

describe('Mini Program consents', () => {
  it('one send per one-time consent', () => {
    expect(miniProgramRule(0)).toMatchObject({ send: false, reason: 'miniprogram_no_consent' });
    expect(miniProgramRule(1)).toEqual({ send: true });
  });
});
