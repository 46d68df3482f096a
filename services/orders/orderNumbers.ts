/** Finds an order number in what the customer wrote: the NLU's order_id entity, else a digit run of the order-number shape. */
import type { Entity } from '../../nlu/types';
import { isOrderNumber, ORDER_NUMBER_DIGITS } from '../../platform/text/identifiers';

export { isOrderNumber };

const ORDER_NUMBER = new RegExp(`(?<!\\d)(${ORDER_NUMBER_DIGITS})(?!\\d)`, 'g');

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
