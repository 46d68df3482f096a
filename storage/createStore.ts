/** Picks the backend: MongoDB when MONGODB_URI is set, the embedded store under DATA_DIR otherwise. */
import path from 'node:path';
import type { DocumentStore } from './documentStore';
import { EmbeddedStore } from './embeddedStore';
import { MongoStore } from './mongoStore';

export interface StoreOptions {
  MONGODB_URI?: string;
  MONGODB_DB: string;
  DATA_DIR: string;
}

export async function createStore(options: StoreOptions): Promise<DocumentStore> {
  if (options.MONGODB_URI) return MongoStore.connect(options.MONGODB_URI, options.MONGODB_DB);
  return new EmbeddedStore(path.resolve(options.DATA_DIR));
}
