/**
 * Bot Framework channel production checks. Its keys (MicrosoftAppId …) are in the base schema of
 * ../../config.ts. Production never runs in Emulator mode, where /api/messages accepts activities
 * nobody signed: without an app id the route refuses every request (401) rather than the process
 * refusing to start, because a store that serves only WeChat, web chat or its app needs no Azure Bot
 * registration. A half-configured registration (password without id) is a startup error.
 */
export interface ConfigIssue {
  key: string;
  message: string;
}

export function botFrameworkProductionIssues(config: { NODE_ENV: string; MicrosoftAppId?: string; MicrosoftAppPassword?: string }): ConfigIssue[] {
  if (config.NODE_ENV !== 'production' || config.MicrosoftAppId || !config.MicrosoftAppPassword) return [];
  return [{ key: 'MicrosoftAppId', message: 'is required when MicrosoftAppPassword is set' }];
}
