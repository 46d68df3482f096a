/** The privacy list names the collections their modules really use. */
import { BOT_STATE_COLLECTION } from '../../../storage';
import { PERSONAL_FIELDS, RETAINED_COLLECTIONS } from '../../../storage/encryption';
import { ORDERS_COLLECTION } from '../../../services/orders/orderService';
import { HANDOFFS_COLLECTION } from '../../../services/handoff/handoffService';
import { TICKETS_COLLECTION } from '../../../services/tickets/ticketService';
import { TURN_EVENTS } from '../../../services/analytics/turnEvents';
import { NLU_REVIEW_COLLECTION } from '../../../nlu/review/reviewQueue';

describe('personal fields', () => {
  it('covers the collections that hold phones, addresses, names and typed text', () => {
    for (const name of [ORDERS_COLLECTION, BOT_STATE_COLLECTION, HANDOFFS_COLLECTION, TICKETS_COLLECTION, NLU_REVIEW_COLLECTION]) {
      expect(PERSONAL_FIELDS[name]?.length).toBeGreaterThan(0);
    }
    expect(PERSONAL_FIELDS[ORDERS_COLLECTION]).toEqual(expect.arrayContaining(['shipping.phone', 'shipping.address', 'shipping.name']));
  });

  it('retains transcripts, review items and analytics events for RETENTION_DAYS only', () => {
    expect(RETAINED_COLLECTIONS).toEqual(expect.arrayContaining([HANDOFFS_COLLECTION, NLU_REVIEW_COLLECTION, TURN_EVENTS]));
  });
});
