/** Checks for the contact details a customer may change before shipment. */
import { isMainlandMobile } from '../../platform/text/identifiers';

/** Mainland mobile number (11 digits, 1[3-9]…), with an optional +86 prefix and separators. */
export function normalizeMobile(raw: string): string | undefined {
  const digits = raw.replace(/[\s-]/g, '').replace(/^(\+?86)/, '');
  return isMainlandMobile(digits) ? digits : undefined;
}

/** A deliverable address: long enough and naming a place (a district/road/number), not just a word. */
export function normalizeAddress(raw: string): string | undefined {
  const address = raw.trim().replace(/\s+/g, ' ');
  if (address.length < 8 || address.length > 200) return undefined;
  const zhPlace = /[省市区县镇路街道巷号楼室村]/.test(address);
  const enPlace = /\d/.test(address) && /(road|rd|street|st|avenue|ave|lane|district|city|building|room|floor)/i.test(address);
  return zhPlace || enPlace ? address : undefined;
}

/** 138****5678 — what the customer sees back; full numbers never reach logs or summaries. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}
