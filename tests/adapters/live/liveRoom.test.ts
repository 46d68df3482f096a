/**
 * The live-stream room end to end on the real app (real NLU, demo store): a platform connector pushes
 * comments, the host's overlay reads the public answers, the connector delivers private follow-ups, and
 * the viewer carries on in web chat. Only what the room, the viewer and the host would see is asserted.
 */
import fc from 'fast-check';
import { OrderService } from '../../../services/orders';
import { demoOrders } from '../../../services/orders/demo/demoOrders';
import type { RunningApp } from '../../helpers/testApp';
import { hostileJsonBody, hostileValue } from '../../security/hostilePayloads';
import { joinedText } from '../contract/channelDriver';
import { DIRECTLINE_SECRET, webChatDriver } from '../contract/webChatDriver';
import { admin, bearer, Comment, createRoom, privateMessages, replies, sendComments, settled, startLiveApp } from './liveKit';

let app: RunningApp;
const web = webChatDriver();
beforeAll(async () => {
  app = await startLiveApp({ DIRECTLINE_SECRET });
  web.attach(app);
}, 60_000);
afterAll(() => app.close(1000));

const CHATTER = ['主播好', '666', '好看', '哈哈哈', '来了来了', '主播今天好美', '冲冲冲', '支持主播', '好好看啊', '期待'];
const OILY = ['这个适合油皮吗', '油皮能用吗', '油皮可以用吗', '油皮适合用吗'];
const EXPRESS = ['发什么快递', '发什么快递呀', '什么快递'];
const GENUINE = ['是正品吗', '正品吗', '保证正品吗'];

describe('a burst of 200 comments', () => {
  it('20 repeated questions → a handful of public answers without names; one private follow-up continues in web chat', async () => {
    const roomId = await createRoom(app, { name: '双11 护肤专场', productIds: ['sk-0001', 'sk-0003', 'mk-0004'] });
    // the viewer with an order problem already bought from the store (their live identity has orders)
    const vip = await app.directory.resolve({ channelId: 'live', userId: 'default:viewer-vip' });
    await new OrderService(app.store).insert(demoOrders(vip).map((o) => ({ ...o, _id: '7' + o._id.slice(1) })));

    const questions = [...Array(8)].map((_, i) => OILY[i % OILY.length]).concat([...Array(6)].map((_, i) => EXPRESS[i % 3]), [...Array(6)].map((_, i) => GENUINE[i % 3]));
    const comments: Comment[] = [];
    for (let i = 0; i < 199; i++) {
      const text = i % 10 === 3 && questions.length > 0 ? questions.shift()! : CHATTER[i % CHATTER.length];
      comments.push({ userId: `viewer-${i}`, nickname: `小仙女${i}号`, text });
    }
    comments.splice(57, 0, { userId: 'viewer-vip', nickname: '小仙女VIP', text: '我要退货' });
    expect(comments).toHaveLength(200);
    expect(questions).toHaveLength(0); // all 20 questions are in the burst

    expect(await sendComments(app, roomId, comments)).toEqual({ accepted: 200, dropped: 0 });
    await settled(app);
    const answers = await replies(app, roomId);

    // a handful: one per question asked, not one per comment, nothing for the chatter
    expect(answers.length).toBeGreaterThanOrEqual(3);
    expect(answers.length).toBeLessThanOrEqual(6);
    expect(answers.reduce((n, a) => n + a.count, 0)).toBeGreaterThanOrEqual(18);
    const all = answers.map((a) => a.text).join('\n');
    expect(all).toMatch(/所有肤质|油/);
    expect(all).toMatch(/顺丰|快递/);
    expect(all).toMatch(/正品/);
    expect(all).not.toMatch(/小仙女|viewer-/);
    for (const a of answers) expect(Object.keys(a).sort()).toEqual(['cluster', 'count', 'id', 'text', 'ts']);

    // the private follow-up: the bot's real turn in the viewer's session, then how to continue elsewhere
    const mine = (await privateMessages(app, roomId)).filter((m) => m.userId === 'viewer-vip');
    expect(mine.map((m) => m.text).join('\n')).toMatch(/哪个订单/);
    const code = /绑定 (\d{6})/.exec(mine[mine.length - 1].text)?.[1];
    expect(code).toBeDefined();
    expect((await privateMessages(app, roomId)).every((m) => m.userId === 'viewer-vip')).toBe(true);

    // in web chat the same person sends the code: one customer, and the return conversation carries on
    const linked = joinedText(await web.say('web-visitor-vip', `绑定 ${code}`));
    expect(linked).toMatch(/绑定成功|已关联|关联成功|账号/);
    // the answer to the question asked in the live room's private follow-up: the return flow goes on
    const next = joinedText(await web.say('web-visitor-vip', '7688000000000104'));
    expect(next).toMatch(/拆封|使用过/);
    expect(await app.directory.find({ channelId: 'webchat', userId: 'web-visitor-vip' })).toBe(await app.directory.find({ channelId: 'live', userId: 'default:viewer-vip' }));
  }, 60_000);
});

