import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../../config';
import { DEV_KEY_FILE, resolveDataKeys } from '../../../storage/encryption/dataKey';

describe('data encryption key', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'datakey-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('production refuses to start without DATA_ENCRYPTION_KEY, naming the key', () => {
    try {
      loadConfig({ NODE_ENV: 'production', APP_API_KEY: 'k'.repeat(32), MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw' }, null);
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).issues.map((i) => i.key)).toContain('DATA_ENCRYPTION_KEY');
    }
    expect(() => resolveDataKeys({ NODE_ENV: 'production', DATA_DIR: dir })).toThrow(/DATA_ENCRYPTION_KEY/);
  });

  it('rejects a malformed key naming the key but not echoing it; RETENTION_DAYS defaults to 180', () => {
    const bad = crypto.randomBytes(20).toString('base64');
    try {
      loadConfig({ DATA_ENCRYPTION_KEY: bad }, null);
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect((err as ConfigError).issues.map((i) => i.key)).toEqual(['DATA_ENCRYPTION_KEY']);
      expect((err as Error).message).not.toContain(bad);
    }
    const good = crypto.randomBytes(32).toString('base64');
    const config = loadConfig({ DATA_ENCRYPTION_KEY: good }, null);
    expect(config.RETENTION_DAYS).toBe(180);
    expect(resolveDataKeys(config).keys[0].key.equals(Buffer.from(good, 'base64'))).toBe(true);
    expect(() => loadConfig({ RETENTION_DAYS: '0' }, null)).toThrow(/RETENTION_DAYS/);
  });

  it('development generates one key into DATA_DIR (mode 0600), says so once, and reuses it', () => {
    const first = resolveDataKeys({ NODE_ENV: 'development', DATA_DIR: dir });
    const file = path.join(dir, DEV_KEY_FILE);
    expect(first.generatedFile).toBe(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const second = resolveDataKeys({ NODE_ENV: 'development', DATA_DIR: dir });
    expect(second.generatedFile).toBeUndefined();
    expect(second.keys[0].key.equals(first.keys[0].key)).toBe(true);
  });

  it('tests get a throwaway key and write nothing', () => {
    expect(resolveDataKeys({ NODE_ENV: 'test', DATA_DIR: dir }).keys).toHaveLength(1);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
