/**
 * Everything MainDialog says, zh and en side by side: the global commands, greetings, the clarifying
 * question for a message it could not place, and the offer of a human. Choices are listed pair by pair
 * so a translation cannot drift out of step with its original.
 */
import { ReplyLanguage, say, Wording } from '../flow/language';
import { CHIP_TEXT } from '../flow/text';

export const TEXT = {
  cancelled: { zh: '好的，已取消。还有什么可以帮您？', en: 'OK, cancelled. Anything else I can do?' },
  help: {
    zh: '我可以帮您：挑选护肤彩妆、解答商品问题、对比产品、查订单物流、办理退换货、领取优惠。流程中说「取消」可退出，说「转人工」可找人工客服。',
    en: 'I can help you choose skincare and make-up, answer product questions, compare products, track orders, handle returns and find offers. Say "cancel" to stop a flow, or "agent" for a human.',
  },
  angryApology: {
    zh: '非常抱歉给您带来了不好的体验！我马上为您转接人工客服，请稍候。',
    en: 'I am truly sorry for the trouble. I am connecting you to a human agent right away.',
  },
  /** when no handoff area is wired (a harness without it) */
  connecting: { zh: '正在为您转接人工客服，请稍候。', en: 'Connecting you to a human agent, please wait.' },
  greeting: {
    zh: '亲，您好！有什么可以帮您？可以问我商品、订单、退换货或优惠哦～',
    en: 'Hello! How can I help — products, orders, returns or offers?',
  },
  goodbye: { zh: '不客气，祝您生活愉快～', en: 'You are welcome, have a nice day!' },
  clarify: { zh: '抱歉，我没太明白您的意思～您是想：', en: 'Sorry, I did not quite get that. Would you like to:' },
  offerHuman: {
    zh: '抱歉，我好像一直没能理解您的意思。需要为您转接人工客服吗？',
    en: 'Sorry, I keep missing what you mean. Shall I connect you to a human agent?',
  },
  languageSwitched: { zh: '好的，接下来用中文为您服务～', en: 'Sure, I will continue in English.' },
  /** before the next of several requests made in one message */
  nextRequest: { zh: '好的，再来看您说的另一件事～', en: 'Now for the other thing you asked about.' },
  offerDeclined: { zh: '好的～您可以换个说法再问我，或者点下方的选项。', en: 'OK — feel free to ask another way.' },
} satisfies Record<string, Wording>;

/** Suggested actions, each choice in both languages. */
export const CHOICES = {
  help: [
    CHIP_TEXT.recommendSkincare,
    CHIP_TEXT.trackMyOrder,
    CHIP_TEXT.currentOffers,
    CHIP_TEXT.agent,
  ],
  clarify: [
    CHIP_TEXT.recommendSkincare,
    { zh: '对比产品', en: 'Compare products' },
    CHIP_TEXT.trackMyOrder,
    { zh: '我要退换货', en: 'Return an item' },
    CHIP_TEXT.currentOffers,
  ],
  offerHuman: [
    { zh: '好的，转人工', en: 'Yes, an agent please' },
    { zh: '不用了', en: 'No thanks' },
  ],
} satisfies Record<string, Wording[]>;

/** The choices in the reply language. */
export function choicesIn(lang: ReplyLanguage, choices: Wording[]): string[] {
  return choices.map((choice) => say(lang, choice));
}
