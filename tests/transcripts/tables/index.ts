/** Every conversation table, by flow and language. */
import type { TranscriptTable } from '../runTranscript';
import comparisonEn from './comparison.en';
import comparisonZh from './comparison.zh';
import couponsEn from './coupons.en';
import couponsZh from './coupons.zh';
import greetingEn from './greeting.en';
import greetingZh from './greeting.zh';
import hesitationEn from './hesitation.en';
import hesitationZh from './hesitation.zh';
import humanHandoffEn from './humanHandoff.en';
import humanHandoffZh from './humanHandoff.zh';
import invoiceEn from './invoice.en';
import invoiceZh from './invoice.zh';
import needsDiscoveryEn from './needsDiscovery.en';
import needsDiscoveryZh from './needsDiscovery.zh';
import needsDiscoveryUpFrontEn from './needsDiscoveryUpFront.en';
import needsDiscoveryUpFrontZh from './needsDiscoveryUpFront.zh';
import languageSwitch from './languageSwitch';
import orderCancelEn from './orderCancel.en';
import orderCancelZh from './orderCancel.zh';
import orderChangeEn from './orderChange.en';
import orderChangeZh from './orderChange.zh';
import orderStatusEn from './orderStatus.en';
import orderStatusZh from './orderStatus.zh';
import productQuestionEn from './productQuestion.en';
import productQuestionZh from './productQuestion.zh';
import qualityTicketEn from './qualityTicket.en';
import qualityTicketZh from './qualityTicket.zh';
import returnsEn from './returns.en';
import returnsZh from './returns.zh';

export const tables = {
  greetingZh,
  greetingEn,
  orderStatusZh,
  orderStatusEn,
  orderCancelZh,
  orderCancelEn,
  orderChangeZh,
  orderChangeEn,
  invoiceZh,
  invoiceEn,
  returnsZh,
  returnsEn,
  qualityTicketZh,
  qualityTicketEn,
  humanHandoffZh,
  humanHandoffEn,
  needsDiscoveryZh,
  needsDiscoveryEn,
  needsDiscoveryUpFrontZh,
  needsDiscoveryUpFrontEn,
  languageSwitch,
  productQuestionZh,
  productQuestionEn,
  comparisonZh,
  comparisonEn,
  hesitationZh,
  hesitationEn,
  couponsZh,
  couponsEn,
} satisfies Record<string, TranscriptTable>;

export type TableName = keyof typeof tables;
export { demoCustomerTables } from './demoCustomer';
export { freeTextShoppingTables } from './freeTextShopping';
