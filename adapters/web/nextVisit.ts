/**
 * The web chat's "next visit" hand-over for campaign messages: a web page cannot be written to while it
 * is closed, so campaign delivery keeps the message (services/campaigns/rules/heldMessages.ts) and this
 * hook shows it when that customer starts their next conversation — after the welcome, once, in the
 * customer's language — and then tells the campaign it was shown (it counts as sent from then on).
 * Wraps the web channel's turn handler; only a conversation's start costs a lookup, never a message.
 */
import type { TurnContext } from 'botbuilder';
import type { TurnHandler } from '../../dialogs/turn/turnContracts';
import type { Logger } from '../../platform/logger';
import type { HeldMessages, OptOuts } from '../../services/campaigns/rules';
import type { CustomerDirectory } from '../../services/customers/customerDirectory';
import { WEB_CHANNEL_ID } from './toActivity';

export interface NextVisitDeps {
  held: Pick<HeldMessages, 'take' | 'shown' | 'dropFor'>;
  optOuts: Pick<OptOuts, 'isOptedOut'>;
  directory: Pick<CustomerDirectory, 'find'>;
  language(customerId: string): Promise<'zh' | 'en' | undefined>;
  logger: Logger;
  now?: () => Date;
}

/** A web chat conversation starting for a known visitor (the join Direct Line sends at the start). */
function visitStarts(context: TurnContext): string | undefined {
  const a = context.activity;
  if (a.channelId !== WEB_CHANNEL_ID || a.type !== 'conversationUpdate') return undefined;
  const userId = a.from?.id;
  return userId && (a.membersAdded ?? []).some((m) => m.id === userId) ? userId : undefined;
}

async function showKept(context: TurnContext, userId: string, deps: NextVisitDeps): Promise<void> {
  const customerId = await deps.directory.find({ channelId: WEB_CHANNEL_ID, userId });
  if (!customerId) return;
  // said 退订 since the message was kept: it is dropped, not shown
  if (await deps.optOuts.isOptedOut(customerId)) {
    await deps.held.dropFor(customerId);
    return;
  }
  const now = deps.now?.() ?? new Date();
  const kept = await deps.held.take(customerId, now);
  if (kept.length === 0) return;
  const lang = (await deps.language(customerId)) ?? 'zh';
  for (const message of kept) {
    await context.sendActivity({ type: 'message', text: message.text[lang] || message.text.zh || message.text.en, name: 'campaign' });
  }
  await deps.held.shown(customerId, kept.map((m) => m.campaignId), now);
}

export function showingKeptMessages(bot: TurnHandler, deps: NextVisitDeps): TurnHandler {
  return {
    async run(context) {
      await bot.run(context);
      const userId = visitStarts(context);
      if (!userId) return;
      try {
        await showKept(context, userId, deps);
      } catch (err) {
        // the visit goes on without them; the next one tries again for what was not claimed
        deps.logger.error({ err: { name: (err as Error).name, message: (err as Error).message } }, 'could not show kept campaign messages');
      }
    },
    handleTurnError: (context, error) => bot.handleTurnError(context, error),
  };
}
