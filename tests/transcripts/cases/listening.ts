/**
 * Every prompt listens (issue 11, part 4), zh and en: at a waiting question a new request is handled (a
 * stale question is dropped), a question is answered and the question asked again, thanks and goodbye end
 * politely, "算了，…" starts the new request, a language switch re-asks in the new language, a bare order
 * number shows that order, several requests in one message are handled one after the other, and "what
 * can you do" gets the help reply. Orders (prefix 9000): 101 unpaid sunscreen, 102 paid-not-shipped,
 * 103 shipped Estée Lauder serum, 104 and 105 delivered.
 */
import type { TranscriptTable } from '../runTranscript';

const O = '9000';
const SKIN_ZH = /肤质/;
const SKIN_EN = /skin type/i;

const cases: TranscriptTable[] = [
  // ---- a new request at the skin-type question ----
  {
    name: 'listening: a return asked for while the skin type is asked starts the return, without the stale question (zh)',
    lang: 'zh',
    orders: O,
    rows: [
      ['想买个洗面奶，帮我推荐下', SKIN_ZH],
      ['哦对了我上次买的东西想退货', /拆封|哪个订单|是这一单/, { not: [SKIN_ZH] }],
    ],
  },
  {
    name: 'listening: a return asked for mid-flow by a customer with no orders says so, and only that (zh)',
    lang: 'zh',
    rows: [
      ['想买个洗面奶，帮我推荐下', SKIN_ZH],
      ['对了 我之前买的想退掉', /没有订单/, { not: [SKIN_ZH] }],
    ],
  },
  {
    name: 'listening: a return asked for at the skin-type question starts the return (en)',
    lang: 'en',
    orders: O,
    rows: [
      ['can you recommend a face wash?', SKIN_EN],
      ['oh wait, I want to return something I bought last time', /Which order|opened or used/, { not: [SKIN_EN] }],
    ],
  },
  // ---- a question answered on the side, then the question again ----
  {
    name: 'listening: a store question at the skin-type question is answered, then the question comes back (zh)',
    lang: 'zh',
    rows: [
      ['推荐一款面霜', SKIN_ZH],
      ['你们家是正品吗？', [/正品|官方|授权/, SKIN_ZH]],
      ['干皮', '干皮', { not: [/请选一个肤质/] }],
    ],
  },
  {
    name: 'listening: a shipping question at the skin-type question is answered, then the question comes back (en)',
    lang: 'en',
    rows: [
      ['recommend me a moisturizer', SKIN_EN],
      ['do you deliver overseas?', [/mainland China/, SKIN_EN]],
    ],
  },
  {
    name: 'listening: a price question at the skin-type question is answered, then the question comes back (en)',
    lang: 'en',
    rows: [
      ['could you recommend a serum?', SKIN_EN],
      ['how much is Advanced Night Repair?', [/¥\d+/, SKIN_EN]],
    ],
  },
  {
    name: 'listening: an offers question during needs discovery is answered and the flow goes on (en)',
    lang: 'en',
    rows: [
      ['recommend a toner', SKIN_EN],
      ['any discounts right now?', [/Offers running now/, SKIN_EN]],
      ['dry', /dry skin/i],
    ],
  },
  // ---- thanks and goodbye ----
  {
    name: 'listening: thanks and goodbye at the skin-type question end politely (zh)',
    lang: 'zh',
    rows: [
      ['推荐个面霜', SKIN_ZH],
      ['谢谢 拜拜', '不客气', { not: [SKIN_ZH, /请选/] }],
    ],
  },
  {
    name: 'listening: thanks and goodbye at the skin-type question end politely (en)',
    lang: 'en',
    rows: [
      ['recommend a moisturizer', SKIN_EN],
      ['ok thanks bye', 'You are welcome', { not: [SKIN_EN, /Please pick/] }],
    ],
  },
  {
    name: 'listening: a polite no thanks to the skin-type question ends it (zh)',
    lang: 'zh',
    rows: [
      ['推荐个精华', SKIN_ZH],
      ['不用了谢谢', '不客气', { not: [/请选一个肤质/] }],
    ],
  },
  {
    name: 'listening: thanks at the order question end politely (zh)',
    lang: 'zh',
    orders: O,
    rows: [
      ['我要退货', '哪个订单'],
      ['好的谢谢，先这样', '不客气', { not: ['没有找到这个订单'] }],
    ],
  },
  {
    name: 'listening: never mind and goodbye at the order question end politely (en)',
    lang: 'en',
    orders: O,
    rows: [
      ['I want to return something', 'Which order'],
      ['never mind, thanks bye', 'You are welcome', { not: [/not find|Please tap/] }],
    ],
  },
  // ---- dropping the flow for another request ----
  {
    name: 'listening: "算了，先帮我查下订单" drops the shopping and looks up the order (zh)',
    lang: 'zh',
    orders: O,
    rows: [
      ['推荐个面霜', SKIN_ZH],
      ['算了，先帮我查下订单', /哪个订单|订单 9000/, { not: [SKIN_ZH] }],
    ],
  },
  {
    name: 'listening: "forget it, where is my order?" drops the shopping and looks up the order (en)',
    lang: 'en',
    orders: O,
    rows: [
      ['recommend a cleanser', SKIN_EN],
      ['forget it, where is my order?', /Order 9000/, { not: [SKIN_EN] }],
    ],
  },
  {
    name: 'listening: an offers question at a cancellation yes/no is taken, not met with "please answer yes or no" (zh)',
    lang: 'zh',
    orders: O,
    rows: [
      ['取消订单 9000000000000101', '确认取消订单 9000000000000101'],
      ['你们现在有什么优惠活动', '当前进行中的活动', { not: ['请回复「确认取消」'] }],
    ],
  },
  {
    name: 'listening: "yes please, thanks" at a cancellation is still a yes (en)',
    lang: 'en',
    orders: O,
    rows: [
      ['cancel order 9000000000000101', 'Cancel order 9000000000000101'],
      ['yes please, thanks', 'is cancelled', { not: ['You are welcome'] }],
    ],
  },
  // ---- a bare order number between questions ----
  {
    name: 'listening: a bare order number at the skin-type question shows that order (zh)',
    lang: 'zh',
    orders: O,
    rows: [
      ['推荐个面霜', SKIN_ZH],
      ['9000000000000103', ['订单 9000000000000103', '已发货']],
    ],
  },
  {
    name: 'listening: a bare order number at the skin-type question shows that order (en)',
    lang: 'en',
    orders: O,
    rows: [
      ['recommend a moisturizer', SKIN_EN],
      ['9000000000000103', ['Order 9000000000000103', 'Shipped']],
    ],
  },
  // ---- language switches ----
  {
    name: 'listening: "can we continue in English please" re-asks the skin type in English (en)',
    lang: 'en',
    rows: [
      ['推荐个面霜', SKIN_ZH],
      ['can we continue in English please', ['continue in English', 'What is your skin type?'], { not: [/\p{Script=Han}/u] }],
      ['oily', /oily skin/i, { not: [/\p{Script=Han}/u] }],
    ],
  },
  {
    name: 'listening: "说中文吧" re-asks the skin type in Chinese (zh)',
    lang: 'zh',
    rows: [
      ['recommend a moisturizer', SKIN_EN],
      ['说中文吧', ['用中文', SKIN_ZH], { not: [SKIN_EN] }],
      ['油皮', '油皮'],
    ],
  },
  {
    name: 'listening: "can you answer in English?" at the order question lists the orders again in English (en)',
    lang: 'en',
    orders: O,
    rows: [
      ['我想退货', '哪个订单'],
      ['can you answer in English?', ['Which order is it?', 'Delivered'], { not: ['没有找到这个订单', '已签收'] }],
      ['the first one', /opened or used/, { not: [/\p{Script=Han}/u] }],
    ],
  },
  {
    name: 'listening: "请用中文回复" at an English order question lists the orders in Chinese (zh)',
    lang: 'zh',
    orders: O,
    rows: [
      ['I want to return an item', 'Which order'],
      ['请用中文回复', ['哪个订单', '已签收'], { not: ['Which order'] }],
    ],
  },
  {
    name: 'listening: asking for English with nothing waiting switches and says what the bot can do (zh customer)',
    lang: 'en',
    rows: [['说英文可以吗', ['continue in English', 'I can help you'], { not: [/\p{Script=Han}/u] }]],
  },
  // ---- several requests in one message ----
  {
    name: 'listening: "查下我的快递，顺便推荐个面霜" tracks the parcel, then asks about the cream (zh)',
    lang: 'zh',
    orders: O,
    rows: [['查下我的快递，顺便推荐个面霜', [/订单 9000000000000103[\s\S]*另一件事[\s\S]*肤质/]]],
  },
  {
    name: 'listening: "track my order and also recommend a toner" tracks, then asks about the toner (en)',
    lang: 'en',
    orders: O,
    rows: [['track my order and also recommend a toner', [/Order 9000000000000103[\s\S]*other thing[\s\S]*skin type/i]]],
  },
  {
    name: 'listening: the second request waits until the first flow has its answer (zh)',
    lang: 'zh',
    orders: O,
    rows: [
      ['我要退货，另外推荐个防晒', '哪个订单', { not: [SKIN_ZH] }],
      ['9000000000000104', /拆封/, { not: [SKIN_ZH] }],
    ],
  },
  // ---- help ----
  {
    name: 'listening: "你能干嘛" mid-flow gets the help reply and the question again (zh)',
    lang: 'zh',
    rows: [
      ['推荐个面霜', SKIN_ZH],
      ['你能干嘛', ['我可以帮您', SKIN_ZH]],
    ],
  },
  {
    name: 'listening: "what can you do?" gets the help reply (en)',
    lang: 'en',
    rows: [['what can you do?', 'I can help you choose skincare', { not: ['did not quite get'] }]],
  },
  {
    name: 'listening: "有什么功能" gets the help reply, not the offers (zh)',
    lang: 'zh',
    rows: [['有什么功能', '我可以帮您', { not: ['当前进行中的活动'] }]],
  },
  {
    name: 'listening: the third miss offers a human in English to an English customer (en)',
    lang: 'en',
    rows: [
      ['hmm', 'did not quite get that'],
      ['...', 'did not quite get that'],
      ['???', 'Shall I connect you to a human agent?', { not: [/\p{Script=Han}/u] }],
    ],
  },
];
export default cases;
