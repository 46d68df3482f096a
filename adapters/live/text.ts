/** What the live channel itself says to a viewer in private, zh and en side by side. */
export const LIVE_TEXT = {
  continueElsewhere: {
    zh: (code: string) => `想接着聊？在网页客服或小程序发送“绑定 ${code}”，就能从这里继续（10分钟内有效）。`,
    en: (code: string) => `To carry on in our web chat or mini program, send "link ${code}" there (valid for 10 minutes).`,
  },
  offerClaimed: {
    zh: (text: string, remaining: number) => `恭喜！已为您登记：${text}（还剩${remaining}份）。`,
    en: (text: string, remaining: number) => `Done! You are registered for: ${text} (${remaining} left).`,
  },
  offerAlreadyClaimed: { zh: (text: string) => `您已经登记过「${text}」啦，每人限一份哦。`, en: (text: string) => `You are already registered for "${text}": one per viewer.` },
  offerSoldOut: { zh: (text: string) => `抱歉，「${text}」已经送完啦。`, en: (text: string) => `Sorry, "${text}" is all gone.` },
};