describe('buying comments and offers', () => {
  it('"3号链接" → the third product’s link; "怎么买" → the room’s links', async () => {
    const roomId = await createRoom(app, { name: '彩妆专场', productIds: ['sk-0001', 'sk-0003', 'mk-0004'] });
    await sendComments(app, roomId, [
      { userId: 'b1', text: '3号链接' },
      { userId: 'b2', text: '3号链接在哪' },
    ]);
    await settled(app);
    await sendComments(app, roomId, [{ userId: 'b3', text: '怎么买' }]);
    await settled(app);
    const answers = await replies(app, roomId);
    expect(answers).toHaveLength(2);
    expect(answers[0].text).toContain('3号链接');
    expect(answers[0].text).toContain('https://shop.example/cart?add=mk-0004');
    expect(answers[0].text).not.toContain('add=sk-0001');
    expect(answers[0].count).toBe(2);
    expect(answers[1].text).toContain('https://shop.example/cart?add=sk-0001');
  });

  it('a room offer on the store’s quota: each viewer claims once, and the room hears when it runs out', async () => {
    const roomId = await createRoom(app, { name: '福利场', productIds: ['sk-0003'], offers: [{ text: '前2名赠小样', quota: 2 }] });
    await sendComments(app, roomId, [
      { userId: 'o1', text: '拍了' },
      { userId: 'o2', text: '拍了' },
      { userId: 'o1', text: '已拍，领取小样' },
      { userId: 'o3', text: '拍了拍了' },
    ]);
    await settled(app);
    const notes = await privateMessages(app, roomId);
    const of = (u: string) => notes.filter((m) => m.userId === u).map((m) => m.text);
    expect(of('o1')).toEqual([expect.stringMatching(/已为您登记：前2名赠小样/), expect.stringMatching(/已经登记过/)]);
    expect(of('o2')).toEqual([expect.stringMatching(/已为您登记/)]);
    expect(of('o3')).toEqual([expect.stringMatching(/送完/)]);

    const room = (await app.get(`/api/admin/live/rooms/${roomId}`, admin)).json;
    const promo = await app.store.collection<any>('promotions').findOne({ _id: room.offers[0].promotionId });
    expect(promo.gift.remaining).toBe(0);

    await sendComments(app, roomId, [{ userId: 'o4', text: '还有赠品吗' }]);
    await settled(app);
    const answers = await replies(app, roomId);
    expect(answers[answers.length - 1].text).toMatch(/前2名赠小样：已经送完/);
  });
});

describe('moderation', () => {
  it('block words (default and the room’s) drop comments silently', async () => {
    const roomId = await createRoom(app, { name: '屏蔽词', productIds: ['sk-0001'], blockWords: ['隔壁家'] });
    const result = await sendComments(app, roomId, [
      { userId: 'm1', text: '加微信私聊更便宜，正品吗' },
      { userId: 'm2', text: '隔壁家更便宜，是正品吗' },
      { userId: 'm3', text: '主播好' },
    ]);
    expect(result).toEqual({ accepted: 1, dropped: 2 });
    await settled(app);
    expect(await replies(app, roomId)).toEqual([]);
    expect(await privateMessages(app, roomId)).toEqual([]);
  });

  it('one viewer is heard at most 10 times a minute', async () => {
    const roomId = await createRoom(app, { name: '刷屏', productIds: ['sk-0001'] });
    const flood = [...Array(14)].map(() => ({ userId: 'spammer', text: '666' }));
    expect(await sendComments(app, roomId, flood)).toEqual({ accepted: 10, dropped: 4 });
    expect(await sendComments(app, roomId, [{ userId: 'spammer', text: '是正品吗' }, { userId: 'other', text: '是正品吗' }])).toEqual({ accepted: 1, dropped: 1 });
  });
});

