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
  documentStoreContract(async () => new EmbeddedStore(dir));

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

  it('refuses collection names that could escape the data folder', () => {
    const store = new EmbeddedStore(dir);
    expect(() => store.collection('../evil')).toThrow(/invalid collection name/);
  });
});
