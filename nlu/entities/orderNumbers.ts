/**
 * Order numbers (digit runs of the order-number shape, optionally after 订单号/order) and courier tracking
 * numbers (SF1234567890, YT…, JD…, ZTO…) — the shapes customers paste from their order pages.
 * A mainland mobile number (1[3-9] + 9 digits) is a phone, not an order, unless the customer calls it one.
 */
import { isMainlandMobile, ORDER_NUMBER_DIGITS } from '../../platform/text/identifiers';
import type { Entity } from '../types';

const TRACKING = /(?<![A-Za-z0-9])(SF|JDV|JDX|JD|YT|ZTO|STO|YD|YUNDA|EMS|JT|DPK|DB)(\d{9,15})(?![A-Za-z0-9])/gi;
/** not glued to letters or a decimal point: SKU codes and prices are not orders */
const LONG_DIGITS = new RegExp(`(?<![\\dA-Za-z.])(${ORDER_NUMBER_DIGITS})(?![\\d.])`, 'g');
const ORDER_CONTEXT = /(订单|单号|order|#)\s*[:：号]?\s*$/i;

export function recognizeOrderNumbers(text: string): Entity[] {
  const out: Entity[] = [];
  for (const m of text.matchAll(TRACKING)) {
    out.push({ type: 'tracking_id', text: m[0], value: { carrier: m[1].toUpperCase(), number: m[0].toUpperCase() }, start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(LONG_DIGITS)) {
    const digits = m[1];
    const named = ORDER_CONTEXT.test(text.slice(Math.max(0, m.index - 8), m.index));
    // an 11-digit 1[3-9]… is a mobile number unless the customer called it an order
    if (isMainlandMobile(digits) && !named) continue;
    out.push({ type: 'order_id', text: digits, value: digits, start: m.index, end: m.index + digits.length });
  }
  return out;
}
