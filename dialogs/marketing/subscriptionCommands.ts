/**
 * Subscription commands in chat, honoured in any flow and on every channel (turn middleware, before
 * recognition): 退订 / stop / unsubscribe opts out of campaign messages, 订阅 / start opts back in, each
 * confirmed in the customer's language; 到货提醒我 / 降价提醒我 / "notify me when it's back in stock" on
 * the product named or in focus stores an alert subscription that `alert` campaigns read. Anything
 * else passes straight on: one regular-expression test per message, no store access.
 * "stop" inside a flow opts out too (and ends the flow): a customer who writes "stop" to a shop that
 * messages them means the messages, and ending the flow costs them nothing.
 */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { ActivityTypes } from 'botbuilder';
import type { KnowledgeBase, Product } from '../../knowledge/types';
import type { AlertKind, AlertSubscriptions, OptOuts } from '../../services/campaigns/rules';
import { ReplyLanguage, say } from '../flow/language';
import type { GuideState } from '../shoppingGuide/guideState';
import { customerIdOf } from '../turn/customerState';
import type { TurnMiddleware } from '../turn/turnContracts';
import { ALERT_TEXT, SUBSCRIPTION_TEXT } from './subscriptionText';

const TRAILING = /[\s。.!！~～]+$/u;
const OPT_OUT = /^\/?(?:退订|取消订阅|退订消息|不要再发了|td|stop|unsubscribe|opt[ -]?out)$/i;
const OPT_IN = /^(?:订阅|重新订阅|恢复订阅|start|subscribe|resubscribe|opt[ -]?in)$/i;
const RESTOCK = /(?:到货|补货|有货|上架)(?:了|后|时)?(?:请|麻烦)?(?:提醒|通知)(?:我|一下)|(?:到货|补货)提醒|notify me when (?:it(?:'| i)?s|it is|this is) (?:back|in stock|available)|let me know when (?:it(?:'| i)?s|it is) back|back[- ]in[- ]stock (?:alert|notification)|restock alert/i;
const PRICE_DROP = /降价(?:了|后|时)?(?:请|麻烦)?(?:提醒|通知)(?:我|一下)|降价提醒|notify me when (?:the )?price (?:drops|goes down)|let me know when (?:it|the price) (?:drops|goes down|is cheaper)|price[- ]drop (?:alert|notification)/i;

export interface SubscriptionCommandDeps {
  optOuts: Pick<OptOuts, 'optOut' | 'optIn'>;
  alerts: Pick<AlertSubscriptions, 'subscribe'>;
  knowledge: Pick<KnowledgeBase, 'getProduct' | 'findProductMention'>;
  /** the shopping guide's state: its product in focus */
  guide: StatePropertyAccessor<GuideState>;
  /** the dialog stack: "stop" ends a waiting flow as well */
  dialogState?: StatePropertyAccessor<unknown>;
}

// Telegram's /start (sent when every chat begins) is a greeting (adapters/telegram), never an opt-in here
type Command = { kind: 'optOut' | 'optIn' } | { kind: 'alert'; alert: AlertKind };

export function subscriptionCommand(text: string): Command | undefined {
  const t = text.trim().replace(TRAILING, '');
  if (!t || t.length > 80) return undefined;
  if (OPT_OUT.test(t)) return { kind: 'optOut' };
  if (OPT_IN.test(t)) return { kind: 'optIn' };
  if (PRICE_DROP.test(t)) return { kind: 'alert', alert: 'priceDrop' };
  if (RESTOCK.test(t)) return { kind: 'alert', alert: 'restock' };
  return undefined;
}

const languageOf = (text: string): ReplyLanguage => (/\p{Script=Han}/u.test(text) ? 'zh' : 'en');

export class SubscriptionCommands implements TurnMiddleware {
  readonly name = 'subscriptions';

  constructor(private readonly deps: SubscriptionCommandDeps) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type !== ActivityTypes.Message) return next();
    const text = context.activity.text ?? '';
    const command = subscriptionCommand(text);
    if (!command) return next();
    const customerId = customerIdOf(context);
    const lang = languageOf(text);
    switch (command.kind) {
      case 'optOut': {
        const changed = await this.deps.optOuts.optOut(customerId, context.activity.channelId);
        await this.deps.dialogState?.delete(context);
        await context.sendActivity(say(lang, changed ? SUBSCRIPTION_TEXT.optedOut : SUBSCRIPTION_TEXT.alreadyOptedOut));
        return;
      }
      case 'optIn': {
        const changed = await this.deps.optOuts.optIn(customerId);
        await context.sendActivity(say(lang, changed ? SUBSCRIPTION_TEXT.optedIn : SUBSCRIPTION_TEXT.alreadyOptedIn));
        return;
      }
      case 'alert':
        return this.alert(context, customerId, command.alert, lang);
    }
  }

  private async alert(context: TurnContext, customerId: string, kind: AlertKind, lang: ReplyLanguage): Promise<void> {
    const product = await this.productMeant(context);
    if (!product) {
      await context.sendActivity(say(lang, ALERT_TEXT.whichProduct));
      return;
    }
    const added = await this.deps.alerts.subscribe({ customerId, productId: product._id, kind, language: lang });
    const name = lang === 'en' && product.titleEn ? product.titleEn : `${product.brand} ${product.title}`;
    await context.sendActivity(say(lang, added ? ALERT_TEXT[kind](name) : ALERT_TEXT.already(name)));
  }

  /** The product the message names, else the one in focus (the last one asked about or shown alone). */
  private async productMeant(context: TurnContext): Promise<Product | undefined> {
    const named = this.deps.knowledge.findProductMention(context.activity.text ?? '');
    if (named) return named;
    const focus = (await this.deps.guide.get(context, {})).focus;
    return focus ? this.deps.knowledge.getProduct(focus) : undefined;
  }
}
