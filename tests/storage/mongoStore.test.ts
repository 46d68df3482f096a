/**
 * The same contract against a real MongoDB. No MongoDB server can be installed on the development
 * machines, so this runs only when MONGODB_URI is set (e.g. MONGODB_URI=mongodb://localhost:27017 npm test).
 */
import { MongoStore } from '../../storage/mongoStore';
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
} else {
  describe('MongoDB store (skipped: MONGODB_URI is not set — set it to run the storage contract against a real server)', () => {
    it.skip('runs the DocumentStore contract against MongoDB', () => undefined);
  });
}
