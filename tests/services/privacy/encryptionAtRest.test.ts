/**
 * Proof that what identifies a person is not on disk in clear: a real conversation through the real app
 * (app channel, demo data) changes an order's address to one with a name and a phone number; after the
 * store is closed, no file under DATA_DIR holds those bytes — yet the same key reads them back.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApp } from '../../helpers/testApp';
import { EmbeddedStore } from '../../../storage';
import { privateStore } from '../../../storage/encryption';
import { DEV_KEY_FILE } from '../../../storage/encryption/dataKey';

const PHONE = '13812345678';
const ADDRESS = '上海市浦东新区世纪大道100号';
const NAME = '张三';
// the demo order's own delivery contact (seeded through the same code path as a shop's orders)
const DEMO_SECRETS = ['13900001234', '林女士', '漕溪北路88号'];

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function filesContaining(dir: string, text: string): string[] {
  const needle = Buffer.from(text, 'utf8');
  return filesUnder(dir).filter((f) => fs.readFileSync(f).includes(needle));
}

describe('encryption at rest (embedded store, real app)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-'));
    // the trained NLU model is cached under DATA_DIR/nlu; reuse the repository's cache instead of training again
    const cache = path.join(__dirname, '..', '..', '..', 'data', 'nlu');
    if (fs.existsSync(cache)) fs.cpSync(cache, path.join(dir, 'nlu'), { recursive: true });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a changed address with name and phone is nowhere in the files, and reads back with the key', async () => {
    const env = { NODE_ENV: 'development', DATA_DIR: dir, DEMO_DATA: 'true' };
    const app = await startTestApp(env, { store: new EmbeddedStore(dir) });
    await app.say('demo', '我要改地址');
    expect((await app.say('demo', '1688000000000102')).join('\n')).toMatch(/新的收货地址/);
    expect((await app.say('demo', `${ADDRESS} ${NAME} ${PHONE}`)).join('\n')).toMatch(/确认/);
    expect((await app.say('demo', '确认')).join('\n')).toMatch(/已修改成功/);
    // a message that is nothing but a phone number lands in the NLU review queue, whose ids are in clear
    await app.say('phone-only', `${PHONE}？`);
    await app.close(100);

    for (const secret of [PHONE, ADDRESS, NAME, ...DEMO_SECRETS]) expect({ secret, files: filesContaining(dir, secret) }).toEqual({ secret, files: [] });
    const keyFile = path.join(dir, DEV_KEY_FILE);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);

    // the development key persisted in DATA_DIR reads the data back after a restart
    const reopened = await privateStore(new EmbeddedStore(dir), { NODE_ENV: 'development', DATA_DIR: dir, RETENTION_DAYS: 180 });
    const order = await reopened.collection<{ _id: string; shipping: { address: string } }>('orders').findOne({ _id: '1688000000000102' });
    expect(order?.shipping.address).toContain(ADDRESS);
    const reviewed = await reopened.collection<{ _id: string; text: string }>('nluReview').find({});
    const phoneRow = reviewed.find((r) => r.text.includes(PHONE));
    expect(phoneRow).toBeDefined();
    // the id is a keyed hash: an unkeyed digest of the text (reversible by trying every number) is nowhere
    const digest = crypto.createHash('sha256').update(phoneRow!.text).digest('hex');
    expect(phoneRow!._id).not.toBe(digest.slice(0, phoneRow!._id.length));
    expect(filesContaining(dir, digest.slice(0, 24))).toEqual([]);
    await reopened.close();
  }, 60_000);
});
