/**
 * What the channels themselves say, zh and en side by side: the answer to content no channel can read
 * yet (stickers, files; voice on WeChat until speech is recognised), and the line that introduces a
 * numbered list of choices on channels without buttons.
 */
export const CHANNEL_TEXT = {
  unsupported: {
    zh: '亲，暂时还看不了这类消息哦，请用文字或图片描述您的问题，我马上帮您看看～',
    en: 'Sorry, I cannot read this kind of message yet. Please describe your question in text or send a photo.',
  },
  voiceNotHeard: { zh: '亲，这条语音没听清呢，麻烦打字告诉我哦～', en: 'Sorry, I could not make out that voice message. Could you type it for me?' },
  numberedChoices: { zh: '回复序号或直接输入：', en: 'Reply with a number or type your answer:' },
} satisfies Record<string, { zh: string; en: string }>;
