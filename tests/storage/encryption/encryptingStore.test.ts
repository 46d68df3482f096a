import crypto from 'node:crypto';
import { EmbeddedStore } from '../../../storage';
import { DocumentBotStorage } from '../../../storage/botStateStorage';
import { EncryptedFieldError, EncryptingStore, FieldCipher } from '../../../storage/encryption';
import { documentStoreContract } from '../documentStoreContract';

const keyA = { id: 'a', key: crypto.randomBytes(32) };
const keyB = { id: 'b', key: crypto.randomBytes(32) };
const FIELDS = {
  orders: ['shipping.name', 'shipping.phone', 'shipping.address', 'invoice.title'],
  handoffs: ['summary', 'inbox.text'],
  botState: ['json'],
};
const RETENTION = { collections: ['handoffs', 'events'], days: 10, field: 'expiresAt' };
const NOW = Date.now(); // a fixed clock for the stamps; the TTL itself runs on the real one

function wrap(inner: EmbeddedStore, keys = [keyA]): EncryptingStore {
  return new EncryptingStore(inner, { cipher: new FieldCipher(keys), fields: FIELDS, retention: RETENTION, now: () => NOW });
}

type Doc = { _id: string; [k: string]: any };
const ENC = /^enc:v1:/;

describe('encrypting store: the contract still holds through the decorator', () => {
  documentStoreContract(async () => wrap(new EmbeddedStore(null)));
});

