/** The orders area: status with timeline, address/phone changes, cancellation, invoices. */
import type { StatePropertyAccessor } from 'botbuilder';
import type { CustomerProfile } from '../../services/customers/profile';
import type { OrderService } from '../../services/orders';
import type { GuidedArea } from '../flow/area';
import { INVOICE_DIALOG, InvoiceDialog } from './invoiceDialog';
import { ORDER_CANCEL_DIALOG, OrderCancelDialog } from './orderCancelDialog';
import { ORDER_CHANGE_DIALOG, OrderChangeDialog } from './orderChangeDialog';
import { ORDER_STATUS_DIALOG, OrderStatusDialog } from './orderStatusDialog';
import { orderSignals } from './signals';

export { bareOrderNumber } from './signals';

export { INVOICE_DIALOG, ORDER_CANCEL_DIALOG, ORDER_CHANGE_DIALOG, ORDER_STATUS_DIALOG };
export { ORDER_PICKER_DIALOG, OrderPickerDialog } from '../flow/orderPickerDialog';

export function createOrdersArea(deps: { orders: OrderService; profile: StatePropertyAccessor<CustomerProfile> }): GuidedArea {
  return {
    name: 'orders',
    dialogs: [
      new OrderStatusDialog(deps.orders, deps.profile),
      new OrderChangeDialog(deps.orders, deps.profile),
      new OrderCancelDialog(deps.orders, deps.profile),
      new InvoiceDialog(deps.orders, deps.profile),
    ],
    routes: { order_status: ORDER_STATUS_DIALOG, order_change: ORDER_CHANGE_DIALOG, order_cancel: ORDER_CANCEL_DIALOG, invoice: INVOICE_DIALOG },
    signals: orderSignals(ORDER_STATUS_DIALOG),
  };
}
