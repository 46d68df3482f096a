/**
 * Nesting limit for parsed JSON bodies. Later steps walk activities recursively (JSON.stringify, state
 * cloning, logging), so a body nested thousands deep would overflow the stack there, mid-turn; inbound
 * mappers refuse it up front instead. The walk itself uses no recursion.
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
