/**
 * The simulated customers' conversations for `npm run bench`: shopping, orders, returns and small talk,
 * in Chinese and English — the store's everyday mix. Each script closes whatever flow it opened, so it
 * can loop; a customer's profile is remembered after the first round, as it would be.
 */
export const CONVERSATIONS: string[][] = [
  // needs discovery → recommendation cards
  ['你好', '推荐一款保湿面霜', '油皮', '关注', '300元以内', '清爽', '谢谢'],
  // order status: pick an order from the list, then leave
  ['我的订单到哪了', '取消', '快递什么时候到', '取消'],
  // returns and refunds
  ['我想退货', '取消', '退款什么时候到账', '取消'],
  // English shopping
  ['hello', 'can you recommend a serum', 'Dry', 'yes', 'no limit', 'light', 'thanks'],
  // promotions, product facts, comparison
  ['有什么优惠活动吗', '小棕瓶多少钱', '小棕瓶和兰蔻小黑瓶哪个好', '谢谢'],
  // English orders and FAQ
  ['where is my order', 'cancel', 'how long does shipping take', 'thank you'],
];

/** `--mix light`: the lightest real turn (greeting and thanks), the foundation's skeleton turn. */
export const LIGHT_CONVERSATIONS: string[][] = [
  ['你好', '谢谢'],
  ['hello', 'thanks'],
];
