/**
 * What the text read from a picture means to customer service (pure): the order numbers on an order
 * screenshot, the product a label names, and the whole text for a complaint's ticket.
 *
 * Order numbers: an order page shows other long digit runs too (tracking numbers, payment serials, times,
 * phone numbers), so a number beside an order-number label (订单号, 订单编号, Order No.) comes first, lines
 * labelled as another kind of number are skipped, and digits are only joined across spaces on a labelled
 * line ("1688 0000 0000 0103"), never across a date's dashes.
 */
import type { KnowledgeBase } from '../../knowledge/types';
import { isOrderNumber, ORDER_NUMBER_DIGITS } from '../../platform/text/identifiers';
import type { OcrLine } from './ocrService';

const ORDER_LABEL = /(订单(编号|号码|号)|订单\s*ID|order\s*(no\.?|number|#|id)\b)/i;
/** numbers that are not the shop's order number: the courier's waybill, a payment serial, a phone */
const OTHER_NUMBER_LABEL = /(运单|快递单|物流单|物流编号|交易单号|支付单号|流水号|商户单号|交易号|电话|手机|tracking|waybill|transaction|phone)/i;
const ORDER_NUMBER = new RegExp(`(?<![\\dA-Za-z])(${ORDER_NUMBER_DIGITS})(?!\\d)`, 'g');
/** OCR mistakes inside a run of digits: O/o → 0, l/I/| → 1 (only between digits, so words are untouched) */
const DIGIT_LOOKALIKES: Record<string, string> = { O: '0', o: '0', D: '0', l: '1', I: '1', '|': '1', S: '5', B: '8' };
const LOOKALIKE = /(?<=\d)[OoDlI|SB](?=\d)|(?<=\d)[OoDlI|SB](?=[OoDlI|SB]\d)/g;

export interface PictureText {
  /** the picture's lines, top to bottom, joined with newlines (personal data: only ever stored encrypted) */
  text: string;
  /** order-number candidates, the likeliest first */
  orderNumbers: string[];
}

function fixDigits(line: string): string {
  return line.replace(LOOKALIKE, (c) => DIGIT_LOOKALIKES[c] ?? c);
}

function runsIn(line: string): string[] {
  return [...line.matchAll(ORDER_NUMBER)].map((m) => m[1]).filter(isOrderNumber);
}

/** Order numbers in the picture's lines, the labelled ones first; a line labelled as another number is skipped. */
export function orderNumbersIn(lines: string[]): string[] {
  const labelled: string[] = [];
  const plain: string[] = [];
  lines.forEach((raw, i) => {
    const line = fixDigits(raw.normalize('NFKC'));
    const label = ORDER_LABEL.test(line);
    if (!label && OTHER_NUMBER_LABEL.test(line)) return;
    // a label on its own line names the number on the next one (a two-column layout read as two lines)
    const previousLabel = i > 0 && ORDER_LABEL.test(lines[i - 1]) && runsIn(fixDigits(lines[i - 1].normalize('NFKC'))).length === 0;
    const found = runsIn(line);
    if (label || previousLabel) {
      labelled.push(...(found.length > 0 ? found : runsIn(line.replace(/(?<=\d)[\s\u00a0]+(?=\d)/g, ''))));
    } else plain.push(...found);
  });
  return [...new Set([...labelled, ...plain])];
}

export function readPictureText(lines: OcrLine[]): PictureText {
  const texts = lines.map((l) => l.text.trim()).filter(Boolean);
  return { text: texts.join('\n'), orderNumbers: orderNumbersIn(texts) };
}

/** The catalogue product a label or a product page names, if the knowledge base recognises one. */
export function productOnPicture(text: string, knowledge: Pick<KnowledgeBase, 'findProductMention'>): { id: string; title: string; titleEn?: string } | undefined {
  if (!text.trim()) return undefined;
  // the lines as one message: a label splits brand and product name over lines
  const product = knowledge.findProductMention(text.replace(/\n+/g, ' ').slice(0, 500));
  return product ? { id: product._id, title: product.title, ...(product.titleEn ? { titleEn: product.titleEn } : {}) } : undefined;
}
