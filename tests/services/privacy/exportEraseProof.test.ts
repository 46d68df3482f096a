/**
 * Proof of issue 9 on the real app (real NLU, demo store, embedded store on disk): a customer gives a phone
 * number and an address, claims a coupon and asks for a human; the export holds all of it; after DELETE the
 * export is 404, the identity lookup is empty, and no datafile under DATA_DIR holds the customer's text,
 * in clear or encrypted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ADMIN_TOKEN, RunningApp, startTestApp } from '../../helpers/testApp';
import { EmbeddedStore } from '../../../storage';

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
const PHONE = '13812345678';
const ADDRESS = '上海市浦东新区世纪大道100号8楼';
const MESSAGE = '你们客服在哪里呀我等很久了';

/** Every file under dir (recursively) whose bytes contain needle. */
function filesContaining(dir: string, needle: string): string[] {
  const hits: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) hits.push(...filesContaining(full, needle));
    else if (fs.readFileSync(full).includes(Buffer.from(needle, 'utf8'))) hits.push(full);
  }
  return hits;
}

/** Encrypted values (`enc:v1:…`) in the datafiles' lines that mention one of the markers. */
function ciphertextsNear(dir: string, markers: string[]): string[] {
  const found: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string' && value.startsWith('enc:v1:')) found.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.db'))) {
    for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      if (line && markers.some((m) => line.includes(m))) collect(JSON.parse(line));
    }
  }
  return found;
}

describe('export and erase a customer who talked to the bot (embedded store on disk)', () => {
  let app: RunningApp;
  let dataDir: string;
  let customerId: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-proof-'));
    // reuse a trained intent model when one is cached (training takes ~10 s); it holds no customer data
    const cache = path.resolve('data/nlu');
    if (fs.existsSync(cache)) fs.cpSync(cache, path.join(dataDir, 'nlu'), { recursive: true });
    app = await startTestApp({ DEMO_DATA: 'true', DATA_DIR: dataDir }, { store: new EmbeddedStore(dataDir) });
  }, 60000);
  afterAll(async () => {
    await app.close(500);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('holds the conversation in the export, then erases every trace of it', async () => {
    const say = (text: string) => app.say('demo', text).then((r) => r.join('\n'));
    expect(await say('我要改地址')).toMatch(/哪个订单/);
    expect(await say('1688000000000102')).toMatch(/收货地址/);
    expect(await say(ADDRESS)).toMatch(/确认/);
    expect(await say('是')).toMatch(/修改成功/);
    expect(await say(`电话改成${PHONE}`)).toMatch(/哪个订单/);
    expect(await say('1688000000000102')).toMatch(/确认/);
    expect(await say('是')).toMatch(/修改成功/);
    expect(await say('领券')).toMatch(/领取成功/);
    expect(await say('转人工')).toMatch(/人工客服/);
    expect(await say(MESSAGE)).toMatch(/队列|人工/);
    await app.events.flush();

    const lookup = await app.get('/api/admin/customers?channelId=app&userId=demo', auth);
    expect(lookup.status).toBe(200);
    expect(lookup.json.items).toHaveLength(1);
    customerId = lookup.json.items[0].customerId;

    const exported = await app.get(`/api/admin/customers/${customerId}/export`, auth);
    expect(exported.status).toBe(200);
    const doc = exported.json;
    const text = JSON.stringify(doc);
    expect(doc.customerId).toBe(customerId);
    expect(doc.identities).toEqual([expect.objectContaining({ channelId: 'app', userId: 'demo' })]);
    expect(doc.orders.find((o: { _id: string }) => o._id === '1688000000000102').shipping).toMatchObject({ phone: PHONE, address: ADDRESS });
    expect(doc.coupons).toHaveLength(1);
    expect(doc.promotionClaims.length).toBeGreaterThanOrEqual(1);
    expect(doc.handoffs[0]).toMatchObject({ state: 'queued' });
    expect(text).toContain(MESSAGE); // the handoff inbox
    expect(doc.profile).toMatchObject({ language: 'zh' });
    expect(doc.dialogState).toHaveProperty('recentTurns');
    expect(doc.analyticsEvents.length).toBeGreaterThanOrEqual(10);
    expect(doc.conversationReferences[0]).toMatchObject({ channelId: 'app' });
    expect(Array.isArray(doc.reviewItems)).toBe(true);
    expect(doc.tickets).toEqual([]);

    // personal fields are encrypted at rest, so the plain text is never in the files; what the erase must
    // remove are their ciphertexts: the customer's state, handoff, references and the changed order
    const ciphertexts = ciphertextsNear(dataDir, [customerId, '1688000000000102']);
    expect(ciphertexts.length).toBeGreaterThanOrEqual(4);

    const erased = await app.request('DELETE', `/api/admin/customers/${customerId}`, undefined, auth);
    expect([200, 204]).toContain(erased.status);
    // the erase compacted the datafiles: the deleted lines are gone already, before any restart
    for (const needle of ciphertexts) expect(filesContaining(dataDir, needle)).toEqual([]);
    expect((await app.get(`/api/admin/customers/${customerId}/export`, auth)).status).toBe(404);
    expect((await app.get('/api/admin/customers?channelId=app&userId=demo', auth)).json).toEqual({ items: [] });

    // the same channel user comes back as a brand-new customer
    await say('你好');
    const again = await app.get('/api/admin/customers?channelId=app&userId=demo', auth);
    expect(again.json.items[0].customerId).not.toBe(customerId);

    const audit = await app.get(`/api/admin/audit?customerId=${customerId}`, auth);
    expect(audit.json.items.map((i: { action: string; status: number }) => `${i.action} ${i.status}`)).toEqual([
      'customer_export 404',
      'customer_erase 200',
      'customer_export 200',
      'customer_lookup 200',
    ]);
    expect(JSON.stringify(audit.json)).not.toContain(PHONE);

    await app.close(500);
    for (const needle of [PHONE, ADDRESS, MESSAGE, ...ciphertexts]) expect(filesContaining(dataDir, needle)).toEqual([]);
    // the audit log keeps the (now meaningless) id of what was erased; nothing else does
    expect(filesContaining(dataDir, customerId).map((f) => path.basename(f))).toEqual(['adminAudit.db']);
  });
});
