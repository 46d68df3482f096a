/** Finds an order number in what the customer wrote: the NLU's order_id entity, else a 10–20 digit run. */
import type { Entity } from '../../nlu/types';

const ORDER_NUMBER = /(?<!\d)(\d{10,20})(?!\d)/g;
/** mainland mobile numbers are 11 digits starting 1[3-9]; never mistake one for an order number */
const MOBILE = /^1[3-9]\d{9}$/;

export function isOrderNumber(value: string): boolean {
  return /^\d{10,20}$/.test(value) && !MOBILE.test(value);
}

export function findOrderNumber(text: string, entities: Entity[] = []): string | undefined {
  for (const entity of entities) {
    if (entity.type !== 'order_id') continue;
    const value = String(entity.value ?? entity.text).replace(/\D/g, '');
    if (isOrderNumber(value)) return value;
  }
  // as written first; then with spaces/dashes removed, for numbers typed in groups ("1688 0000 …")
  for (const candidate of [text, text.replace(/[\s-]/g, '')]) {
    for (const match of candidate.matchAll(ORDER_NUMBER)) if (isOrderNumber(match[1])) return match[1];
  }
  return undefined;
}