describe('encrypting store', () => {
  let inner: EmbeddedStore;
  let store: EncryptingStore;
  beforeEach(() => {
    inner = new EmbeddedStore(null);
    store = wrap(inner);
  });
  afterEach(() => store.close());
  const raw = (c: string, id: string) => inner.collection<Doc>(c).findOne({ _id: id });

  it('encrypts configured fields of inserted documents and decrypts them on every read', async () => {
    const order = { _id: 'o1', customerId: 'c1', status: 'paid', shipping: { name: '张三', phone: '13812345678', address: '世纪大道100号' } };
    await store.collection<Doc>('orders').insertOne(order);
    const stored = await raw('orders', 'o1');
    expect(stored?.shipping.phone).toMatch(ENC);
    expect(stored?.shipping.name).toMatch(ENC);
    expect(stored).toMatchObject({ customerId: 'c1', status: 'paid' }); // what queries use stays clear
    expect(await store.collection<Doc>('orders').findOne({ _id: 'o1' })).toEqual(order);
    expect(await store.collection<Doc>('orders').find({ customerId: 'c1' }, { sort: { _id: 1 } })).toEqual([order]);
  });

  it('encrypts $set of a path, of a parent subdocument and of a positional element', async () => {
    const orders = store.collection<Doc>('orders');
    await orders.insertOne({ _id: 'o2', shipping: { name: 'a', phone: 'b', address: 'c' } });
    await orders.updateOne({ _id: 'o2' }, { $set: { 'shipping.address': '新地址1号' } });
    expect((await raw('orders', 'o2'))?.shipping.address).toMatch(ENC);
    const after = await orders.findOneAndUpdate({ _id: 'o2', invoice: { $exists: false } }, { $set: { invoice: { type: 'personal', title: '张三' } } });
    expect(after?.invoice).toEqual({ type: 'personal', title: '张三' });
    const stored = await raw('orders', 'o2');
    expect(stored?.invoice.title).toMatch(ENC);
    expect(stored?.invoice.type).toBe('personal');
    await orders.updateOne({ _id: 'o2' }, { $set: { shipping: { name: 'n', phone: 'p', address: 'x' } } });
    expect(Object.values((await raw('orders', 'o2'))?.shipping)).toEqual([expect.stringMatching(ENC), expect.stringMatching(ENC), expect.stringMatching(ENC)]);

    const handoffs = store.collection<Doc>('handoffs');
    await handoffs.insertOne({ _id: 'h1', state: 'queued', inbox: [{ text: 'first' }], summary: { text: 's', lastTurns: ['t'] } });
    await handoffs.updateOne({ _id: 'h1' }, { $set: { 'inbox.0.text': '13812345678' } });
    expect((await raw('handoffs', 'h1'))?.inbox[0].text).toMatch(ENC);
    expect((await handoffs.findOne({ _id: 'h1' }))?.inbox[0].text).toBe('13812345678');
  });

  it('encrypts each element pushed with $each/$slice', async () => {
    const handoffs = store.collection<Doc>('handoffs');
    await handoffs.insertOne({ _id: 'h2', state: 'queued', inbox: [] });
    for (const text of ['one', 'two', '13812345678']) {
      await handoffs.updateOne({ _id: 'h2' }, { $push: { inbox: { $each: [{ at: new Date(NOW), text }], $slice: -2 } } });
    }
    const stored = await raw('handoffs', 'h2');
    expect(stored?.inbox.map((e: Doc) => e.text)).toEqual([expect.stringMatching(ENC), expect.stringMatching(ENC)]);
    expect(stored?.inbox[0].at).toEqual(new Date(NOW));
    expect((await handoffs.findOne({ _id: 'h2' }))?.inbox.map((e: Doc) => e.text)).toEqual(['two', '13812345678']);
  });

  it('refuses what ciphertext cannot serve: filters, sorts, indexes and partial writes of encrypted fields', async () => {
    const orders = store.collection<Doc>('orders');
    await expect(orders.findOne({ 'shipping.phone': '13812345678' })).rejects.toBeInstanceOf(EncryptedFieldError);
    await expect(orders.find({ $or: [{ status: 'paid' }, { shipping: { phone: 'x' } }] })).rejects.toBeInstanceOf(EncryptedFieldError);
    await expect(orders.find({}, { sort: { 'shipping.name': 1 } })).rejects.toBeInstanceOf(EncryptedFieldError);
    await expect(orders.updateOne({ _id: 'x' }, { $inc: { 'invoice.title': 1 } })).rejects.toBeInstanceOf(EncryptedFieldError);
    await expect(store.collection<Doc>('handoffs').updateOne({ _id: 'x' }, { $set: { 'summary.note': 'n' } })).rejects.toThrow(/whole field/);
    await expect(store.ensureIndex('orders', { fields: { 'shipping.phone': 1 } })).rejects.toBeInstanceOf(EncryptedFieldError);
    await expect(orders.count({ invoice: { $exists: true } })).resolves.toBe(0);
  });

  it('keeps bot state (dialog stack, recent turns) encrypted through the botbuilder storage', async () => {
    const state = new DocumentBotStorage(store);
    await state.write({ 'c1/state': { dialogStack: [{ answer: '世纪大道100号 13812345678' }] } });
    expect((await raw('botState', 'c1/state'))?.json).toMatch(ENC);
    expect((await state.read(['c1/state']))['c1/state'].dialogStack[0].answer).toContain('13812345678');
  });

  it('stamps the retention expiry on every write to a retained collection, and the TTL index enforces it', async () => {
    await store.ensureRetentionIndexes();
    const events = store.collection<Doc>('events');
    await events.insertOne({ _id: 'e1', intent: 'greeting' });
    const expiresAt = new Date(NOW + 10 * 86_400_000);
    expect((await raw('events', 'e1'))?.expiresAt).toEqual(expiresAt);
    await store.collection<Doc>('handoffs').updateOne({ _id: 'h9' }, { $set: { state: 'bot' } }, { upsert: true });
    expect((await raw('handoffs', 'h9'))?.expiresAt).toEqual(expiresAt);
    await store.collection<Doc>('orders').insertOne({ _id: 'o9' });
    expect((await raw('orders', 'o9'))?.expiresAt).toBeUndefined(); // orders are not retention-limited
    // a document whose stamp has passed is no longer returned
    await inner.collection<Doc>('events').insertOne({ _id: 'old', expiresAt: new Date(Date.now() - 1000) });
    expect(await events.findOne({ _id: 'old' })).toBeNull();
  });

  it('reads plaintext written before encryption, and reencrypt() moves everything to the newest key', async () => {
    await inner.collection<Doc>('orders').insertOne({ _id: 'legacy', shipping: { name: '旧', phone: '13800000000', address: '旧地址' } });
    await store.collection<Doc>('orders').insertOne({ _id: 'underA', shipping: { name: 'A', phone: '1', address: 'a' } });
    expect((await store.collection<Doc>('orders').findOne({ _id: 'legacy' }))?.shipping.name).toBe('旧');
    const rotated = wrap(inner, [keyB, keyA]);
    expect(await rotated.reencrypt()).toBe(2);
    expect(await rotated.reencrypt()).toBe(0);
    for (const id of ['legacy', 'underA']) expect(FieldCipher.keyIdOf((await raw('orders', id))?.shipping.phone)).toBe('b');
    const onlyB = wrap(inner, [keyB]);
    expect((await onlyB.collection<Doc>('orders').findOne({ _id: 'legacy' }))?.shipping.phone).toBe('13800000000');
  });
});
