/**
 * The same contract against a real MongoDB. No MongoDB server can be installed on the development
 * machines, so this runs only when MONGODB_URI is set (e.g. MONGODB_URI=mongodb://localhost:27017 npm test).
 */
import crypto from 'node:crypto';
import { MongoStore } from '../../storage/mongoStore';
import { EncryptingStore, FieldCipher } from '../../storage/encryption';
import { documentStoreContract } from './documentStoreContract';

const uri = process.env.MONGODB_URI;
const dbName = `beautybot_test_${process.pid}`;

if (uri) {
  describe('MongoDB store', () => {
    documentStoreContract(
      () => MongoStore.connect(uri, dbName),
      async (store) => {
        // drop what the test wrote; the contract collections are per-test
        const names = ['botState'];
        for (const name of names) await store.collection(name).deleteMany({});
      },
    );
  });

  describe('MongoDB store behind the encryption decorator (the path buildApp uses)', () => {
    const cipher = new FieldCipher([{ id: 't', key: crypto.randomBytes(32) }]);
    const fields = { botState: ['json'], [`people_${process.pid}`]: ['phone'] };
    documentStoreContract(
      async () => new EncryptingStore(await MongoStore.connect(uri, dbName), { cipher, fields }),
      async (store) => {
        await store.collection('botState').deleteMany({});
      },
    );

    it('stores the encrypted field as ciphertext on the server', async () => {
      const inner = await MongoStore.connect(uri, dbName);
      const store = new EncryptingStore(inner, { cipher, fields });
      const name = `people_${process.pid}`;
      await store.collection<{ _id: string; phone: string }>(name).insertOne({ _id: 'p', phone: '13812345678' });
      expect((await inner.collection<{ _id: string; phone: string }>(name).findOne({ _id: 'p' }))?.phone).toMatch(/^enc:v1:t:/);
      expect((await store.collection<{ _id: string; phone: string }>(name).findOne({ _id: 'p' }))?.phone).toBe('13812345678');
      await inner.collection(name).deleteMany({});
      await store.close();
    });
  });
} else {
  describe('MongoDB store (skipped: MONGODB_URI is not set — set it to run the storage contract against a real server)', () => {
    it.skip('runs the DocumentStore contract against MongoDB', () => undefined);
  });
}
