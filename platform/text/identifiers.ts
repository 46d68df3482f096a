/**
 * What the shop's identifiers look like, in one place: the NLU extracts them from what customers write,
 * the order service accepts them, and both must agree on the shape.
 */

/**
 * An order number is a run of 10–20 digits (the demo shop's are 16). The order service never accepted fewer
 * than 10, so this is the rule the customer has always seen; a shorter run stays a plain number.
 */
export const ORDER_NUMBER_DIGITS = '\\d{10,20}';

const WHOLE_ORDER_NUMBER = new RegExp(`^${ORDER_NUMBER_DIGITS}$`);
/** mainland China mobile numbers: 11 digits, 1 then 3–9 */
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** Bare digits of a mainland mobile number (no +86, no separators). */
export function isMainlandMobile(digits: string): boolean {
  return MAINLAND_MOBILE.test(digits);
}

/** An order number and not a mobile number: an 11-digit 1[3-9]… run is taken for a phone. */
export function isOrderNumber(digits: string): boolean {
  return WHOLE_ORDER_NUMBER.test(digits) && !isMainlandMobile(digits);
}
