import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, configSchema, loadConfig } from '../config';

describe('config', () => {
  it('works with no keys at all: port 3978, embedded store under ./data', () => {
    const c = loadConfig({}, null);
    expect(c.PORT).toBe(3978);
    expect(c.DATA_DIR).toBe('./data');
    expect(c.MONGODB_URI).toBeUndefined();
    expect(c.LOG_TRANSCRIPTS).toBe(false);
  });

  it('names the key of every invalid value', () => {
    try {
      loadConfig({ PORT: 'eighty', MONGODB_URI: 'postgres://x', LOG_LEVEL: 'loud' }, null);
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const keys = (err as ConfigError).issues.map((i) => i.key);
      expect(keys).toEqual(expect.arrayContaining(['PORT', 'MONGODB_URI', 'LOG_LEVEL']));
      expect((err as Error).message).toMatch(/PORT/);
    }
  });

  it('treats empty values as unset and parses booleans', () => {
    const c = loadConfig({ MONGODB_URI: '', ADMIN_TOKEN: '', LOG_TRANSCRIPTS: 'yes' }, null);
    expect(c.MONGODB_URI).toBeUndefined();
    expect(c.ADMIN_TOKEN).toBeUndefined();
    expect(c.LOG_TRANSCRIPTS).toBe(true);
    expect(() => loadConfig({ LOG_TRANSCRIPTS: 'maybe' }, null)).toThrow(/LOG_TRANSCRIPTS/);
  });

  it('refuses a private transcription endpoint without its own key, naming the key', () => {
    expect(() => loadConfig({ TRANSCRIPTION_BASE_URL: 'https://asr.internal.example/v1', OPENAI_API_KEY: 'sk-x' }, null)).toThrow(/TRANSCRIPTION_API_KEY/);
    expect(loadConfig({ TRANSCRIPTION_BASE_URL: 'https://asr.internal.example/v1', TRANSCRIPTION_API_KEY: 'k' }, null).TRANSCRIPTION_API_KEY).toBe('k');
  });

  it('rejects a short admin token', () => {
    expect(() => loadConfig({ ADMIN_TOKEN: 'short' }, null)).toThrow(/ADMIN_TOKEN/);
  });

  it('reads a .env file, and real environment variables win over it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfg-'));
    const file = path.join(dir, '.env');
    fs.writeFileSync(file, 'PORT=4000\nMONGODB_DB=fromfile\n');
    const c = loadConfig({ PORT: '5000' }, file);
    expect(c.PORT).toBe(5000);
    expect(c.MONGODB_DB).toBe('fromfile');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('.env.example and the README list every key of the schema', () => {
    const example = fs.readFileSync(path.join(__dirname, '..', '.env.example'), 'utf8');
    const listed = new Set([...example.matchAll(/^#?\s*([A-Za-z][A-Za-z0-9_]*)=/gm)].map((m) => m[1]));
    const keys = Object.keys(configSchema.shape);
    const missing = keys.filter((k) => !listed.has(k));
    expect(missing).toEqual([]);
    const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
    expect(keys.filter((k) => !readme.includes(`\`${k}\``))).toEqual([]);
  });
});
