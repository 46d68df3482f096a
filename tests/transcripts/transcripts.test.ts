/**
 * The conversation tables on one real app with every channel on (real NLU, demo store): every table on
 * the app channel, a representative subset (at least one zh and one en table) on each other channel,
 * then the demo customer's after-sales conversations and the free-text shopping ones, in their order.
 */
import type { ChannelName } from '../adapters/contract/channelDriver';
import { ChannelRig, startChannelRig } from '../adapters/contract/channelRig';
import { renumbered, runTranscript } from './runTranscript';
import { demoCustomerTables, freeTextShoppingTables, TableName, tables } from './tables';

/** Per channel: its tables, and the first digit its copies of the order numbers start with. */
const SUBSETS: Record<Exclude<ChannelName, 'app'>, { orderDigit: string; tables: TableName[] }> = {
  emulator: { orderDigit: '3', tables: ['greetingZh', 'orderCancelZh', 'needsDiscoveryEn', 'comparisonEn'] },
  webchat: { orderDigit: '4', tables: ['needsDiscoveryZh', 'couponsZh', 'orderStatusEn', 'humanHandoffEn'] },
  wechat: { orderDigit: '5', tables: ['orderStatusZh', 'hesitationZh', 'qualityTicketEn', 'productQuestionEn', 'greetingEn'] },
  telegram: { orderDigit: '6', tables: ['returnsZh', 'humanHandoffZh', 'invoiceEn', 'couponsEn', 'languageSwitch'] },
  miniprogram: { orderDigit: '7', tables: ['productQuestionZh', 'orderChangeZh', 'needsDiscoveryUpFrontEn', 'orderStatusEn'] }, // [miniprogram]
  live: { orderDigit: '8', tables: ['orderStatusZh', 'returnsEn', 'hesitationEn', 'qualityTicketZh'] }, // [live] a viewer's direct messages (私信)
  voice: { orderDigit: '9', tables: ['greetingZh', 'needsDiscoveryZh', 'humanHandoffZh', 'needsDiscoveryEn', 'humanHandoffEn'] }, // [voice] spoken: no tables quoting ¥ prices, order numbers or quotes
};

let rig: ChannelRig;
beforeAll(async () => {
  rig = await startChannelRig();
}, 60_000);
afterAll(() => rig.close());

describe('conversation tables on app', () => {
  it.each(Object.values(tables).map((t) => [t.name, t] as const))('%s', async (_name, table) => {
    await runTranscript(rig, rig.drivers.app, table);
  });
});

describe.each(Object.entries(SUBSETS))('conversation tables on %s', (channel, subset) => {
  it.each(subset.tables.map((n) => [tables[n].name, tables[n]] as const))('%s', async (_name, table) => {
    const own = table.orders ? renumbered(table, subset.orderDigit + table.orders.slice(1)) : table;
    await runTranscript(rig, rig.drivers[channel as ChannelName], own);
  });
});

describe('the demo customer, after-sales (moved from tests/dialogs/afterSales/realNlu.test.ts)', () => {
  it.each(demoCustomerTables.map((t) => [t.name, t] as const))('%s', async (_name, table) => {
    await runTranscript(rig, rig.drivers.app, table);
  });
});

describe('free-text shopping (moved from tests/dialogs/shoppingGuide/realNlu.test.ts)', () => {
  it.each(freeTextShoppingTables.map((t) => [t.name, t] as const))('%s', async (_name, table) => {
    await runTranscript(rig, rig.drivers.app, table);
  });
});
