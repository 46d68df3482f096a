/**
 * What a message does besides its intent, read from its words: it drops the flow and asks for something
 * else ("算了，先帮我查下订单"), it closes the conversation ("谢谢 拜拜", "ok thanks bye"), it asks what the bot
 * can do ("你能干嘛", "what can you do"), or it carries several requests ("查下快递，顺便推荐个面霜").
 */

/** "算了，…", "不买了，…", "forget it, …", "actually, never mind, …" followed by something else. */
const DROP_PREFIX = /^(哦|噢|呃|嗯)?[，,\s]*(算了|不要了|不买了|不用了|先不(买|看|选)了?|先不管(这个|它)了?|never ?mind|forget (it|that)|scratch that|actually,? (never ?mind|forget it))[吧啦]?[，,。.!！\s]+(?=\S{2,})/i;

/** True when the message drops what is going on and asks for something else in the same breath. */
export function dropsFlow(text: string): boolean {
  return DROP_PREFIX.test(text.trim());
}

/** Words of thanks and goodbye, and the fillers around them ("好的谢谢啦", "ok thanks bye", "那先这样吧，拜拜"). */
const CLOSING_WORDS =
  /谢谢(你|您)?|多谢|感谢|谢啦|3q|thx|thanks?( you)?( so much| a lot| again)?|\bty\b|cheers|拜拜|再见|bye( ?bye)?|good ?bye|see (you|ya)( later)?|回头见|先这样(吧|了)?|没(别的)?(事|有)了|that'?s (all|it)( for now)?|nothing else/gi;
const FILLERS = /不用了?|不需要了?|\bno(pe)?\b|好的?|ok(ay)?|嗯+|行|那|哦|噢|啦|哈+|呀|了|吧|啊|you|[，,!！。.~～\s]/gi;

/** True when the whole message is thanks and/or goodbye (with fillers). */
export function isClosing(text: string): boolean {
  const t = text.trim();
  if (!new RegExp(CLOSING_WORDS.source, 'i').test(t)) return false;
  return t.replace(CLOSING_WORDS, '').replace(FILLERS, '').length === 0;
}

/** "你能干嘛", "有什么功能", "what can you do?", "how can you help me": the help reply. */
const CAPABILITY_QUESTION =
  /^(请问|那|你好[，,]?|hi[，,]?|hello[，,]?)?\s*((你|您|这个|机器人|客服)(都|还)?(能|可以|会)(干|做|帮)?(嘛|啥|什么|些什么|哪些|我做什么|我干什么|帮我什么|帮我做什么)(事|事情|呢|呀|啊)?|有(什么|哪些|啥)(功能|服务|用)|(怎么|如何)(用|使用)(你|这个)?|what (can|do) you do|what are you able to do|what can i ask( you)?|how (can|do) you help( me)?|what (services|features) do you (have|offer)|what is this( bot)?|who are you)[\s?？!！。.呢呀啊吗]*$/i;

export function asksWhatBotCanDo(text: string): boolean {
  return CAPABILITY_QUESTION.test(text.trim());
}

/**
 * Joints between two requests in one message: 顺便 / 另外 anywhere, 还有 / 然后 / 同时 / 再 after a
 * comma, "and also", ", also", "and then", ", plus", "btw".
 */
const JOINT =
  /\s*(?:[，,。;；]\s*)?(?:顺便(?:再|也|帮我)?|另外(?:再|帮我)?|对了(?=[，,]?\S{4,}))\s*|\s*[，,。;；]\s*(?:还有(?:就是)?|然后(?:再)?|同时|再(?=帮|给|推荐|查|看))\s*|\s*(?:[,.;]\s*)?\b(?:and also|and then|as well as|also|plus|btw|by the way)\b[,\s]*/i;

/** A part long enough to be a request on its own: three Chinese characters or two words. */
function meaningful(part: string): boolean {
  return /\p{Script=Han}{3,}/u.test(part) || (part.match(/[A-Za-z]{2,}/g) ?? []).length >= 2;
}

/** The message's requests in order, split at the joints; a part too short to be a request stays with its neighbour. */
export function splitRequests(text: string): string[] {
  const parts: string[] = [];
  let carry = '';
  for (const raw of text.trim().split(new RegExp(JOINT.source, 'gi'))) {
    const part = `${carry}${raw ?? ''}`.trim().replace(/^[，,。.;；\s]+|[，,。.;；\s]+$/g, '');
    carry = '';
    if (!part) continue;
    if (meaningful(part)) parts.push(part);
    else if (parts.length > 0) parts[parts.length - 1] += ` ${part}`;
    else carry = `${part} `;
  }
  if (carry.trim()) parts.push(carry.trim());
  return parts;
}