describe('host approval', () => {
  it('answers wait as pending until the host approves; rejected ones never show', async () => {
    const roomId = await createRoom(app, { name: '审核场', productIds: ['sk-0001'], approval: true });
    await sendComments(app, roomId, [{ userId: 'h1', nickname: '甜甜', text: '是正品吗' }, { userId: 'h2', text: '发什么快递' }]);
    await settled(app);
    expect(await replies(app, roomId)).toEqual([]);
    const pending = (await app.get(`/api/admin/live/rooms/${roomId}/replies/pending`, admin)).json.items;
    expect(pending.map((p: any) => p.question).sort()).toEqual(['发什么快递', '是正品吗']);
    const genuine = pending.find((p: any) => p.question === '是正品吗');
    const express = pending.find((p: any) => p.question === '发什么快递');

    const approved = await app.post(`/api/admin/live/rooms/${roomId}/replies/${genuine.id}/approve`, {}, admin);
    expect(approved.status).toBe(200);
    expect(approved.json.status).toBe('scheduled');
    expect((await app.post(`/api/admin/live/rooms/${roomId}/replies/${express.id}/reject`, {}, admin)).json.status).toBe('rejected');
    expect((await app.post(`/api/admin/live/rooms/${roomId}/replies/${express.id}/approve`, {}, admin)).status).toBe(409);
    expect((await app.post(`/api/admin/live/rooms/${roomId}/replies/rp_0000000000000000/approve`, {}, admin)).status).toBe(404);

    const shown = await replies(app, roomId);
    expect(shown.map((r) => r.text)).toEqual([genuine.text]);
    expect(shown[0].text).not.toContain('甜甜');
    expect(await replies(app, roomId, shown[0].id)).toEqual([]);
    expect((await app.get(`/api/admin/live/rooms/${roomId}/replies/pending`, admin)).json.items).toEqual([]);
  });
});

describe('the boundary', () => {
  it('wrong key 401, unknown room 404, bad body 400, too many comments 413', async () => {
    const roomId = await createRoom(app, { name: '边界', productIds: [] });
    const path = `/api/live/rooms/${roomId}/comments`;
    const one = { comments: [{ userId: 'x', nickname: 'n', text: '你好', ts: 1 }] };
    expect((await app.post(path, one, { authorization: 'Bearer wrong-key-0123456789abcdef' })).status).toBe(401);
    expect((await app.post(path, one)).status).toBe(401);
    expect((await app.get(`/api/live/rooms/${roomId}/replies`)).status).toBe(401);
    expect((await app.post('/api/live/rooms/lr_0123456789abcdef/comments', one, bearer)).status).toBe(404);
    expect((await app.get('/api/live/rooms/nope/private', bearer)).status).toBe(404);
    for (const bad of [{}, { comments: [] }, { comments: [{ nickname: 'n', text: 'hi' }] }, { comments: [{ userId: 'x', text: 7 }] }, { comments: [{ userId: 'x', text: '' }] }, { comments: 'x' }, { comments: [{ userId: 'x', text: 'hi', ts: 'yesterday' }] }]) {
      const r = await app.post(path, bad, bearer);
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBeDefined();
    }
    expect((await app.request('POST', path, '{"comments": [', { ...bearer, 'content-type': 'application/json' })).status).toBe(400);
    const many = { comments: [...Array(501)].map((_, i) => ({ userId: `u${i}`, text: '好' })) };
    expect((await app.post(path, many, bearer)).status).toBe(413);
    expect((await app.get(`/api/live/rooms/${roomId}/replies?after=yesterday`, bearer)).status).toBe(400);
    expect((await app.get(`/api/live/rooms/${roomId}/private?after=pm_zz_1`, bearer)).status).toBe(400);
  });

  it('room setup is for admins, and names what it refuses', async () => {
    expect((await app.post('/api/admin/live/rooms', { name: 'x' })).status).toBe(401);
    const unknown = await app.post('/api/admin/live/rooms', { name: 'x', productIds: ['no-such-product'] }, admin);
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toMatch(/productIds/);
    expect((await app.post('/api/admin/live/rooms', { name: '' }, admin)).status).toBe(400);
    expect((await app.post('/api/admin/live/rooms', { name: 'x', offers: [{ text: '送', quota: 0 }] }, admin)).status).toBe(400);
    const id = await createRoom(app, { name: '列表', productIds: ['sk-0001'], faq: [{ q: '几点下播', a: '今晚十点下播哦' }] });
    const list = (await app.get('/api/admin/live/rooms', admin)).json.items;
    expect(list.map((r: any) => r.id)).toContain(id);
    expect((await app.get('/api/admin/live/rooms/lr_0123456789abcdef', admin)).status).toBe(404);
  });

  it('the host’s room FAQ answers first', async () => {
    const roomId = await createRoom(app, { name: 'FAQ', productIds: ['sk-0001'], faq: [{ q: '今天几点下播', a: '今晚十点下播，不见不散～' }] });
    await sendComments(app, roomId, [{ userId: 'f1', text: '几点下播呀' }, { userId: 'f2', text: '今天几点下播' }]);
    await settled(app);
    expect((await replies(app, roomId)).map((r) => [r.text, r.count])).toEqual([['今晚十点下播，不见不散～', 2]]);
  });
});

