/** Keys of the channel rules for campaign messages (composed into ../../../config.ts). */
import { z } from 'zod';
import { optionalString } from '../../../platform/configFields';
import { isKnownZone } from './quietHours';
import type { RuleSettings } from './channelRules';

/** `KEY=` (empty) means "use the default", as in .env.example */
const emptyAsUnset = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema);
const hour = (fallback: number) => emptyAsUnset(z.coerce.number().int().min(0).max(23).default(fallback));

export const campaignRulesConfigSchema = z.object({
  /** Campaign messages one customer may get in any 7 days, all campaigns and channels together. */
  CAMPAIGN_WEEKLY_CAP: emptyAsUnset(z.coerce.number().int().min(0).max(100).default(2)),
  /** Quiet hours in the customer's zone: campaign messages wait until they end (start hour, end hour). */
  CAMPAIGN_QUIET_START: hour(22),
  CAMPAIGN_QUIET_END: hour(8),
  /** The customers' time zone (IANA name) for quiet hours. */
  CAMPAIGN_TIMEZONE: emptyAsUnset(z.string().refine(isKnownZone, 'must be an IANA time zone such as Asia/Shanghai').default('Asia/Shanghai')),
  /** WeChat template message id for campaign messages outside the 48-hour window; unset → those are skipped. */
  WECHAT_TEMPLATE_ID: optionalString.pipe(z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, 'must be the template id from the Official Account platform').optional()),
});

export type CampaignRulesConfigKeys = z.infer<typeof campaignRulesConfigSchema>;

export function campaignRuleSettings(config: CampaignRulesConfigKeys): RuleSettings {
  return {
    weeklyCap: config.CAMPAIGN_WEEKLY_CAP,
    quietHours: { start: config.CAMPAIGN_QUIET_START, end: config.CAMPAIGN_QUIET_END, zone: config.CAMPAIGN_TIMEZONE },
    wechatTemplateId: config.WECHAT_TEMPLATE_ID,
  };
}
