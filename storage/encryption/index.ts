/**
 * The store the app uses: the configured backend behind the encryption-at-rest and retention decorator.
 * buildApp (and so every test app and the benchmark) goes through here.
 */
import type { DocumentStore } from '../documentStore';
import { EncryptingStore } from './encryptingStore';
import { FieldCipher } from './fieldCipher';
import { DataKeySettings, resolveDataKeys } from './dataKey';
import { PERSONAL_FIELDS, RETAINED_COLLECTIONS, RETENTION_FIELD } from './personalFields';

export { EncryptingStore } from './encryptingStore';
export { FieldCipher, parseKeySpec } from './fieldCipher';
export { EncryptedFieldError } from './fieldPaths';
export { PERSONAL_FIELDS, RETAINED_COLLECTIONS } from './personalFields';

export interface PrivacySettings extends DataKeySettings {
  RETENTION_DAYS: number;
}

/** Wraps `inner` (once: an already private store is returned as it is). */
export async function privateStore(
  inner: DocumentStore,
  settings: PrivacySettings,
  onKeyGenerated?: (file: string) => void,
): Promise<EncryptingStore> {
  if (inner instanceof EncryptingStore) return inner;
  const { keys, generatedFile } = resolveDataKeys(settings);
  if (generatedFile) onKeyGenerated?.(generatedFile);
  const store = new EncryptingStore(inner, {
    cipher: new FieldCipher(keys),
    fields: PERSONAL_FIELDS,
    retention: { collections: RETAINED_COLLECTIONS, days: settings.RETENTION_DAYS, field: RETENTION_FIELD },
  });
  await store.ensureRetentionIndexes();
  return store;
}
