/** What the picture middleware says and the questions it asks for the customer, zh and en side by side. */
import type { Wording } from '../dialogs/flow/language';

export const PICTURE_WORDS = {
  /** a screenshot alone: the question the customer means (the order flow answers it) */
  orderStatus: (orderId: string) => ({ zh: `订单 ${orderId} 到哪了`, en: `where is my order ${orderId}` }),
  /** a label alone: the product question the customer means */
  aboutProduct: (title: string) => ({ zh: `介绍一下${title}`, en: `tell me about ${title}` }),
  whatIsIt: {
    zh: '收到您的图片啦～不过没认出订单号或商品，请问您想咨询什么呢？可以直接发订单号，或说说这张图是关于哪款商品、什么问题哦～',
    en: 'Thanks for the picture! I could not find an order number or a product on it. What would you like to ask? You can send the order number, or tell me which product or problem it is about.',
  },
  couldNotRead: {
    zh: '收到您的图片啦～不过暂时看不清图上的内容，请问您想咨询什么呢？可以直接发订单号或商品名哦～',
    en: 'Thanks for the picture! I could not read it just now. What would you like to ask? You can type the order number or the product name.',
  },
  addedToTicket: (ticketId: string) => ({
    zh: `图片已补充到您的工单 ${ticketId}，处理的同事会一并查看～还有其他需要补充的吗？`,
    en: `I have added the picture to your ticket ${ticketId}; the colleague handling it will see it. Anything else to add?`,
  }),
} satisfies Record<string, Wording | ((...args: never[]) => Wording)>;
