import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedStore } from '../../storage/embeddedStore';
import { documentStoreContract } from './documentStoreContract';

describe('embedded store (in memory)', () => {
  documentStoreContract(async () => new EmbeddedStore(null));
});

describe('embedded store (on disk)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-contract-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  // one folder per store: a data folder belongs to one open store at a time
  documentStoreContract(async () => new EmbeddedStore(fs.mkdtempSync(path.join(dir, 'c-'))));

  it('keeps documents across a close and reopen', async () => {
    const first = new EmbeddedStore(dir);
    await first.collection<{ _id: string; v: number }>('persist').insertOne({ _id: 'p', v: 42 });
    await first.collection<{ _id: string; v: number }>('persist').updateOne({ _id: 'p' }, { $inc: { v: 1 } });
    await first.close();
    const second = new EmbeddedStore(dir);
    expect(await second.collection<{ _id: string; v: number }>('persist').findOne({ _id: 'p' })).toEqual({ _id: 'p', v: 43 });
    await second.close();
  });

  it('keeps appending correctly after a compaction replaced the datafile', async () => {
    type Doc = { _id: string; v: number };
    const first = new EmbeddedStore(dir);
    const c = first.collection<Doc>('compacting');
    await c.insertOne({ _id: 'a', v: 1 });
    for (let i = 0; i < 5; i++) await c.updateOne({ _id: 'a' }, { $inc: { v: 1 } });
    await first.compact();
    await c.insertOne({ _id: 'b', v: 10 });
    await c.updateOne({ _id: 'a' }, { $inc: { v: 1 } });
    await first.close();
    const lines = fs.readFileSync(path.join(dir, 'compacting.db'), 'utf8').trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(4);
    const second = new EmbeddedStore(dir);
    expect(await second.collection<Doc>('compacting').find({}, { sort: { _id: 1 } })).toEqual([
      { _id: 'a', v: 7 },
      { _id: 'b', v: 10 },
    ]);
    await second.close();
  });

  it('refuses collection names that could escape the data folder', async () => {
    const store = new EmbeddedStore(dir);
    expect(() => store.collection('../evil')).toThrow(/invalid collection name/);
    await store.close();
  });
});

describe('embedded store: expiry and compaction reach the files', () => {
  type Claim = { _id: string; expiresAt: Date };
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-ttl-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const fileHas = (name: string, text: string) => fs.readFileSync(path.join(dir, `${name}.db`)).includes(Buffer.from(text, 'utf8'));

  it('enforces a TTL index after a restart, and the expired documents leave the datafile', async () => {
    const first = new EmbeddedStore(dir);
    await first.ensureIndex('claims', { fields: { expiresAt: 1 }, expireAfterSeconds: 0 });
    await first.collection<Claim>('claims').insertMany([
      { _id: 'expired-msg-1', expiresAt: new Date(Date.now() - 1000) },
      { _id: 'live-msg', expiresAt: new Date(Date.now() + 3_600_000) },
    ]);
    await first.close(); // nobody read the expired id: it is still in the file at this point
    const second = new EmbeddedStore(dir);
    await second.ensureIndex('claims', { fields: { expiresAt: 1 }, expireAfterSeconds: 0 });
    expect(await second.collection<Claim>('claims').findOne({ _id: 'expired-msg-1' })).toBeNull();
    await second.close();
    expect(fileHas('claims', 'expired-msg-1')).toBe(false);
    expect(fileHas('claims', 'live-msg')).toBe(true);
  });

  it('sweeps expired documents at startup even before a module re-declares the TTL index', async () => {
    const first = new EmbeddedStore(dir);
    await first.ensureIndex('codes', { fields: { expiresAt: 1 }, expireAfterSeconds: 0 });
    await first.collection<Claim>('codes').insertOne({ _id: 'old-code', expiresAt: new Date(Date.now() - 1000) });
    await first.close();
    const second = new EmbeddedStore(dir);
    await second.compact();
    expect(fileHas('codes', 'old-code')).toBe(false);
    await second.close();
  });

  it('compact() removes deleted and overwritten values from the datafile', async () => {
    const store = new EmbeddedStore(dir);
    const c = store.collection<{ _id: string; phone: string }>('people');
    await c.insertOne({ _id: 'p1', phone: '13800000001' });
    await c.updateOne({ _id: 'p1' }, { $set: { phone: '13800000002' } });
    await c.insertOne({ _id: 'p2', phone: '13800000003' });
    await c.deleteOne({ _id: 'p2' });
    expect(fileHas('people', '13800000001')).toBe(true); // append-only until compacted
    await store.compact();
    expect(fileHas('people', '13800000001')).toBe(false);
    expect(fileHas('people', '13800000003')).toBe(false);
    expect(fileHas('people', '13800000002')).toBe(true);
    await store.close();
  });
});
