/**
 * Staff password hashes: scrypt from node:crypto with a random salt per password. The stored form names
 * its parameters (`scrypt$N$r$p$salt$hash`), so the cost can be raised later without breaking old hashes.
 */
import crypto from 'node:crypto';

const KEY_LENGTH = 32;
const DEFAULT_COST = { N: 16384, r: 8, p: 1 };

function scrypt(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    crypto.scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...cost, maxmem: 64 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password, salt, DEFAULT_COST);
  const { N, r, p } = DEFAULT_COST;
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when `password` matches `stored`; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (scheme !== 'scrypt' || !salt || !hash || !Object.values(cost).every((v) => Number.isInteger(v) && v > 0)) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), cost);
  return expected.length === actual.length && crypto.timingSafeEqual(expected, actual);
}

/**
 * A hash of a random password, verified against when the username is unknown: the answer then takes as
 * long as a wrong password, so timing does not tell which usernames exist.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  return (decoy ??= hashPassword(crypto.randomBytes(16).toString('base64url')));
}

/** Why a password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string, username: string): string | undefined {
  if (password.length < 10) return 'the password must have at least 10 characters';
  if (password.length > 200) return 'the password must have at most 200 characters';
  if (password.toLowerCase().includes(username.toLowerCase())) return 'the password must not contain the username';
  if (new Set(password).size < 4) return 'the password needs more different characters';
  return undefined;
}
