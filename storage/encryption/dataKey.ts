/**
 * Where the data encryption key comes from: DATA_ENCRYPTION_KEY when set (production refuses to start
 * without it: storage/config.ts); in development a key generated once into DATA_DIR (mode 0600), so
 * the data a developer's bot wrote stays readable across restarts; in tests a random key per process, never written anywhere.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DataKey, parseKeySpec } from './fieldCipher';

export const DEV_KEY_FILE = 'data-encryption.key';

export interface DataKeySettings {
  NODE_ENV: 'development' | 'production' | 'test';
  DATA_DIR: string;
  DATA_ENCRYPTION_KEY?: string;
}

export interface ResolvedKeys {
  keys: DataKey[];
  /** set when this start generated the development key file (the caller logs it, once) */
  generatedFile?: string;
}

let processTestKey: Buffer | undefined;
/** One throwaway key per test process, so a test that restarts the app on the same files can read them. */
function testKey(): Buffer {
  processTestKey ??= crypto.randomBytes(32);
  return processTestKey;
}

export function resolveDataKeys(settings: DataKeySettings): ResolvedKeys {
  if (settings.DATA_ENCRYPTION_KEY) return { keys: parseKeySpec(settings.DATA_ENCRYPTION_KEY) };
  if (settings.NODE_ENV === 'production') {
    // config.ts already refuses this; kept so no other path can start production with a throwaway key
    throw new Error('DATA_ENCRYPTION_KEY is required in production');
  }
  if (settings.NODE_ENV === 'test') return { keys: [{ id: 'test', key: testKey() }] };
  const file = path.resolve(settings.DATA_DIR, DEV_KEY_FILE);
  if (fs.existsSync(file)) return { keys: parseKeySpec(fs.readFileSync(file, 'utf8')) };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const spec = `dev:${crypto.randomBytes(32).toString('base64')}`;
  try {
    // 'wx': if two processes start together, the second reads the first one's key instead of replacing it
    fs.writeFileSync(file, `${spec}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return { keys: parseKeySpec(fs.readFileSync(file, 'utf8')) };
    throw err;
  }
  return { keys: parseKeySpec(spec), generatedFile: file };
}
