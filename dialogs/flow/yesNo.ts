/**
 * Yes and no as customers type them. One core list of words; each kind of question adds the words that
 * answer it and only it: "确认" confirms a cancellation, "要/需要/please" accepts an offer of a human, and
 * "有/关注/i am" answers "are you concerned about ageing?", where "好" or "ok" would not be an answer.
 * Every list is matched at the start of the message ("好的，取消吧" is a yes); a message that is nothing but a
 * yes or a no is recognised whole (isBareYesOrNo).
 */
const CORE_YES = ['是', '对', '嗯', 'yes\\b', 'yeah', 'yep', 'sure'];
const CORE_NO = ['不', '否', 'nope'];

function startsWithOneOf(fragments: string[]): RegExp {
  return new RegExp(`^(${fragments.join('|')})`, 'i');
}

/** To "shall I cancel / change / file it?" */
const CONFIRM_YES = startsWithOneOf([...CORE_YES, '好', '确认', '确定', '可以', '行', 'y$', 'ok\\b', 'okay', 'confirm']);
const CONFIRM_NO = startsWithOneOf([...CORE_NO, '别', 'no\\b', 'n$', 'keep', "don'?t"]);

/** To "shall I get you a human?" — any "y…" counts, as people type "y", "ya", "yup". */
const OFFER_YES = startsWithOneOf([...CORE_YES, '好', '要', '需要', '可以', '行', 'y', 'ok', 'okay', 'please']);

/** To a yes/no question about the customer ("are you concerned about ageing?"). */
const ABOUT_ME_YES = startsWithOneOf([...CORE_YES, '有', '关注', '在关注', 'i am', 'definitely']);
const ABOUT_ME_NO = startsWithOneOf([...CORE_NO, '没', 'no']);

/** The whole message is a bare yes / no / ok (punctuation aside): it answers whatever was asked, whatever its words. */
const BARE_YES_OR_NO = /^(是|是的|好|好的|嗯|嗯嗯|对|对的|行|可以|不|不是|不要|不用|没有|yes|yeah|yep|no|nope|ok|okay|sure)[。.!！~～]*$/i;

/** True when the message is only a yes or a no: MainDialog never takes it for a new request. */
export function isBareYesOrNo(text: string): boolean {
  return BARE_YES_OR_NO.test(text);
}

/** The answer to a confirmation, or undefined when it is neither (the prompt asks again). */
export function yesOrNo(text: string): 'yes' | 'no' | undefined {
  const t = text.trim();
  if (CONFIRM_NO.test(t)) return 'no';
  if (CONFIRM_YES.test(t)) return 'yes';
  return undefined;
}

/** True when the customer accepts an offer (of a human agent). */
export function acceptsOffer(text: string): boolean {
  return OFFER_YES.test(text.trim());
}

/** True when the customer says yes about themselves and not no ("是的" yes, "不是" no, "没有" no). */
export function saysYesAboutThemselves(text: string): boolean {
  const t = text.trim();
  return ABOUT_ME_YES.test(t) && !ABOUT_ME_NO.test(t);
}
