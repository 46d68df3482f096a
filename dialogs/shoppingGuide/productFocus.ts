/**
 * Which product the customer means: a product entity, a product named in the message, or "this one"
 * (这款 / 它 / this one) = the product they looked at last. Also records what they look at, and notices
 * when they come back to the same product (a hesitation signal).
 */
import type { TurnContext } from 'botbuilder';
import { nluResultOf } from '../turn/turnContracts';
import type { KnowledgeBase, Product } from '../../knowledge/types';
import type { CustomerProfile } from '../../services/customers/profile';

const THIS_ONE = /这款|这个|这支|这瓶|这只|这一款|它|刚才那|上面那|this one|this product|\bit\b|\bthis\b|that one/i;
const MAX_VIEWED = 10;

export function productsInMessage(context: TurnContext, knowledge: KnowledgeBase): Product[] {
  const found: Product[] = [];
  const add = (p: Product | undefined) => {
    if (p && !found.some((f) => f._id === p._id)) found.push(p);
  };
  for (const e of nluResultOf(context)?.entities ?? []) {
    if (e.type === 'product' && typeof e.value === 'string') add(knowledge.getProduct(e.value));
  }
  const text = context.activity.text ?? '';
  // "A 和 B 比较" names two products: look in each part
  for (const part of text.split(/\s+vs\.?\s+|和|跟|与|对比|比较|还是|或者|\bor\b|\band\b|\bversus\b|\bwith\b|,|，/i)) {
    if (part.trim().length >= 2) add(knowledge.findProductMention(part));
  }
  if (found.length === 0) add(knowledge.findProductMention(text));
  return found;
}

/** The product the message is about: named, else "this one" / nothing named → last viewed. */
export function focusProduct(context: TurnContext, knowledge: KnowledgeBase, profile: CustomerProfile, allowImplicit = true): Product | undefined {
  const named = productsInMessage(context, knowledge)[0];
  if (named) return named;
  const text = context.activity.text ?? '';
  if (!allowImplicit && !THIS_ONE.test(text)) return undefined;
  const last = profile.viewedProducts?.[0];
  return last ? knowledge.getProduct(last) : undefined;
}

export function refersToThisOne(text: string): boolean {
  return THIS_ONE.test(text);
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
