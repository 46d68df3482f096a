/**
 * The handoff gate (turn middleware, first in the pipeline): while a human owns the customer the bot
 * stays quiet. Queued customers get only a queue-position notice; what they write is kept in the handoff
 * record for the agent. With the bot, the gate only remembers the message for a later handoff summary.
 */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { TurnMiddleware } from '../turn/turnContracts';
import { customerIdOf } from '../turn/customerState';
import type { CustomerProfile } from '../../services/customers/profile';
import type { HandoffService } from '../../services/handoff';
import { say, scriptLanguage } from '../flow/language';
import type { RecentTurns } from './recentTurns';
import { HANDOFF_TEXT } from './text';

const LEAVE_QUEUE = /^(取消(转)?人工|不用(转)?人工了?|不等了|cancel (the )?(agent|handoff)|back to (the )?bot)[。.!！]*$/i;

export class HandoffGate implements TurnMiddleware {
  readonly name = 'handoffGate';

  constructor(
    private readonly handoffs: HandoffService,
    private readonly recentTurns: RecentTurns,
    private readonly profile: StatePropertyAccessor<CustomerProfile>,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (!(await this.handled(context, customerIdOf(context)))) await next();
  }

  /** True when a human owns the customer (the gate answered or stayed quiet); false lets the bot go on. */
  private async handled(context: TurnContext, customerId: string): Promise<boolean> {
    const record = await this.handoffs.active(customerId);
    if (!record) {
      await this.recentTurns.remember(context);
      return false;
    }
    const text = (context.activity.text ?? '').trim();
    const lang = scriptLanguage(context, (await this.profile.get(context, {})).language);
    if (record.state === 'queued' && LEAVE_QUEUE.test(text)) {
      await this.handoffs.release(customerId).catch(() => undefined);
      await context.sendActivity(say(lang, HANDOFF_TEXT.leftQueue));
      return true;
    }
    await this.handoffs.addToInbox(customerId, text, (context.activity.attachments ?? []).length);
    if (record.state === 'queued') {
      const position = await this.handoffs.queuePosition(customerId);
      await context.sendActivity(say(lang, HANDOFF_TEXT.inQueue(position)));
    }
    // with an agent: the agent answers, the bot says nothing
    return true;
  }
}
