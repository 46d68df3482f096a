/**
 * The DocumentStore contract: every backend runs these same tests (botbuilder's storageBaseTests idea).
 */
import { DocumentStore, DuplicateKeyError } from '../../storage/documentStore';
import { DocumentBotStorage, EtagConflictError, IF_ABSENT } from '../../storage/botStateStorage';

interface Item {
  _id: string;
  name: string;
  qty: number;
  tags?: string[];
  nested?: { a: number };
  at?: Date;
}

export function documentStoreContract(makeStore: () => Promise<DocumentStore>, cleanup?: (s: DocumentStore) => Promise<void>) {
  let store: DocumentStore;
  let n = 0;
  const coll = () => store.collection<Item>(`contract_${process.pid}_${n}`);

  beforeEach(async () => {
    n++;
    store = await makeStore();
  });
  afterEach(async () => {
    if (cleanup) await cleanup(store);
    await store.close();
  });

  it('inserts and finds by _id and by field, with dotted paths and operators', async () => {
    const c = coll();
    await c.insertMany([
      { _id: 'a', name: 'cream', qty: 3, nested: { a: 1 } },
      { _id: 'b', name: 'serum', qty: 10, nested: { a: 2 } },
      { _id: 'c', name: 'toner', qty: 0, nested: { a: 3 } },
    ]);
    expect(await c.findOne({ _id: 'b' })).toMatchObject({ name: 'serum', qty: 10 });
    expect(await c.findOne({ _id: 'zzz' })).toBeNull();
    expect((await c.find({ qty: { $gt: 0 } }, { sort: { qty: -1 } })).map((d) => d._id)).toEqual(['b', 'a']);
    expect((await c.find({ 'nested.a': { $in: [1, 3] } }, { sort: { _id: 1 } })).map((d) => d._id)).toEqual(['a', 'c']);
    expect((await c.find({ $or: [{ name: 'toner' }, { qty: 3 }] }, { sort: { _id: 1 } })).map((d) => d._id)).toEqual(['a', 'c']);
    expect(await c.count({ qty: { $gte: 3 } })).toBe(2);
    expect((await c.find({}, { sort: { _id: 1 }, skip: 1, limit: 1 })).map((d) => d._id)).toEqual(['b']);
  });

  it('rejects a duplicate _id with DuplicateKeyError and keeps the first document', async () => {
    const c = coll();
    await c.insertOne({ _id: 'x', name: 'first', qty: 1 });
    await expect(c.insertOne({ _id: 'x', name: 'second', qty: 2 })).rejects.toBeInstanceOf(DuplicateKeyError);
    expect((await c.findOne({ _id: 'x' }))?.name).toBe('first');
  });

  it('enforces unique indexes', async () => {
    const name = `contract_${process.pid}_${n}`;
    await store.ensureIndex(name, { fields: { name: 1 }, unique: true });
    await store.ensureIndex(name, { fields: { name: 1 }, unique: true }); // idempotent
    const c = coll();
    await c.insertOne({ _id: '1', name: 'only', qty: 1 });
    await expect(c.insertOne({ _id: '2', name: 'only', qty: 1 })).rejects.toBeInstanceOf(DuplicateKeyError);
  });

  it('applies update operators and reports matches', async () => {
    const c = coll();
    await c.insertOne({ _id: 'u', name: 'lipstick', qty: 5, tags: ['red'] });
    const r = await c.updateOne({ _id: 'u' }, { $inc: { qty: -2 }, $push: { tags: 'matte' }, $set: { name: 'Lipstick' } });
    expect(r.matched).toBe(1);
    await c.updateOne({ _id: 'u' }, { $addToSet: { tags: 'red' } });
    expect(await c.findOne({ _id: 'u' })).toMatchObject({ name: 'Lipstick', qty: 3, tags: ['red', 'matte'] });
    expect((await c.updateOne({ _id: 'none' }, { $set: { qty: 1 } })).matched).toBe(0);
    await c.updateOne({ _id: 'u' }, { $unset: { tags: true } });
    expect((await c.findOne({ _id: 'u' }))?.tags).toBeUndefined();
  });

  it('upserts with replaceOne and updateOne', async () => {
    const c = coll();
    const r = await c.replaceOne({ _id: 'r' }, { _id: 'r', name: 'new', qty: 1 }, { upsert: true });
    expect(r.matched).toBe(0);
    await c.replaceOne({ _id: 'r' }, { _id: 'r', name: 'replaced', qty: 2 }, { upsert: true });
    expect(await c.findOne({ _id: 'r' })).toMatchObject({ name: 'replaced', qty: 2 });
    await c.updateOne({ _id: 'up' }, { $set: { name: 'made', qty: 7 } }, { upsert: true });
    expect(await c.findOne({ _id: 'up' })).toMatchObject({ name: 'made', qty: 7 });
  });

  it('findOneAndUpdate is atomic: a quota is never oversold under concurrency', async () => {
    const c = coll();
    await c.insertOne({ _id: 'gift', name: 'sample', qty: 10 });
    const claims = await Promise.all(
      Array.from({ length: 40 }, () => c.findOneAndUpdate({ _id: 'gift', qty: { $gt: 0 } }, { $inc: { qty: -1 } })),
    );
    expect(claims.filter((x) => x !== null)).toHaveLength(10);
    expect((await c.findOne({ _id: 'gift' }))?.qty).toBe(0);
    const after = claims.find((x) => x !== null)!;
    expect(after.qty).toBeLessThan(10); // the document as it is after the update
  });

  // the satisfaction records and the audit log do this: a Date field in a sparse index, some of it set later by $set
  it('finds documents by a Date range through a sparse index, also when the field was set later', async () => {
    const name = `contract_dates_${process.pid}_${n}`;
    await store.ensureIndex(name, { fields: { answeredAt: 1 }, sparse: true });
    const c = store.collection<Item & { answeredAt?: Date }>(name);
    await c.insertOne({ _id: 'early', name: 'x', qty: 0, answeredAt: new Date('2026-01-02T00:00:00Z') });
    await c.insertOne({ _id: 'open', name: 'x', qty: 0 });
    await c.insertOne({ _id: 'late', name: 'x', qty: 0 });
    await c.updateOne({ _id: 'late' }, { $set: { answeredAt: new Date('2026-01-05T00:00:00Z') } });
    const found = await c.find({ answeredAt: { $gte: new Date('2026-01-01T00:00:00Z'), $lt: new Date('2026-02-01T00:00:00Z') } });
    expect(found.map((d) => d._id).sort()).toEqual(['early', 'late']);
    expect(await c.count({ answeredAt: { $gte: new Date('2026-01-04T00:00:00Z') } })).toBe(1);
  });

  // storage/jobs.ts claims work this way: a range on a sparse-indexed number, then $unset drops the row from it
  it('findOneAndUpdate claims: concurrent claimers over a sparse index range get each document once', async () => {
    const name = `contract_${process.pid}_${n}`;
    await store.ensureIndex(name, { fields: { due: 1 }, sparse: true });
    const c = store.collection<Item & { due?: number }>(name);
    const due = Date.parse('2026-01-01T00:00:00Z');
    await c.insertMany(Array.from({ length: 20 }, (_, i) => ({ _id: `j${i}`, name: 'job', qty: 0, due })));
    await c.insertOne({ _id: 'later', name: 'job', qty: 0, due: Date.parse('2026-02-01T00:00:00Z') });
    await c.insertOne({ _id: 'idle', name: 'job', qty: 0 });
    const now = Date.parse('2026-01-15T00:00:00Z');
    const claimOne = () => c.findOneAndUpdate({ due: { $lte: now }, name: { $in: ['job'] } }, { $unset: { due: '' }, $inc: { qty: 1 } });
    const claimed = await Promise.all(Array.from({ length: 30 }, claimOne));
    const ids = claimed.filter((x) => x !== null).map((x) => x!._id);
    expect(new Set(ids).size).toBe(20);
    expect(ids).toHaveLength(20);
    expect(await claimOne()).toBeNull();
    expect(await c.count({ qty: 1 })).toBe(20);
    expect((await c.findOne({ _id: 'later' }))?.qty).toBe(0);
  });

  it('enforces a unique index over two fields (the pair, not each field)', async () => {
    const name = `contract_${process.pid}_${n}`;
    await store.ensureIndex(name, { fields: { name: 1, qty: 1 }, unique: true });
    const c = coll();
    await c.insertOne({ _id: '1', name: 'campaign-a', qty: 1 });
    await c.insertOne({ _id: '2', name: 'campaign-a', qty: 2 });
    await c.insertOne({ _id: '3', name: 'campaign-b', qty: 1 });
    await expect(c.insertOne({ _id: '4', name: 'campaign-a', qty: 1 })).rejects.toBeInstanceOf(DuplicateKeyError);
    expect(await c.count({})).toBe(3);
  });

  it('keeps Dates and deletes one or many', async () => {
    const c = coll();
    const at = new Date('2026-01-02T03:04:05Z');
    await c.insertMany([
      { _id: 'd1', name: 'x', qty: 1, at },
      { _id: 'd2', name: 'x', qty: 2 },
      { _id: 'd3', name: 'y', qty: 3 },
    ]);
    expect((await c.findOne({ _id: 'd1' }))?.at?.getTime()).toBe(at.getTime());
    expect(await c.deleteOne({ name: 'x' })).toBe(1);
    expect(await c.deleteMany({})).toBe(2);
    expect(await c.count({})).toBe(0);
  });

  it('expires documents past their TTL: reads skip them and a sweep/compaction removes them', async () => {
    const name = `contract_${process.pid}_${n}`;
    const c = store.collection<{ _id: string; expiresAt: Date | string }>(name);
    const past = new Date(Date.now() - 60_000);
    const future = new Date(Date.now() + 3_600_000);
    await c.insertMany([
      { _id: 'gone1', expiresAt: past },
      { _id: 'gone2', expiresAt: past },
      { _id: 'live', expiresAt: future },
      { _id: 'notADate', expiresAt: 'never' }, // TTL applies only to Dates (MongoDB's rule)
    ]);
    await store.ensureIndex(name, { fields: { expiresAt: 1 }, expireAfterSeconds: 0 });
    expect((await c.find({}, { sort: { _id: 1 } })).map((d) => d._id)).toEqual(['live', 'notADate']);
    expect(await c.findOne({ _id: 'gone1' })).toBeNull();
    expect(await c.count({})).toBe(2);
    await store.compact();
    expect(await c.count({})).toBe(2);
  });

  it('compact() keeps live data intact', async () => {
    const c = coll();
    await c.insertMany([
      { _id: 'k1', name: 'keep', qty: 1 },
      { _id: 'k2', name: 'drop', qty: 2 },
    ]);
    await c.updateOne({ _id: 'k1' }, { $set: { name: 'kept' } });
    await c.deleteOne({ _id: 'k2' });
    await store.compact();
    expect(await c.find({})).toEqual([{ _id: 'k1', name: 'kept', qty: 1 }]);
  });

  it('answers ping while open', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });

  describe('bot state storage (eTags)', () => {
    const key = () => `k_${process.pid}_${n}`;

    it('reads what was written, with a fresh eTag', async () => {
      const s = new DocumentBotStorage(store);
      await s.write({ [key()]: { count: 1, 'dotted.key': true, $odd: 'ok' } });
      const items = await s.read([key(), 'missing']);
      expect(items[key()]).toMatchObject({ count: 1, 'dotted.key': true, $odd: 'ok' });
      expect(typeof items[key()].eTag).toBe('string');
      expect(items.missing).toBeUndefined();
    });

    it('rejects a write with a stale eTag and keeps the newer state', async () => {
      const s = new DocumentBotStorage(store);
      await s.write({ [key()]: { v: 1 } });
      const first = (await s.read([key()]))[key()];
      const second = (await s.read([key()]))[key()];
      await s.write({ [key()]: { ...first, v: 2 } });
      await expect(s.write({ [key()]: { ...second, v: 3 } })).rejects.toBeInstanceOf(EtagConflictError);
      expect((await s.read([key()]))[key()].v).toBe(2);
    });

    it("writes unconditionally with eTag '*' and create-only with IF_ABSENT", async () => {
      const s = new DocumentBotStorage(store);
      await s.write({ [key()]: { v: 1, eTag: IF_ABSENT } });
      await expect(s.write({ [key()]: { v: 9, eTag: IF_ABSENT } })).rejects.toBeInstanceOf(EtagConflictError);
      await s.write({ [key()]: { v: 5, eTag: '*' } });
      expect((await s.read([key()]))[key()].v).toBe(5);
    });

    it('deletes items', async () => {
      const s = new DocumentBotStorage(store);
      await s.write({ [key()]: { v: 1 } });
      await s.delete([key()]);
      expect(await s.read([key()])).toEqual({});
    });
  });
}
