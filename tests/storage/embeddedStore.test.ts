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

  it('refuses collection names that could escape the data folder', () => {
    const store = new EmbeddedStore(dir);
    expect(() => store.collection('../evil')).toThrow(/invalid collection name/);
  });
});
