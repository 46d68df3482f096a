/**
 * Conversation tables, played through a channel driver. A table is rows of
 * `[userSays, botReplies, { not }?]`: each expected piece (a substring or a RegExp) must be in the
 * joined text of that turn's replies, and nothing in `not` may be. A row with no expectations only
 * moves the conversation on. One `it` per table; a failure names the row, what was said and the
 * whole reply. (The shape of BotBuilder-Samples' bookingDialogTestCases: utterances and replies.)
 */
import type { ChannelDriver } from '../adapters/contract/channelDriver';
import { joinedText } from '../adapters/contract/channelDriver';
import type { ChannelRig } from '../adapters/contract/channelRig';

export type Expected = string | RegExp;
export type Row = [userSays: string, botReplies: Expected | Expected[], options?: { not?: Expected[] }];

export interface TranscriptTable {
  /** what the conversation is, e.g. "order status (zh)" */
  name: string;
  lang: 'zh' | 'en';
  /**
   * The customer gets the demo orders (services/orders/demo) numbered with this 4-digit prefix, so each
   * table has orders of its own: prefix 2101 → 2101000000000101 … 2101000000000105.
   */
  orders?: string;
  /** a fixed user id (the demo customer is `demo` on the app channel); otherwise one per table and channel */
  user?: string;
  rows: Row[];
}

const found = (text: string, expected: Expected) => (typeof expected === 'string' ? text.includes(expected) : expected.test(text));
const show = (expected: Expected) => (typeof expected === 'string' ? JSON.stringify(expected) : String(expected));

/** Plays the table's rows in order; throws at the first row whose replies do not match. */
export async function runTranscript(rig: ChannelRig, driver: ChannelDriver, table: TranscriptTable): Promise<void> {
  const userId = table.user ?? `t-${driver.name}-${table.name.replace(/\W+/g, '-')}`;
  if (table.orders) await rig.seedOrders(driver, userId, table.orders);
  for (const [index, [says, replies, options]] of table.rows.entries()) {
    const text = joinedText(await driver.say(userId, says));
    const expected = Array.isArray(replies) ? replies : [replies];
    const missing = expected.filter((e) => !found(text, e));
    const unwanted = (options?.not ?? []).filter((e) => found(text, e));
    if (missing.length > 0 || unwanted.length > 0) {
      throw new Error(
        [
          `${table.name} on ${driver.name}, row ${index + 1} of ${table.rows.length}`,
          `  user said: ${JSON.stringify(says)}`,
          ...missing.map((e) => `  expected:  ${show(e)}`),
          ...unwanted.map((e) => `  not expected: ${show(e)}`),
          `  bot replied:\n${text.replace(/^/gm, '    | ')}`,
        ].join('\n'),
      );
    }
  }
}

/**
 * The same table with its orders numbered from another prefix (order numbers in what is said and in
 * what is expected), for running it a second time against one store.
 */
export function renumbered(table: TranscriptTable, prefix: string): TranscriptTable {
  const from = table.orders;
  if (!from) return table;
  const swap = (text: string) => text.split(from).join(prefix);
  const swapExpected = (e: Expected): Expected => (typeof e === 'string' ? swap(e) : new RegExp(swap(e.source), e.flags));
  const swapAll = (e: Expected | Expected[]) => (Array.isArray(e) ? e.map(swapExpected) : swapExpected(e));
  return {
    ...table,
    orders: prefix,
    rows: table.rows.map(([says, replies, options]) => [swap(says), swapAll(replies), ...(options ? [{ not: options.not?.map(swapExpected) }] : [])] as Row),
  };
}

/** Rows in a table (for counting). */
export const rowCount = (tables: TranscriptTable[]) => tables.reduce((n, t) => n + t.rows.length, 0);
