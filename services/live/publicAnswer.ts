/**
 * The one public answer a cluster gets, written from the store's own data: the host's room FAQ first,
 * then the knowledge base (FAQ, policies and attribute answers about the product named or the room's
 * current one); buying comments get the product links ("N号链接" = the room's Nth product) and offers the
 * quota really left. No answer (undefined) when the data does not hold one: the overlay says nothing
 * rather than "I don't know" to a whole room. Never a viewer's name unless the room allows names.
 */
import type { KnowledgeBase, Lang, Product } from '../../knowledge/types';
import { hasCjk } from '../../platform/text/normalize';
import { jaccard } from '../../platform/text/wordOverlap';
import { questionWords } from './clustering';
import { FAQ_MATCH } from './commentKinds';
import type { RoomDoc } from './types';

export const MAX_ANSWER_CHARS = 200;

export interface OfferState {
  text: string;
  remaining: number;
}

export interface AnswerDeps {
  knowledge: Pick<KnowledgeBase, 'ask' | 'getProduct' | 'findProductMention'>;
  cartBase: string;
  /** the room's offers with what is left of each quota, read from the store */
  offers: (room: RoomDoc) => Promise<OfferState[]>;
  /** FAQ answers below this confidence are not good enough for a whole room */
  minConfidence?: number;
}

export interface ClusterQuestion {
  kind: 'question' | 'buy' | 'offer';
  text: string;
  linkNumber?: number;
  /** the asker's nickname, used only when the room shows names */
  nickname?: string;
}

const langOf = (text: string): Lang => (hasCjk(text) || !/[a-z]/i.test(text) ? 'zh' : 'en');
const price = (n: number) => `¥${Number.isInteger(n) ? n : n.toFixed(2)}`;
const nameOf = (p: Product, lang: Lang) => (lang === 'en' && p.titleEn ? p.titleEn : p.title.includes(p.brand) ? p.title : `${p.brand} ${p.title}`);

export async function publicAnswer(room: RoomDoc, q: ClusterQuestion, deps: AnswerDeps): Promise<string | undefined> {
  const lang = langOf(q.text);
  const body = q.kind === 'buy' ? await buyAnswer(room, q, lang, deps) : q.kind === 'offer' ? await offerAnswer(room, lang, deps) : await questionAnswer(room, q, lang, deps);
  if (!body) return undefined;
  const named = room.showNames && q.nickname ? `@${q.nickname.slice(0, 20)} ${body}` : body;
  return named.length > MAX_ANSWER_CHARS ? `${named.slice(0, MAX_ANSWER_CHARS - 1)}…` : named;
}

function roomProducts(room: RoomDoc, deps: AnswerDeps): Product[] {
  return room.productIds.map((id) => deps.knowledge.getProduct(id)).filter((p): p is Product => Boolean(p));
}

function linkLine(p: Product, n: number, lang: Lang, cartBase: string): string {
  const url = `${cartBase}?add=${encodeURIComponent(p._id)}`;
  return lang === 'zh' ? `${n}号链接 ${nameOf(p, lang)} ${price(p.price)}：${url}` : `Link ${n}: ${nameOf(p, lang)} ${price(p.price)} ${url}`;
}

async function buyAnswer(room: RoomDoc, q: ClusterQuestion, lang: Lang, deps: AnswerDeps): Promise<string | undefined> {
  const products = roomProducts(room, deps);
  if (products.length === 0) return undefined;
  const mentioned = deps.knowledge.findProductMention(q.text);
  const index = q.linkNumber !== undefined ? q.linkNumber - 1 : mentioned ? products.findIndex((p) => p._id === mentioned._id) : -1;
  const chosen = index >= 0 && index < products.length ? [index] : products.slice(0, 3).map((_, i) => i);
  const offer = (await deps.offers(room)).find((o) => o.remaining > 0);
  const extra = offer ? (lang === 'zh' ? `（${offer.text}，还剩${offer.remaining}份）` : ` (${offer.text}: ${offer.remaining} left)`) : '';
  const lead = lang === 'zh' ? '宝宝们点这里下单～ ' : 'Order here: ';
  // whole links only: a link cut off by the length limit would lead nowhere
  const lines: string[] = [];
  for (const i of chosen) {
    const line = linkLine(products[i], i + 1, lang, deps.cartBase);
    if (lines.length > 0 && [lead, ...lines, line, extra].join('；').length > MAX_ANSWER_CHARS) break;
    lines.push(line);
  }
  return lead + lines.join(lang === 'zh' ? '；' : '; ') + extra;
}

async function offerAnswer(room: RoomDoc, lang: Lang, deps: AnswerDeps): Promise<string | undefined> {
  const offers = await deps.offers(room);
  if (offers.length === 0) return undefined;
  const lines = offers.map((o) =>
    o.remaining > 0
      ? lang === 'zh'
        ? `${o.text}：还剩${o.remaining}份，下单后评论“拍了”即可登记`
        : `${o.text}: ${o.remaining} left, comment "拍了" after ordering to claim`
      : lang === 'zh'
        ? `${o.text}：已经送完啦，感谢大家支持`
        : `${o.text}: all gone, thank you`,
  );
  return lines.join(lang === 'zh' ? '；' : '; ');
}

async function questionAnswer(room: RoomDoc, q: ClusterQuestion, lang: Lang, deps: AnswerDeps): Promise<string | undefined> {
  const words = questionWords(q.text);
  const faq = room.faq.map((f) => ({ f, score: jaccard(words, questionWords(f.q)) })).sort((a, b) => b.score - a.score)[0];
  if (faq && faq.score >= FAQ_MATCH) return faq.f.a;
  // "这个" in a live room is the product on screen: the first one, unless the comment names another
  const product = deps.knowledge.findProductMention(q.text) ?? roomProducts(room, deps)[0];
  const answer = await deps.knowledge.ask(q.text, { productId: product?._id, lang });
  if (!answer.found || answer.confidence < (deps.minConfidence ?? 0.45)) return undefined;
  return answer.answer;
}
