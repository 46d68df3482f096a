/**
 * The voice channel alone on a bare server, around a stand-in bot (no NLU, no dialogs): for route tests
 * that are about what the channel does with the bot's replies, fast.
 */
import type { AddressInfo } from 'node:net';
import type { TurnContext } from 'botbuilder';
import { registerVoiceChannel } from '../../../adapters/voice';
import { TURN_OUTCOME, TurnHandler } from '../../../dialogs/turn/turnContracts';
import { silentLogger } from '../../../platform/logger';
import { createServer, listen } from '../../../server/createServer';
import { EmbeddedStore } from '../../../storage';
import { AUTH_TOKEN, PUBLIC_URL } from './fakeTwilio';

export type Script = (context: TurnContext) => Promise<void>;

export async function startVoice(script: Script, humanNumber?: string) {
  const store = new EmbeddedStore(null);
  const seen: { userId?: string; text?: string }[] = [];
  const attached: { userId: string; phone: string }[] = [];
  const bot: TurnHandler = {
    run: async (context) => {
      seen.push({ userId: context.activity.from?.id, text: context.activity.text });
      context.turnState.set(TURN_OUTCOME, { customerId: 'c1', channelId: 'voice', latencyMs: 0, attempts: 1 });
      await script(context);
    },
    handleTurnError: async (context) => void (await context.sendActivity('抱歉，出了点问题，请稍后再试。')),
  };
  const server = createServer({ store, logger: silentLogger() });
  registerVoiceChannel(server, {
    authToken: AUTH_TOKEN,
    publicUrl: PUBLIC_URL,
    humanNumber,
    language: 'zh-CN',
    store,
    logger: silentLogger(),
    bot,
    verified: { attach: async (identity, proof) => (attached.push({ userId: identity.userId, phone: proof.value }), 'c1') },
    keyedHash: (text) => `hash(${text.length})`,
  });
  await listen(server, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return { url, seen, attached, close: async () => (server.close(), await store.close()) };
}

