/**
 * What the voice channel itself says, zh and en side by side: the greeting, the prompts for silence and
 * for what it could not make out, the transfer to a person, the goodbye. Written for the ear: short
 * sentences, nothing to look at.
 */
export const VOICE_TEXT = {
  greeting: {
    zh: '您好，欢迎致电美妆商城客服。请直接说出您的问题，比如查订单、退换货或者推荐商品。转人工请按0。',
    en: 'Hello, thank you for calling the beauty store. Just tell me what you need, for example an order, a return or a recommendation. For a person, press 0.',
  },
  /** said in the other language after the greeting, so a caller can switch before speaking */
  switchLanguage: { zh: '中文服务请按9。', en: 'For English, press 9.' },
  stillThere: { zh: '您还在吗？请说出您的问题，或者按键选择。', en: 'Are you still there? Tell me what you need, or press a key.' },
  goodbye: { zh: '没有听到您的声音，感谢您的来电，再见。', en: 'I did not hear anything. Thank you for calling, goodbye.' },
  notHeard: { zh: '抱歉，我没听清楚，请再说一遍，或者按键选择。', en: 'Sorry, I did not catch that. Please say it again, or press a key.' },
  noSuchKey: { zh: '抱歉，没有这个选项。', en: 'Sorry, that key is not an option.' },
  moreByVoice: { zh: '其他的请直接说。', en: 'Or just say what you want.' },
  transferring: { zh: '正在为您转接人工客服，请稍候。', en: 'Connecting you to a person now, please hold.' },
  noHumanLine: {
    zh: '电话人工客服暂未开通。人工客服每天9点到21点在网页客服、公众号和小程序在线，您的问题已经转给客服。感谢您的来电，再见。',
    en: 'There is no phone line to a person yet. Our agents are online in web chat and WeChat every day from 9 am to 9 pm, and your request has been passed on. Thank you for calling, goodbye.',
  },
  failed: { zh: '抱歉，系统开了个小差，请稍后再试。', en: 'Sorry, something went wrong on our side. Please try again later.' },
  /** what pressing 0 says to the bot */
  human: { zh: '转人工', en: 'agent' },
} satisfies Record<string, { zh: string; en: string }>;
