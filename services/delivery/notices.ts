/**
 * What the customer is told when a person takes over and when the bot is back, zh and en side by side.
 * The agent desk picks the customer's language (ConversationLog.language) and delivers the text as a
 * 'notice' through CustomerDelivery.
 */
export type NoticeKind = 'agentJoined' | 'botBack';

export function noticeText(kind: NoticeKind, lang: 'zh' | 'en', agentName?: string): string {
  const name = agentName?.trim().slice(0, 40);
  if (kind === 'agentJoined') {
    return lang === 'en'
      ? `An agent${name ? `, ${name},` : ''} has joined the conversation and will take it from here.`
      : `客服${name ?? ''}已接入，接下来由我为您服务～`;
  }
  return lang === 'en'
    ? 'The agent has left the conversation; I am the shop assistant bot again. Ask me anything!'
    : '人工客服已结束接待，智能客服回来啦，有问题随时问我～';
}
