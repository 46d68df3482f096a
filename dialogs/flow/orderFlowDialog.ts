/** Shared base of the order and after-sales flows: the order picker, the reply language, the current order. */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { ComponentDialog, Dialog } from 'botbuilder-dialogs';
import { customerIdOf } from '../turn/customerState';
import type { CustomerProfile } from '../../services/customers/profile';
import type { Order, OrderService } from '../../services/orders';
import type { ReplyLanguage } from './language';
import { flowLanguage } from './language';
import { OrderPickerDialog } from './orderPickerDialog';

export abstract class OrderFlowDialog extends ComponentDialog {
  constructor(
    id: string,
    protected readonly orders: OrderService,
    protected readonly profile: StatePropertyAccessor<CustomerProfile>,
  ) {
    super(id);
    this.addDialog(new OrderPickerDialog(orders, profile));
  }

  protected add(...dialogs: Dialog[]): void {
    for (const dialog of dialogs) this.addDialog(dialog);
  }

  protected async lang(context: TurnContext): Promise<ReplyLanguage> {
    return flowLanguage(context, this.profile);
  }

  protected async order(context: TurnContext, orderId: unknown): Promise<Order | undefined> {
    return typeof orderId === 'string' ? this.orders.get(customerIdOf(context), orderId) : undefined;
  }
}
