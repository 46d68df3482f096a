/** Shared by the Telegram tests: the test bot's credentials and a webhook delivery helper. */
import type { RunningApp } from '../../helpers/testApp';

export const BOT_TOKEN = '7000000001:AAH-test-token-abcdefghijklmnop';
export const SECRET = 'webhook-secret-0123456789';

/** POSTs an update to /api/telegram as Telegram would (secret header unless `secret` is null). */
export async function deliver(app: RunningApp, update: object | string, secret: string | null = SECRET) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secret !== null) headers['x-telegram-bot-api-secret-token'] = secret;
  const res = await fetch(`${app.url}/api/telegram`, { method: 'POST', headers, body: typeof update === 'string' ? update : JSON.stringify(update) });
  return { status: res.status, json: await res.json().catch(() => undefined) };
}
