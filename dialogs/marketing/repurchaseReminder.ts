/**
 * Repurchase reminder for a returning customer: when they greet us and a consumable they bought is near
 * the end of its cycle (product.consumptionDays against their delivered orders), say so once a week at
 * most per product, with the add-to-cart link.
 */
import type { TurnContext } from 'botbuilder';
import { customerIdOf } from '../turn/customerState';
import { dueForRepurchase } from '../../services/promotions';
import { productHeroCard, productName } from '../flow/cards';
import { ReplyLanguage, say } from '../flow/language';
import type { ShoppingDeps } from '../shoppingGuide/deps';
import { MARKETING_TEXT } from './text';

const REMIND_EVERY_MS = 7 * 86_400_000;

export function repurchaseReminder(deps: ShoppingDeps): (context: TurnContext, lang: ReplyLanguage) => Promise<void> {
  return async (context, lang) => {
    const now = deps.now?.() ?? new Date();
    const purchases = await deps.promotions.lastPurchases(customerIdOf(context));
    if (purchases.length === 0) return;
    const guide = await deps.guide.get(context, {});
    const reminded = guide.remindedAt ?? {};
    const due = dueForRepurchase(purchases, (id) => deps.knowledge.getProduct(id), now).find(
      (d) => !reminded[d.product._id] || now.getTime() - Date.parse(reminded[d.product._id]) > REMIND_EVERY_MS,
    );
    if (!due) return;
    const name = productName(due.product, lang);
    const text =
      due.daysLeft > 0
        ? say(lang, MARKETING_TEXT.lastsAbout(name, due.daysLeft))
        : say(lang, MARKETING_TEXT.runningOut(name));
    await context.sendActivity({ type: 'message', text, attachments: [productHeroCard(due.product, lang, { cartBase: deps.cartBase })] });
    await deps.guide.set(context, { ...guide, remindedAt: { ...reminded, [due.product._id]: now.toISOString() } });
  };
}
