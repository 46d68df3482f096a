/**
 * The answer to the satisfaction question (turn middleware, right after the handoff gate): when a
 * question is waiting and the customer's message is a rating ("5", "5分", "非常满意", "⭐⭐⭐", "great"),
 * it is stored and thanked in the customer's language and the turn ends there. Any other message closes
 * the question unanswered and runs as a normal turn: the customer is never held by the survey, and a
 * later "2" that picks an item from a list is not read as a rating.
 */
import type { TurnContext } from 'botbuilder';
import { ActivityTypes } from 'botbuilder';
import type { CsatService } from '../../services/csat';
import { CSAT_TEXT, parseRating } from '../../services/csat';
import { customerIdOf } from '../turn/customerState';
import type { TurnMiddleware } from '../turn/turnContracts';
import { say } from '../flow/language';

/** set once the rating is stored: a retried attempt of the same turn thanks again instead of running it */
const ANSWERED = Symbol('csatAnswered');

export class CsatCapture implements TurnMiddleware {
  readonly name = 'csat';

  constructor(private readonly csat: Pick<CsatService, 'pending' | 'answer' | 'skip'>) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type !== ActivityTypes.Message) return next();
    const thanked = context.turnState.get(ANSWERED) as string | undefined;
    if (thanked) {
      await context.sendActivity(thanked);
      return;
    }
    const record = await this.csat.pending(customerIdOf(context));
    if (!record) return next();
    const rating = parseRating(context.activity.text);
    if (!rating) {
      await this.csat.skip(record);
      return next();
    }
    await this.csat.answer(record, rating.score);
    const thanks = say(rating.lang ?? record.lang ?? 'zh', CSAT_TEXT.thanks(rating.score));
    context.turnState.set(ANSWERED, thanks);
    await context.sendActivity(thanks);
  }
}
