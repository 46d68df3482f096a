/**
 * The stores behind the channel rules, on the embedded store: opt-outs, the send log (cap counting,
 * a retried send recognised), Mini Program consents used up one by one, alert subscriptions by product,
 * and messages kept for the next web chat visit, shown once.
 */
import { createOutreachStores, OutreachStores } from '../../../../services/campaigns/rules';
import { EmbeddedStore } from '../../../../storage';

const msg = (campaignId: string, customerId = 'c1') => ({ campaignId, customerId, text: { zh: '新品上市', en: 'New in' }, kind: 'campaign' as const });

describe('outreach stores', () => {
  let stores: OutreachStores;
  beforeEach(async () => {
    stores = await createOutreachStores(new EmbeddedStore(null));
  });

  it('opt-out is reversible and says whether anything changed', async () => {
    expect(await stores.optOuts.isOptedOut('c1')).toBe(false);
    expect(await stores.optOuts.optOut('c1', 'wechat')).toBe(true);
    expect(await stores.optOuts.optOut('c1', 'app')).toBe(false);
    expect(await stores.optOuts.isOptedOut('c1')).toBe(true);
    expect(await stores.optOuts.optIn('c1')).toBe(true);
    expect(await stores.optOuts.optIn('c1')).toBe(false);
    expect(await stores.optOuts.isOptedOut('c1')).toBe(false);
  });

  it('an opt-out of a merged customer holds for the survivor', async () => {
    await stores.optOuts.optOut('merged');
    await stores.optOuts.move('survivor', 'merged');
    expect(await stores.optOuts.isOptedOut('survivor')).toBe(true);
    expect(await stores.optOuts.isOptedOut('merged')).toBe(false);
  });

  it('send log: counts the week, recognises a message already sent, counts WeChat units in a window', async () => {
    const t0 = new Date('2030-03-01T02:00:00Z');
    const a = await stores.sendLog.reserve('camp-a', 'c1', 'wechat', t0);
    await stores.sendLog.confirm(a.id, 'sent', 2, 'wechat');
    const b = await stores.sendLog.reserve('camp-b', 'c1', 'app', new Date(t0.getTime() + 1000));
    expect(await stores.sendLog.sendsSince('c1', new Date(t0.getTime() - 1))).toBe(2);
    expect(await stores.sendLog.unitsSince('c1', 'wechat', t0)).toBe(2); // the reservation on app is not WeChat's
    await stores.sendLog.release(b.id);
    expect(await stores.sendLog.sendsSince('c1', new Date(t0.getTime() - 1))).toBe(1);
    expect(await stores.sendLog.reserve('camp-a', 'c1', 'wechat', t0)).toEqual({ id: a.id, already: 'sent' });
    // a reservation left by an attempt that died is taken over
    await stores.sendLog.reserve('camp-c', 'c1', 'app', t0);
    expect(await stores.sendLog.reserve('camp-c', 'c1', 'app', t0)).toEqual({ id: 'camp-c|c1' });
  });

  it('Mini Program consents are used up one send at a time', async () => {
    expect(await stores.consents.consume('c1', 'tpl')).toBe(false);
    await stores.consents.grant('c1', 'tpl', 2);
    expect(await stores.consents.remaining('c1')).toBe(2);
    expect(await stores.consents.consume('c1', 'tpl')).toBe(true);
    expect(await stores.consents.consume('c1', 'tpl')).toBe(true);
    expect(await stores.consents.consume('c1', 'tpl')).toBe(false);
    expect(await stores.consents.remaining('c1', 'tpl')).toBe(0);
  });

  it('alert subscriptions by product and kind, each once', async () => {
    expect(await stores.alerts.subscribe({ customerId: 'c1', productId: 'p1', kind: 'restock', language: 'zh' }, new Date(1000))).toBe(true);
    expect(await stores.alerts.subscribe({ customerId: 'c1', productId: 'p1', kind: 'restock', language: 'en' }, new Date(3000))).toBe(false);
    await stores.alerts.subscribe({ customerId: 'c2', productId: 'p1', kind: 'restock', language: 'zh' }, new Date(2000));
    await stores.alerts.subscribe({ customerId: 'c3', productId: 'p1', kind: 'priceDrop', language: 'zh' });
    const restock = await stores.alerts.subscriptionsFor('p1', 'restock');
    expect(restock.map((s) => [s.customerId, s.language])).toEqual([['c1', 'en'], ['c2', 'zh']]);
    expect((await stores.alerts.subscriptionsFor('p1', 'priceDrop')).map((s) => s.customerId)).toEqual(['c3']);
    expect(await stores.alerts.remove('c1', 'p1', 'restock')).toBe(true);
    expect((await stores.alerts.subscriptionsFor('p1', 'restock')).map((s) => s.customerId)).toEqual(['c2']);
  });

  it('a kept message is taken once, and the listeners hear it was shown', async () => {
    const shown: string[] = [];
    stores.held.onShown((s) => void shown.push(`${s.campaignId}|${s.customerId}`));
    await stores.held.hold(msg('camp-a'));
    await stores.held.hold(msg('camp-a')); // the same message kept twice is one message
    await stores.held.hold(msg('camp-b'));
    const [first, second] = await Promise.all([stores.held.take('c1'), stores.held.take('c1')]);
    expect([...first, ...second].map((m) => m.campaignId).sort()).toEqual(['camp-a', 'camp-b']);
    await stores.held.shown('c1', ['camp-a', 'camp-b']);
    expect(shown).toEqual(['camp-a|c1', 'camp-b|c1']);
    expect(await stores.held.take('c1')).toEqual([]);
  });
});
