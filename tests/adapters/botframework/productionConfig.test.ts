/** Production never runs in Emulator mode: with no MicrosoftAppId, /api/messages refuses every request. */
import type { AddressInfo } from 'node:net';
import { registerBotFrameworkChannel } from '../../../adapters/botframework';
import { botFrameworkProductionIssues } from '../../../adapters/botframework/config';
import { ConfigError, loadConfig } from '../../../config';
import { createServer, listen } from '../../../server/createServer';
import { silentLogger } from '../../../platform/logger';
import { EmbeddedStore } from '../../../storage';

const production = { NODE_ENV: 'production', APP_API_KEY: 'app-key-0123456789abcdef' };

describe('Bot Framework channel in production', () => {
  it('starts without MicrosoftAppId (no Azure registration needed), but a password without an id is refused', () => {
    const withKey = { ...production, DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'), DIRECTLINE_SECRET: 'd'.repeat(40) };
    expect(loadConfig(withKey, null).MicrosoftAppId).toBeUndefined();
    try {
      loadConfig({ ...withKey, MicrosoftAppPassword: 'secret-password' }, null);
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).issues.map((i) => i.key)).toEqual(['MicrosoftAppId']);
    }
  });

  it('is satisfied by an app id, and Emulator mode stays available outside production', () => {
    expect(botFrameworkProductionIssues({ NODE_ENV: 'production', MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'p' })).toEqual([]);
    expect(botFrameworkProductionIssues({ NODE_ENV: 'development', MicrosoftAppPassword: 'p' })).toEqual([]);
    expect(loadConfig({ NODE_ENV: 'development' }, null).MicrosoftAppId).toBeUndefined();
  });

  it('without an app id in production, the route refuses all traffic (401) and runs no turn', async () => {
    // what index.ts passes in production (allowUnauthenticated: false)
    const store = new EmbeddedStore(null);
    const server = createServer({ store, logger: silentLogger() });
    const bot = { run: jest.fn(async () => undefined), handleTurnError: jest.fn(async () => undefined) };
    registerBotFrameworkChannel(server, { appType: 'MultiTenant', allowUnauthenticated: false, logger: silentLogger(), bot });
    await listen(server, 0, '127.0.0.1');
    try {
      const { port } = server.server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          channelId: 'emulator',
          serviceUrl: 'http://127.0.0.1:9',
          from: { id: 'u' },
          conversation: { id: 'c' },
          text: 'hi',
        }),
      });
      expect(res.status).toBe(401);
      expect(bot.run).not.toHaveBeenCalled();
    } finally {
      server.close();
      await store.close();
    }
  });
});
