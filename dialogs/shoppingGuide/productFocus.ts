/**
 * Which product the customer means. A product named in the message (or its cart link, or "the second
 * one" of the cards just shown) wins; otherwise 这款 / 它 / this one / that one is the product in focus —
 * the last one the customer named, clicked, asked about or was shown alone. After a list of several
 * cards nothing is in focus until the customer picks one: "这款多少钱" then asks which, never silently
 * the first card. Also records what they look at, and notices when they come back to the same product
 * (a hesitation signal).
 */
import type { TurnContext } from 'botbuilder';
import { nluResultOf } from '../turn/turnContracts';
import type { KnowledgeBase, Product } from '../../knowledge/types';
import { frameOf } from '../../nlu/types';
import type { CustomerProfile } from '../../services/customers/profile';
import type { ShoppingDeps } from './deps';
import type { GuideState } from './guideState';

const THIS_ONE = /这款|这个|这支|这瓶|这只|这一款|那款|那支|那瓶|它|刚才那|上面那|this one|this product|that one|\bit\b|\bthis\b/i;
const MAX_VIEWED = 10;
const CART_LINK = /[?&]add=([\w-]+)/;
const PIECE = '(?:款|个|支|瓶|种|套)';
const ORDINALS: [RegExp, number][] = [
  [new RegExp(`第(?:一|1)${PIECE}|(?:first|1st) one|#1\\b`, 'i'), 0],
  [new RegExp(`第(?:二|2)${PIECE}|(?:second|2nd) one|#2\\b`, 'i'), 1],
  [new RegExp(`第(?:三|3)${PIECE}|(?:third|3rd) one|#3\\b`, 'i'), 2],
  [new RegExp(`最后(?:一|那)${PIECE}|the last one`, 'i'), -1],
];

export function productsInMessage(context: TurnContext, knowledge: KnowledgeBase): Product[] {
  const found: Product[] = [];
  const add = (p: Product | undefined) => {
    if (p && !found.some((f) => f._id === p._id)) found.push(p);
  };
  const text = context.activity.text ?? '';
  // a pasted or clicked cart link names its product exactly
  const link = CART_LINK.exec(text);
  if (link) add(knowledge.getProduct(decodeURIComponent(link[1])));
  for (const id of frameOf(nluResultOf(context)).productIds) add(knowledge.getProduct(id));
  for (const e of nluResultOf(context)?.entities ?? []) {
    if (e.type === 'product' && typeof e.value === 'string') add(knowledge.getProduct(e.value));
  }
  if (link) return found;
  // "A 和 B 比较" names two products: look in each part
  for (const part of text.split(/\s+vs\.?\s+|和|跟|与|对比|比较|还是|或者|\bor\b|\band\b|\bversus\b|\bwith\b|,|，/i)) {
    if (part.trim().length >= 2) add(knowledge.findProductMention(part));
  }
  if (found.length === 0) add(knowledge.findProductMention(text));
  return found;
}

export function refersToThisOne(text: string, context?: TurnContext): boolean {
  return THIS_ONE.test(text) || Boolean(context && frameOf(nluResultOf(context)).refersToFocus);
}

/** "第二款" / "the second one" among the cards shown last. */
function byOrdinal(text: string, shown: string[] | undefined, knowledge: KnowledgeBase): Product | undefined {
  if (!shown?.length) return undefined;
  const hit = ORDINALS.find(([re]) => re.test(text));
  if (!hit) return undefined;
  const id = hit[1] < 0 ? shown[shown.length - 1] : shown[hit[1]];
  return id ? knowledge.getProduct(id) : undefined;
}

export interface Focus {
  product?: Product;
  /** "this one" after a list of several and none picked: the products to choose from */
  choices?: Product[];
}

/**
 * The product the message is about. `allowImplicit`: a message naming nothing (多少钱, "how much")
 * also means the product in focus; otherwise only 这款 / this one does.
 */
export function resolveFocus(context: TurnContext, knowledge: KnowledgeBase, profile: CustomerProfile, guide: GuideState, allowImplicit = true): Focus {
  const named = productsInMessage(context, knowledge)[0];
  if (named) return { product: named };
  const text = context.activity.text ?? '';
  const ordinal = byOrdinal(text, guide.lastRecommended, knowledge);
  if (ordinal) return { product: ordinal };
  if (!allowImplicit && !refersToThisOne(text, context)) return {};
  const focused = guide.focus ? knowledge.getProduct(guide.focus) : undefined;
  if (focused) return { product: focused };
  const shown = (guide.lastRecommended ?? []).map((id) => knowledge.getProduct(id)).filter((p): p is Product => Boolean(p));
  if (shown.length > 1) return { choices: shown };
  const last = profile.viewedProducts?.[0];
  return last ? { product: knowledge.getProduct(last) } : {};
}

/** The product in focus before this message (none after a list of several until one is picked). */
export function currentFocus(knowledge: KnowledgeBase, profile: CustomerProfile, guide: GuideState): Product | undefined {
  if (guide.focus) return knowledge.getProduct(guide.focus);
  if ((guide.lastRecommended?.length ?? 0) > 1) return undefined;
  const last = profile.viewedProducts?.[0];
  return last ? knowledge.getProduct(last) : undefined;
}

/** The product the message is about, when one can be told without asking (see resolveFocus). */
export function focusProduct(context: TurnContext, knowledge: KnowledgeBase, profile: CustomerProfile, allowImplicit = true, guide: GuideState = {}): Product | undefined {
  return resolveFocus(context, knowledge, profile, guide, allowImplicit).product;
}

/** Records a look at a product; returns the updated profile (revisits count returns to the same product). */
export function noteViewed(profile: CustomerProfile, productId: string): CustomerProfile {
  const viewed = profile.viewedProducts ?? [];
  const seenBefore = viewed.includes(productId);
  const h = profile.hesitation ?? {};
  const revisits = seenBefore ? (h.lastProductId === productId ? (h.revisits ?? 0) : 0) + 1 : 0;
  return {
    ...profile,
    viewedProducts: [productId, ...viewed.filter((id) => id !== productId)].slice(0, MAX_VIEWED),
    hesitation: { ...h, lastProductId: productId, revisits },
  };
}

/** The product is now in focus (named, clicked, asked about, bought). */
export async function setFocus(context: TurnContext, deps: Pick<ShoppingDeps, 'guide'>, productId: string): Promise<void> {
  const guide = await deps.guide.get(context, {});
  if (guide.focus !== productId) await deps.guide.set(context, { ...guide, focus: productId });
}

/** Products shown as cards: one alone is in focus; of several, none is until the customer picks one. */
export async function showProducts(context: TurnContext, deps: Pick<ShoppingDeps, 'guide' | 'profile'>, ids: string[]): Promise<void> {
  const profile = await deps.profile.get(context, {});
  const viewed = [...ids, ...(profile.viewedProducts ?? []).filter((id) => !ids.includes(id))].slice(0, MAX_VIEWED);
  await deps.profile.set(context, { ...profile, viewedProducts: viewed, hesitation: { ...profile.hesitation, lastProductId: ids[0], revisits: 0 } });
  const guide = await deps.guide.get(context, {});
  await deps.guide.set(context, { ...guide, lastRecommended: ids, focus: ids.length === 1 ? ids[0] : undefined });
}
