/** Orders: the model, the service, and the checks the order dialogs use. */
export * from './types';
export { OrderService, ORDERS_COLLECTION } from './orderService';
export { findOrderNumber, isOrderNumber } from './orderNumbers';
export { normalizeTaxId, validInvoiceTitle } from './invoice';
export { normalizeAddress, normalizeMobile, maskPhone } from './contactChecks';
export { cancelRefusal, changeRefusal, invoiceRefusal } from './orderPolicy';
