/** Text normalization shared by every recognizer part: full-width → half-width, lower case, squeezed spaces. */

/** Same length as the input (one UTF-16 unit in, one out), so entity offsets stay valid. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3000) out += ' ';
    else if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else out += text[i];
  }
  return out;
}

/**
 * Blocks a chat widget pastes into the message ("[订单编号:…，订单金额:…，下单时间:…]", "[链接x]") say which
 * order the customer looks at, not what they want; they are dropped before classification.
 */
const PASTED_BLOCK = /\[[^\]]*(订单编号|订单金额|下单时间|链接|商品id|商品编号|图片|表情)[^\]]*\]/gi;

/** For classification only (offsets are not kept). */
export function normalizeForModel(text: string): string {
  return toHalfWidth(text).replace(PASTED_BLOCK, ' ').toLowerCase().replace(/\s+/g, ' ').trim();
}

const HAN = /\p{Script=Han}/u;

export function isHan(ch: string): boolean {
  return HAN.test(ch);
}
