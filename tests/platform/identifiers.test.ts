/** One order-number rule and one mobile rule: the NLU's entity and the order service agree on every boundary. */
import { recognizeOrderNumbers } from '../../nlu/entities/orderNumbers';
import { findOrderNumber } from '../../services/orders/orderNumbers';
import { normalizeMobile } from '../../services/orders/contactChecks';
import { isMainlandMobile, isOrderNumber } from '../../platform/text/identifiers';

const nluOrder = (text: string) => recognizeOrderNumbers(text).find((e) => e.type === 'order_id')?.value;

describe('order numbers', () => {
  it.each([
    ['123456789', false],
    ['1234567890', true],
    ['1688000000000103', true],
    ['12345678901234567890', true],
    ['123456789012345678901', false],
    ['13912345678', false],
    ['12345678901', true],
  ])('%s is an order number: %s', (digits, expected) => {
    expect(isOrderNumber(digits)).toBe(expected);
    expect(findOrderNumber(`查一下 ${digits} 这个`)).toBe(expected ? digits : undefined);
    expect(nluOrder(`查一下 ${digits} 这个`)).toBe(expected ? digits : undefined);
  });

  it('a mobile number is a phone for both, and only the NLU takes it as an order when the customer says so', () => {
    expect(isMainlandMobile('13912345678')).toBe(true);
    expect(normalizeMobile('+86 139 1234 5678')).toBe('13912345678');
    expect(nluOrder('订单号:13912345678')).toBe('13912345678');
    expect(findOrderNumber('订单号:13912345678')).toBeUndefined();
  });
});
