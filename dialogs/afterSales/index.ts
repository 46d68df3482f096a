/** The after-sales area: returns, refunds, quality tickets and complaints, by the store's rule. */
import type { StatePropertyAccessor } from 'botbuilder';
import type { CustomerProfile } from '../../services/customers/profile';
import type { OrderService } from '../../services/orders';
import type { TicketService } from '../../services/tickets';
import type { DialogArea } from '../flow/area';
import { AFTER_SALES_DIALOG, AfterSalesDialog } from './afterSalesDialog';

export { AFTER_SALES_DIALOG } from './afterSalesDialog';
export { QUALITY_TICKET_DIALOG } from './qualityTicketDialog';
export { RETURN_DIALOG } from './returnDialog';
export { REFUND_STATUS_DIALOG } from './refundStatusDialog';

export function createAfterSalesArea(deps: { orders: OrderService; tickets: TicketService; profile: StatePropertyAccessor<CustomerProfile> }): DialogArea {
  return {
    name: 'afterSales',
    dialogs: [new AfterSalesDialog(deps.orders, deps.tickets, deps.profile)],
    routes: { return_refund: AFTER_SALES_DIALOG, refund_status: AFTER_SALES_DIALOG, quality_issue: AFTER_SALES_DIALOG, complaint: AFTER_SALES_DIALOG },
  };
}
