/**
 * Authenticated traffic (MicrosoftAppId set), with botbuilder's real token validation pointed at a local
 * OpenID document: the serviceUrl must be the one the token vouches for, the channelId must be one the
 * signing key is endorsed for, and then that channelId is trusted. A bad token is one log line, no console.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { TurnContext } from 'botbuilder';
import { registerBotFrameworkChannel } from '../../../adapters/botframework';
import { createServer, listen } from '../../../server/createServer';
import { createLogger } from '../../../platform/logger';
import { EmbeddedStore } from '../../../storage';

const APP_ID = '00000000-0000-0000-0000-0000000000aa';
const ISSUER = 'https://api.botframework.test';
const SERVICE_URL = 'https://smba.trafficmanager.net/apis/';
const b64url = (v: Buffer | string) => Buffer.from(v).toString('base64url');

function sign(claims: Record<string, unknown>, key: crypto.KeyObject, kid = 'k1'): string {
  const now = Math.floor(Date.now() / 1000);
  const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const body = b64url(JSON.stringify({ iss: ISSUER, aud: APP_ID, nbf: now - 10, exp: now + 600, serviceurl: SERVICE_URL, ...claims }));
  return `${head}.${body}.${b64url(crypto.sign('RSA-SHA256', Buffer.from(`${head}.${body}`), key))}`;
}

describe('POST /api/messages with a Bot Framework token', () => {
  const signing = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const forger = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const seen: string[] = [];
  const lines: string[] = [];
  let openId: http.Server;
  let url: string;
  let close: () => Promise<void>;
  let consoleSpies: jest.SpyInstance[];

  beforeAll(async () => {
    // installed before the first request, so any console write botbuilder makes is counted
    consoleSpies = (['error', 'warn', 'log', 'info'] as const).map((m) => jest.spyOn(console, m).mockImplementation(() => undefined));
    openId = http.createServer((req, res) => {
      const base = `http://127.0.0.1:${(openId.address() as AddressInfo).port}`;
      const jwk = signing.publicKey.export({ format: 'jwk' });
      const body = req.url === '/keys' ? { keys: [{ kty: 'RSA', kid: 'k1', n: jwk.n, e: jwk.e, endorsements: ['msteams', 'webchat'] }] } : { jwks_uri: `${base}/keys` };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
    await new Promise<void>((r) => openId.listen(0, '127.0.0.1', r));
    const local = `http://127.0.0.1:${(openId.address() as AddressInfo).port}`;

    const logger = createLogger({
      level: 'info',
      transcripts: false,
      destination: new Writable({
        write(c, _e, done) {
          lines.push(...String(c).split('\n').filter(Boolean));
          done();
        },
      }),
    });
    const store = new EmbeddedStore(null);
    const server = createServer({ store, logger });
    registerBotFrameworkChannel(server, {
      appId: APP_ID,
      appPassword: 'unused-in-this-test',
      appType: 'MultiTenant',
      allowUnauthenticated: false,
      logger,
      authEndpoints: {
        ToBotFromChannelTokenIssuer: ISSUER,
        ToBotFromChannelOpenIdMetadataUrl: `${local}/openid`,
        ToBotFromEmulatorOpenIdMetadataUrl: `${local}/openid`,
        ToChannelFromBotLoginUrl: `${local}/login`,
        ToChannelFromBotOAuthScope: 'https://api.botframework.test',
        OAuthUrl: `${local}/oauth`,
        CallerId: 'urn:botframework:test',
      },
      bot: {
        async run(context: TurnContext) {
          seen.push(context.activity.channelId);
          await context.sendActivity('hi');
        },
        async handleTurnError() {},
      },
    });
    await listen(server, 0, '127.0.0.1');
    url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}/api/messages`;
    close = async () => {
      server.close();
      openId.closeAllConnections();
      openId.close();
      await store.close();
    };
  });
  afterAll(async () => {
    consoleSpies.forEach((s) => s.mockRestore());
    await close();
  });

  // expectReplies: the replies come back in the response, so no test needs an outbound call or a bot token
  const post = (token: string, overrides: Record<string, unknown> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        type: 'message',
        id: 'a1',
        channelId: 'msteams',
        serviceUrl: SERVICE_URL,
        deliveryMode: 'expectReplies',
        from: { id: 'teams-user' },
        recipient: { id: APP_ID },
        conversation: { id: 'teams-conv' },
        text: 'hello',
        ...overrides,
      }),
    });

  it('trusts the channelId of a verified activity', async () => {
    const res = await post(sign({}, signing.privateKey));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { activities: { text: string }[] }).activities[0].text).toBe('hi');
    expect(seen).toEqual(['msteams']);
  });

  it.each([
    ['a serviceUrl other than the token vouches for', {}, { serviceUrl: 'http://10.255.255.1/' }],
    ['a channelId the signing key is not endorsed for', {}, { channelId: 'app' }],
    ['a token for another bot', { aud: 'someone-else' }, {}],
    ['an expired token', { exp: Math.floor(Date.now() / 1000) - 3600, nbf: Math.floor(Date.now() / 1000) - 7200 }, {}],
  ])('answers 401 for %s and runs no turn', async (_name, claims, overrides) => {
    const before = seen.length;
    const res = await post(sign(claims, signing.privateKey), overrides);
    expect(res.status).toBe(401);
    expect(seen.length).toBe(before);
  });

  it('a forged signature: 401, exactly one log line and nothing on the console', async () => {
    lines.length = 0;
    consoleSpies.forEach((s) => s.mockClear());
    const res = await post(sign({}, forger.privateKey));
    expect(res.status).toBe(401);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ status: 401, msg: 'Bot Framework request rejected' });
    expect(consoleSpies.reduce((n, s) => n + s.mock.calls.length, 0)).toBe(0);
  });
});
