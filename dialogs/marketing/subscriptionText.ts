/** What the subscription commands say (opt-out, opt-in, restock and price-drop alerts), zh and en side by side. */
import type { Wording } from '../flow/language';

export const SUBSCRIPTION_TEXT = {
  optedOut: {
    zh: '已为您退订营销消息，之后不会再给您推送活动和优惠。想重新接收，随时回复“订阅”即可。',
    en: 'You are unsubscribed: no more promotions or offers from us. To get them again, reply "start" any time.',
  },
  alreadyOptedOut: {
    zh: '您之前已经退订过营销消息啦，我们不会再推送。想重新接收，回复“订阅”即可。',
    en: 'You are already unsubscribed and will not get promotions. Reply "start" to get them again.',
  },
  optedIn: {
    zh: '已为您恢复订阅，之后有新品、优惠和活动会第一时间告诉您～ 不想接收时回复“退订”即可。',
    en: 'You are subscribed again: we will tell you about new products and offers. Reply "stop" to unsubscribe.',
  },
  alreadyOptedIn: {
    zh: '您已经在接收我们的优惠消息啦～ 不想接收时回复“退订”即可。',
    en: 'You are already getting our offers. Reply "stop" any time to unsubscribe.',
  },
} satisfies Record<string, Wording>;

/** Alert confirmations name the product. */
export const ALERT_TEXT = {
  restock: (name: string): Wording => ({ zh: `好的，「${name}」到货后第一时间通知您～`, en: `Got it: I will let you know as soon as ${name} is back in stock.` }),
  priceDrop: (name: string): Wording => ({ zh: `好的，「${name}」降价时第一时间通知您～`, en: `Got it: I will let you know when the price of ${name} drops.` }),
  already: (name: string): Wording => ({ zh: `「${name}」的提醒已经为您登记过啦，有消息会通知您～`, en: `You are already on the list for ${name}; we will let you know.` }),
  whichProduct: { zh: '想要提醒哪款商品呢？告诉我商品名称，再说一次“到货提醒我”就好～', en: 'Which product should I watch for you? Name it and say "notify me when it is back" again.' } as Wording,
};
