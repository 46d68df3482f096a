/**
 * What the customer is told when a person takes over the conversation and when the bot takes it back,
 * in the language the handoff summary recorded for them (Chinese unless they wrote in English).
 */

export type DeskLanguage = 'zh' | 'en';

export function languageOf(summaryLanguage: string | undefined): DeskLanguage {
  return summaryLanguage === 'en' ? 'en' : 'zh';
}

export const DESK_NOTICES = {
  agentJoined: (lang: DeskLanguage, name: string): string =>
    lang === 'en' ? `An agent, ${name}, has joined the conversation and will help you from here.` : `客服${name}已接入，接下来由我为您服务～`,
  transferred: (lang: DeskLanguage, name: string): string =>
    lang === 'en' ? `Your conversation has been passed to ${name}, who will continue helping you.` : `已为您转接给客服${name}，将由TA继续为您服务～`,
  botBack: (lang: DeskLanguage): string =>
    lang === 'en' ? 'The agent has left the conversation; I am the shop assistant bot again. Ask me anything.' : '人工客服已结束接待，智能客服回来啦，有问题可以继续问我～',
};
