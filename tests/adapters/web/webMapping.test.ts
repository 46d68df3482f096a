/** The web chat's pure parts: inbound mapping, outbound limits, tokens, the conversation log. */
import { render, TokenService, toActivity } from '../../../adapters/web';
import { ConversationStore } from '../../../adapters/web/conversationStore';
import { EmbeddedStore } from '../../../storage';
import { MAX_SUGGESTED_ACTIONS } from '../../../adapters/web/render';

describe('toActivity (Direct Line → bot)', () => {
  const ctx = { conversationId: 'conv12345678', now: new Date(0) };

  it('maps Web Chat’s message to a webchat-channel activity addressed to the bot', () => {
    const r = toActivity(
      { type: 'message', from: { id: 'dl_abc', name: '', role: 'user' }, text: '你好', locale: 'zh-CN', channelData: { clientActivityID: 'x1' }, extra: 'dropped' },
      ctx,
    );
    expect(r.ok && r.activity).toMatchObject({
      type: 'message',
      channelId: 'webchat',
      from: { id: 'dl_abc', role: 'user' },
      recipient: { id: 'bot', role: 'bot' },
      conversation: { id: 'conv12345678' },
      text: '你好',
      locale: 'zh-CN',
      channelData: { clientActivityID: 'x1' },
    });
    expect(r.ok && 'extra' in r.activity).toBe(false);
  });

  it('uses the user id embedded in the token over the one the client claims', () => {
    const r = toActivity({ type: 'message', from: { id: 'someone-else' }, text: 'hi' }, { ...ctx, tokenUserId: 'dl_real' });
    expect(r.ok && r.activity.from?.id).toBe('dl_real');
  });

  it('keeps a card button’s value (messageBack) and defaults the locale to zh-CN', () => {
    const r = toActivity({ type: 'message', from: { id: 'u' }, value: { sku: 'L520' } }, ctx);
    expect(r.ok && r.activity).toMatchObject({ value: { sku: 'L520' }, locale: 'zh-CN' });
  });

  it.each([
    ['an empty message', { type: 'message', from: { id: 'u' } }, /needs text/],
    ['an event without a name', { type: 'event', from: { id: 'u' } }, /event needs a name/],
    ['a client-sent conversationUpdate', { type: 'conversationUpdate', from: { id: 'u' } }, /type/],
    ['a bad locale', { type: 'message', from: { id: 'u' }, text: 'x', locale: 'zh CN!' }, /locale/],
    ['11 attachments', { type: 'message', from: { id: 'u' }, attachments: new Array(11).fill({ contentType: 'image/png' }) }, /attachments/],
  ])('refuses %s with a reason', (_name, body, reason) => {
    const r = toActivity(body, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('render (bot → Web Chat)', () => {
  it('passes cards through, caps suggested actions and card buttons, hides internals', () => {
    const out = render({
      type: 'message',
      serviceUrl: 'directline://local',
      channelData: { internal: true },
      suggestedActions: { to: [], actions: Array.from({ length: 14 }, (_, i) => ({ type: 'imBack', title: `${i}`, value: `${i}` })) },
      attachments: [
        { contentType: 'application/vnd.microsoft.card.hero', content: { title: 'A', buttons: Array.from({ length: 9 }, (_, i) => ({ type: 'imBack', title: `${i}`, value: i })) } },
        { contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', body: [] } },
      ],
    });
    expect(out.suggestedActions?.actions).toHaveLength(MAX_SUGGESTED_ACTIONS);
    expect((out.attachments![0].content as { buttons: unknown[] }).buttons).toHaveLength(6);
    expect(out.attachments![1]).toEqual({ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', body: [] } });
    expect(out).not.toHaveProperty('serviceUrl');
    expect(out).not.toHaveProperty('channelData');
  });
});

describe('TokenService', () => {
  const tokens = new TokenService('a-secret-that-is-long-enough-0123456789', 1800);

  it('issues a JWT the official clients can read the user from, bound to one conversation', () => {
    const token = tokens.issue('conv12345678', 'dl_user');
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(payload).toMatchObject({ conv: 'conv12345678', user: 'dl_user' });
    expect(payload.exp - payload.iat).toBe(1800);
    expect(tokens.verify(token)).toMatchObject({ ok: true, claims: { conv: 'conv12345678', user: 'dl_user' } });
  });

  it('rejects a token whose claims were edited', () => {
    const [h, p, s] = tokens.issue('conv12345678', 'dl_user').split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, user: 'dl_admin' })).toString('base64url')}.${s}`;
    expect(tokens.verify(forged)).toEqual({ ok: false, reason: 'invalid' });
    expect(tokens.verify('not-a-token')).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('ConversationStore', () => {
  it('numbers activities by watermark and keeps only the newest per conversation', async () => {
    const store = new ConversationStore(new EmbeddedStore(null), { maxConversations: 10, maxActivitiesPerConversation: 3 });
    const c = await store.create('u');
    for (let i = 1; i <= 5; i++) await store.append(c, { type: 'message', text: `m${i}` });
    expect(await store.since(c, 0)).toEqual({ activities: [expect.objectContaining({ text: 'm3' }), expect.objectContaining({ text: 'm4' }), expect.objectContaining({ text: 'm5' })], watermark: '5' });
    expect((await store.since(c, 4)).activities.map((a) => a.text)).toEqual(['m5']);
  });

  it('drops the least recently used conversation beyond the cap and ends its streams', async () => {
    let clock = Date.now();
    const store = new ConversationStore(new EmbeddedStore(null), { maxConversations: 2, now: () => clock });
    const a = await store.create();
    clock += 60_000;
    const b = await store.create();
    let ended = false;
    const unsubscribe = store.subscribe(b, { deliver: () => undefined, end: () => (ended = true) }, 0);
    clock += 120_000;
    await store.get(a.id); // a is now the most recently used
    await store.create();
    expect(await store.get(b.id)).toBeUndefined();
    expect(await store.get(a.id)).toBeDefined();
    expect(ended).toBe(true);
    unsubscribe();
  });
});
