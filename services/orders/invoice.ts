/**
 * Invoice request checks. A company invoice needs the buyer's tax id: the 18-character unified social
 * credit code (GB 32100-2015, with its check character) or, for older registrations, a 15/17/20-character id.
 */

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

function validUscc(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(code[i]) * USCC_WEIGHTS[i];
  const check = USCC_CHARS[(31 - (sum % 31)) % 31];
  return code[17] === check;
}

/** Normalizes (upper case, no spaces) and validates a tax id; undefined when it is not one. */
export function normalizeTaxId(raw: string): string | undefined {
  const code = raw.replace(/[\s-]/g, '').toUpperCase();
  if (code.length === 18) return validUscc(code) ? code : undefined;
  if ([15, 17, 20].includes(code.length) && /^[0-9A-Z]+$/.test(code) && /\d{6}/.test(code)) return code;
  return undefined;
}

/** Builds a valid unified social credit code from its first 17 characters (demo data and tests). */
export function withUsccCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return first17 + USCC_CHARS[(31 - (sum % 31)) % 31];
}

/** A title is the person's name (or 个人) or the company's registered name. */
export function validInvoiceTitle(type: 'personal' | 'company', title: string): boolean {
  const t = title.trim();
  if (t.length < 2 || t.length > 100) return false;
  if (type === 'company') return /\p{Script=Han}{4,}|[A-Za-z][A-Za-z .,&()-]{3,}/u.test(t);
  return true;
}
