/**
 * Bot Framework channel keys (composed into ../../config.ts through ../config.ts) and its production
 * check. The channel is always registered; MicrosoftAppId decides how /api/messages authenticates.
 * Production never runs in Emulator mode, where /api/messages accepts activities nobody signed: without
 * an app id the route refuses every request (401) rather than the process refusing to start, because a
 * store that serves only WeChat, web chat or its app needs no Azure Bot registration. A half-configured
 * registration (password without id) is a startup error.
 */
import { z } from 'zod';
import { optionalString } from '../../platform/configFields';

export const botFrameworkConfigSchema = z.object({
  /** The Azure Bot registration's app id; unset → Emulator mode (refused in production, see below). */
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: optionalString,
});

export interface ConfigIssue {
  key: string;
  message: string;
}

export function botFrameworkProductionIssues(config: { NODE_ENV: string; MicrosoftAppId?: string; MicrosoftAppPassword?: string }): ConfigIssue[] {
  if (config.NODE_ENV !== 'production' || config.MicrosoftAppId || !config.MicrosoftAppPassword) return [];
  return [{ key: 'MicrosoftAppId', message: 'is required when MicrosoftAppPassword is set' }];
}
