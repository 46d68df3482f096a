/** What the turn pipeline itself says (welcome, the apology after a failed turn, account linking), zh and en side by side. */
import type { Wording } from '../dialogs/flow/language';

export const BOT_TEXT = {
  welcome: {
    zh: '亲，您好！我是店铺智能客服，商品咨询、订单物流、退换货、优惠活动都可以问我哦～',
    en: 'Hi! I am the store assistant. Ask me about products, your orders, returns or offers.',
  },
  turnFailed: { zh: '抱歉，系统开了个小差，请您再试一次～', en: 'Sorry, something went wrong on our side. Please try again.' },

  linkCodeIssued: (code: string) => ({
    zh: `您的绑定码是 ${code}，10 分钟内有效，仅可使用一次。请在另一个渠道（微信公众号、Telegram、网页或 App）把这 6 位数字发给我，两边的账号就会合并，对话接着继续～`,
    en: `Your link code is ${code}. It works once, within 10 minutes. Send these 6 digits to me on your other channel (WeChat, Telegram, web or app) and both will become one account; the conversation carries on.`,
  }),
  linkCodesTooOften: { zh: '获取绑定码太频繁啦，请一小时后再试～', en: 'Too many link codes requested. Please try again in an hour.' },
  linked: {
    zh: '绑定成功！两个渠道已是同一个账号，您的资料和刚才的对话都接上啦，直接继续聊就好～',
    en: 'Linked! Both channels are now one account; your profile and our conversation carry on here.',
  },
  ownCode: { zh: '这是您在当前渠道获取的绑定码，请到另一个渠道发送哦～', en: 'This code was issued on this channel; please send it on your other channel.' },
  tooManyWrongCodes: (minutes: number) => ({
    zh: `绑定码输错次数太多，请 ${minutes} 分钟后再试～`,
    en: `Too many wrong codes. Please try again in ${minutes} minute${minutes > 1 ? 's' : ''}.`,
  }),
  invalidCode: {
    zh: '绑定码不正确或已过期，请在原渠道重新发送「绑定」获取新码～',
    en: 'That link code is wrong or has expired. Send "link my account" on your other channel for a new one.',
  },
} satisfies Record<string, Wording | ((...args: never[]) => Wording)>;