describe('direct messages (私信)', () => {
  it('a viewer’s direct message is a private turn; a number answers the numbered list', async () => {
    const roomId = await createRoom(app, { name: '私信', productIds: ['sk-0001'] });
    await sendComments(app, roomId, [{ userId: 'dm', text: '推荐一款保湿面霜', private: true }]);
    await settled(app);
    const asked = (await privateMessages(app, roomId)).map((m) => m.text).join('\n');
    expect(asked).toMatch(/肤质/);
    const list = [...asked.matchAll(/^(\d)\. (.+)$/gm)].map((m) => m[2]);
    expect(list).toContain('干皮');
    const cursor = (await privateMessages(app, roomId)).pop().id;
    await sendComments(app, roomId, [{ userId: 'dm', text: String(list.indexOf('干皮') + 1), private: true }]);
    await settled(app);
    const next = (await privateMessages(app, roomId, cursor)).map((m) => m.text).join('\n');
    expect(next).not.toMatch(/肤质/);
    expect(next.trim()).not.toBe('');
  });
});

describe('personal data', () => {
  it('a viewer’s private follow-up is in their export and goes with their erasure', async () => {
    const roomId = await createRoom(app, { name: '隐私', productIds: ['sk-0001'] });
    await sendComments(app, roomId, [{ userId: 'p-viewer', nickname: '阿花', text: '我要投诉，客服态度太差了' }]);
    await settled(app);
    expect((await privateMessages(app, roomId)).filter((m) => m.userId === 'p-viewer').length).toBeGreaterThan(0);
    const customerId = await app.directory.find({ channelId: 'live', userId: 'default:p-viewer' });
    const exported = await app.get(`/api/admin/customers/${customerId}/export`, admin);
    expect(exported.status).toBe(200);
    expect(exported.json.liveMessages.length).toBeGreaterThan(0);
    expect(JSON.stringify(exported.json)).not.toContain('阿花'); // the nickname was never kept
    expect((await app.request('DELETE', `/api/admin/customers/${customerId}`, undefined, admin)).status).toBe(200);
    expect((await privateMessages(app, roomId)).filter((m) => m.userId === 'p-viewer')).toEqual([]);
  });
});

describe('hostile input', () => {
  it('generated bodies and comments get a 202 or a 4xx, never a 5xx, and the app keeps answering', async () => {
    const roomId = await createRoom(app, { name: '模糊测试', productIds: ['sk-0001'], offers: [{ text: '前5名赠小样', quota: 5 }] });
    const path = `/api/live/rooms/${roomId}/comments`;
    const statuses = new Set<number>();
    const base = { comments: [{ userId: 'fz', nickname: 'n', text: '这个适合油皮吗', ts: 1 }] };
    const comment = fc.record({ userId: fc.oneof(fc.string({ maxLength: 140 }), hostileValue), nickname: fc.option(fc.string({ maxLength: 80 })), text: fc.oneof(fc.string({ maxLength: 600 }), fc.constantFrom('拍了', '3号链接', '我要投诉', '加微信', '是正品吗'), hostileValue), ts: fc.oneof(fc.integer(), fc.string(), hostileValue), private: fc.option(fc.boolean()), type: fc.option(fc.oneof(fc.constantFrom('text', 'gift', 'sticker'), fc.string())) }, { requiredKeys: [] });
    const nonBlank = (max: number) => fc.string({ minLength: 1, maxLength: max }).filter((t) => t.trim() !== '');
    const valid = fc.record({ userId: nonBlank(40), nickname: fc.string({ maxLength: 20 }), text: fc.oneof(nonBlank(300), fc.constantFrom('拍了', '3号链接', '我要投诉', '是正品吗', '666')) });
    const batch = fc.array(fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: comment }), { minLength: 1, maxLength: 10 });
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileJsonBody(base), batch.map((comments) => JSON.stringify({ comments }))), async (body) => {
        const r = await app.request('POST', path, body, { ...bearer, 'content-type': 'application/json' });
        statuses.add(r.status);
        expect(r.status === 202 || (r.status >= 400 && r.status < 500)).toBe(true);
      }),
      { numRuns: 120 },
    );
    await settled(app);
    expect([...statuses].some((s) => s === 202)).toBe(true);
    expect((await app.get('/healthz')).status).toBe(200);
    expect((await app.get(`/api/live/rooms/${roomId}/replies`, bearer)).status).toBe(200);
  }, 60_000);
});
