/**
 * The handoff gate (a TurnInterceptor, first in the pipeline): while a human owns the customer the bot
 * stays quiet. Queued customers get only a queue-position notice; what they write is kept in the handoff
 * record for the agent. With the bot, the gate only remembers the message for a later handoff summary.
 */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { TurnInterceptor } from '../turn/turnContracts';
import type { CustomerProfile } from '../../services/customers/profile';
import type { HandoffService } from '../../services/handoff';
import { ReplyLanguage, say } from '../language';
import type { RecentTurns } from './recentTurns';

const LEAVE_QUEUE = /^(取消(转)?人工|不用(转)?人工了?|不等了|cancel (the )?(agent|handoff)|back to (the )?bot)[。.!！]*$/i;

/** Before recognition there is no NLU language yet: the text's script, else the profile, else the locale. */
function gateLanguage(context: TurnContext, profile: CustomerProfile): ReplyLanguage {
  const text = context.activity.text ?? '';
  if (/\p{Script=Han}/u.test(text)) return 'zh';
  if (/[A-Za-z]{2,}/.test(text)) return 'en';
  if (profile.language) return profile.language;
  return (context.activity.locale ?? '').toLowerCase().startsWith('en') ? 'en' : 'zh';
}

export class HandoffGate implements TurnInterceptor {
  readonly name = 'handoffGate';

  constructor(
    private readonly handoffs: HandoffService,
    private readonly recentTurns: RecentTurns,
    private readonly profile: StatePropertyAccessor<CustomerProfile>,
  ) {}

  async intercept(context: TurnContext, customerId: string): Promise<boolean> {
    const record = await this.handoffs.get(customerId);
    if (!record || record.state === 'bot') {
      await this.recentTurns.remember(context);
      return false;
    }
    const text = (context.activity.text ?? '').trim();
    const lang = gateLanguage(context, await this.profile.get(context, {}));
    if (record.state === 'queued' && LEAVE_QUEUE.test(text)) {
      await this.handoffs.release(customerId).catch(() => undefined);
      await context.sendActivity(say(lang, '好的，已为您取消转人工，有问题可以继续问我～', 'OK, you have left the queue. I am here if you need anything.'));
      return true;
    }
    await this.handoffs.addToInbox(customerId, text, (context.activity.attachments ?? []).length);
    if (record.state === 'queued') {
      const position = await this.handoffs.queuePosition(customerId);
      await context.sendActivity(
        say(
          lang,
          `您已在人工客服队列中，当前排在第 ${position} 位，客服接入后会第一时间回复您。您的留言已转给客服～（回复「取消人工」可返回智能客服）`,
          `You are in the queue for a human agent (position ${position}). Your message has been passed on; an agent will reply shortly. (Say "back to bot" to leave the queue.)`,
        ),
      );
    }
    // with an agent: the agent answers, the bot says nothing
    return true;
  }
}
