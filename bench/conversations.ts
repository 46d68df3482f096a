/**
 * The simulated customers' conversations for `npm run bench`: shopping, orders, returns and small talk,
 * in Chinese and English. Each script ends by closing whatever flow it opened, so it can loop.
 */
export const CONVERSATIONS: string[][] = [
  ['你好', '推荐一款保湿面霜', '油皮', '保湿', '谢谢'],
  ['我的订单到哪了', '取消', '发货了吗', '取消'],
  ['我想退货', '取消', '退款什么时候到', '取消'],
  ['hello', 'can you recommend a serum', 'Dry', 'Hydration', 'thanks'],
  ['有什么优惠活动吗', '小棕瓶适合油皮吗', '取消', '谢谢'],
  ['where is my order', 'cancel', 'thank you'],
];
