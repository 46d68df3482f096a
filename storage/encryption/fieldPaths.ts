/**
 * Where the encrypted values of one collection sit, and how documents, updates and filters are changed
 * (or refused) so those values are never written or queried in clear.
 *
 * A path is dotted (`shipping.phone`, `inbox.text`). An array met on the way is entered element by element
 * (MongoDB's own rule), and an array at the end of a path is encrypted element by element too, so that
 * `$push` of one more element fits. Anything else at the end of a path (a string, a whole subdocument)
 * becomes one ciphertext.
 */
import type { Filter, FindOptions, Update } from '../documentStore';
import { FieldCipher } from './fieldCipher';

/** A query, sort or update the encrypted form cannot serve; thrown so the mistake shows in the first test. */
export class EncryptedFieldError extends Error {
  constructor(collection: string, field: string, what: string) {
    super(`"${collection}.${field}" is encrypted at rest: ${what}`);
    this.name = 'EncryptedFieldError';
  }
}

type Leaf = (value: unknown) => unknown;
type Relation = 'same' | 'parent' | 'inside' | 'none';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** Applies `leaf` to what sits at `segments` inside `value`, copying only what changes. */
function mapAt(value: unknown, segments: string[], leaf: Leaf): unknown {
  if (value === null || value === undefined) return value;
  if (segments.length === 0) return Array.isArray(value) ? value.map((v) => (v == null ? v : leaf(v))) : leaf(value);
  if (Array.isArray(value)) return value.map((v) => mapAt(v, segments, leaf));
  if (!isPlainObject(value)) return value;
  const [head, ...rest] = segments;
  if (!(head in value)) return value;
  return { ...value, [head]: mapAt(value[head], rest, leaf) };
}

/** `inbox.3.text` and `items.$.name` address the same field as `inbox.text` / `items.name`. */
function normalize(key: string): string {
  return key
    .split('.')
    .filter((s) => !/^\d+$/.test(s) && !s.startsWith('$'))
    .join('.');
}

function relation(key: string, path: string): Relation {
  if (key === path) return 'same';
  if (path.startsWith(`${key}.`)) return 'parent';
  if (key.startsWith(`${path}.`)) return 'inside';
  return 'none';
}

const MATCHING_OPERATORS = ['$inc', '$min', '$max', '$pull'] as const;

export class FieldPaths {
  /** each path split once: reads and writes walk them on every document */
  private readonly segments: [path: string, segments: string[], context: string][];

  constructor(
    private readonly cipher: FieldCipher,
    private readonly collection: string,
    private readonly paths: string[],
  ) {
    this.segments = paths.map((p) => [p, p.split('.'), `${collection}/${p}`]);
  }

  private context(path: string): string {
    return `${this.collection}/${path}`;
  }

  encryptDoc<T>(doc: T): T {
    let out: unknown = doc;
    for (const [, segments, context] of this.segments) out = mapAt(out, segments, (v) => this.cipher.encrypt(v, context));
    return out as T;
  }

  decryptDoc<T>(doc: T): T {
    let out: unknown = doc;
    for (const [, segments, context] of this.segments) {
      // a value written before encryption was switched on is still plaintext: read it as it is
      out = mapAt(out, segments, (v) => (FieldCipher.isCiphertext(v) ? this.cipher.decrypt(v, context) : v));
    }
    return out as T;
  }

  /** True when a stored document holds a plaintext value or one under an older key at an encrypted path. */
  needsRewrap(stored: unknown): boolean {
    let stale = false;
    const primary = this.cipher.primaryId;
    for (const path of this.paths) {
      mapAt(stored, path.split('.'), (v) => {
        if (FieldCipher.keyIdOf(v) !== primary) stale = true;
        return v;
      });
    }
    return stale;
  }

  encryptUpdate(update: Update): Update {
    const out: Update = { ...update };
    if (update.$set) out.$set = this.encryptAssignments(update.$set);
    if (update.$push) out.$push = this.encryptAdditions(update.$push, '$push');
    if (update.$addToSet) out.$addToSet = this.encryptAdditions(update.$addToSet, '$addToSet');
    for (const op of MATCHING_OPERATORS) {
      for (const key of Object.keys(update[op] ?? {})) this.refuse(key, `${op} cannot work on ciphertext`);
    }
    return out;
  }

  /** Only `$exists` can be asked of an encrypted field: its ciphertext is random and matches nothing. */
  checkFilter(filter: Filter): void {
    for (const [key, condition] of Object.entries(filter)) {
      if (key === '$or' || key === '$and' || key === '$nor') {
        for (const sub of (condition as Filter[]) ?? []) this.checkFilter(sub);
        continue;
      }
      const existsOnly = isPlainObject(condition) && Object.keys(condition).every((op) => op === '$exists');
      if (!existsOnly) this.refuse(key, 'it cannot be queried (use a look-up hash)');
    }
  }

  checkSort(options?: FindOptions): void {
    for (const key of Object.keys(options?.sort ?? {})) this.refuse(key, 'it cannot be sorted on');
  }

  private refuse(key: string, what: string): void {
    const field = normalize(key);
    for (const path of this.paths) {
      if (relation(field, path) !== 'none') throw new EncryptedFieldError(this.collection, path, what);
    }
  }

  private encryptAssignments(set: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(set)) out[key] = this.encryptAt(key, value, '$set');
    return out;
  }

  private encryptAdditions(add: Record<string, unknown>, op: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(add)) {
      // a pushed element sits one level below the array's own path
      if (isPlainObject(value) && Array.isArray(value.$each)) {
        out[key] = { ...value, $each: value.$each.map((e) => this.encryptAt(key, e, op)) };
      } else {
        out[key] = this.encryptAt(key, value, op);
      }
    }
    return out;
  }

  private encryptAt(key: string, value: unknown, op: string): unknown {
    const field = normalize(key);
    let out = value;
    for (const path of this.paths) {
      const rel = relation(field, path);
      const encrypt: Leaf = (v) => this.cipher.encrypt(v, this.context(path));
      if (rel === 'same') out = mapAt(out, [], encrypt);
      else if (rel === 'parent') out = mapAt(out, path.slice(field.length + 1).split('.'), encrypt);
      else if (rel === 'inside') throw new EncryptedFieldError(this.collection, path, `${op} of "${key}" would write inside one ciphertext; write the whole field`);
    }
    return out;
  }
}
