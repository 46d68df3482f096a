/**
 * The one nesting limit for JSON bodies every channel accepts. Later steps walk activities recursively
 * (JSON.stringify, state cloning, logging), so a body nested thousands deep would overflow the stack
 * there, mid-turn — or, on the web chat, once poisoned a conversation (a 60 KB value nested 10,000 deep:
 * every later poll failed to serialise it). Each channel refuses it up front instead.
 *
 * Two entry points for the same limit (33 levels and more are refused by both):
 *   - textNestsDeeperThan scans the raw text before JSON.parse: the web chat reads its own bodies and
 *     refuses them before parsing anything (Direct Line keeps what it is sent, so nothing deep may land);
 *   - nestedDeeperThan walks an already parsed value: the app and Bot Framework routes get a parsed object
 *     from platform/http's readJsonObject and check it in their pure inbound mappers.
 * Neither uses recursion, so neither can itself be overflowed.
 */
export const MAX_JSON_DEPTH = 32;

/** true when `value` has objects/arrays nested more than `limit` levels deep */
export function nestedDeeperThan(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return false;
}

/** true when the JSON text nests objects/arrays more than `limit` levels deep (one pass over the text) */
export function textNestsDeeperThan(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}
