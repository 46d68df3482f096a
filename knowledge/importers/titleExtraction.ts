/**
 * Reads what a messy marketplace title says: brand (including "CHANDO/自然堂" and "shiseido资生堂"
 * forms), sizes (50g, 120ML, 10片), product type and claims, and skin types. Pure functions.
 */
import type { TopCategory } from '../types';
import { normalizeForSearch } from '../../platform/text/normalize';
import { concernLookup, skinTypeLookup } from '../text/synonyms';

/** title keyword → product type; a set/gift box wins, otherwise the earliest keyword in the title */
const TYPE_KEYWORDS: [string, string, TopCategory][] = [
  ['洗面奶', '洁面', 'skincare'], ['洁面', '洁面', 'skincare'], ['洗颜', '洁面', 'skincare'], ['洁颜', '洁面', 'skincare'],
  ['卸妆', '卸妆', 'skincare'], ['精华水', '精华水', 'skincare'], ['精华露', '精华', 'skincare'], ['精华液', '精华', 'skincare'],
  ['肌底液', '精华', 'skincare'], ['精华', '精华', 'skincare'], ['原液', '精华', 'skincare'], ['眼霜', '眼霜', 'skincare'],
  ['眼部', '眼霜', 'skincare'], ['爽肤水', '爽肤水', 'skincare'], ['化妆水', '爽肤水', 'skincare'], ['柔肤水', '爽肤水', 'skincare'],
  ['紧肤水', '爽肤水', 'skincare'], ['保湿水', '爽肤水', 'skincare'], ['美容液', '精华', 'skincare'], ['乳液', '乳液', 'skincare'],
  ['润肤乳', '乳液', 'skincare'], ['面膜', '面膜', 'skincare'], ['防晒', '防晒', 'skincare'], ['隔离', '隔离', 'makeup'],
  ['bb霜', 'BB霜', 'makeup'], ['cc霜', 'BB霜', 'makeup'], ['气垫', '气垫', 'makeup'], ['粉底', '粉底液', 'makeup'],
  ['遮瑕', '遮瑕', 'makeup'], ['散粉', '散粉', 'makeup'], ['蜜粉', '散粉', 'makeup'], ['粉饼', '散粉', 'makeup'],
  ['口红', '口红', 'makeup'], ['唇膏', '口红', 'makeup'], ['唇釉', '唇釉', 'makeup'], ['唇彩', '唇釉', 'makeup'],
  ['腮红', '腮红', 'makeup'], ['眼影', '眼影', 'makeup'], ['睫毛', '睫毛膏', 'makeup'], ['眼线', '眼线', 'makeup'],
  ['眉笔', '眉笔', 'makeup'], ['洗发', '洗发水', 'haircare'], ['护发素', '护发素', 'haircare'], ['发膜', '发膜', 'haircare'],
  ['护发', '护发精油', 'haircare'], ['身体乳', '身体乳', 'bodycare'], ['沐浴', '沐浴露', 'bodycare'], ['护手霜', '护手霜', 'bodycare'],
  ['香水', '香水', 'fragrance'], ['面霜', '面霜', 'skincare'], ['乳霜', '面霜', 'skincare'], ['霜', '面霜', 'skincare'],
  ['喷雾', '爽肤水', 'skincare'], ['啫喱', '面霜', 'skincare'], ['磨砂', '去角质', 'skincare'], ['去角质', '去角质', 'skincare'],
  ['肤水', '爽肤水', 'skincare'], ['调理水', '爽肤水', 'skincare'], ['滋润水', '爽肤水', 'skincare'], ['保湿液', '爽肤水', 'skincare'],
  ['保湿乳', '乳液', 'skincare'], ['滋润乳', '乳液', 'skincare'], ['保湿露', '乳液', 'skincare'], ['凝露', '乳液', 'skincare'],
  ['鼻贴', '面膜', 'skincare'], ['眉粉', '眉笔', 'makeup'], ['剃须', '剃须', 'bodycare'], ['止汗', '止汗露', 'bodycare'],
  ['走珠', '止汗露', 'bodycare'], ['吸油面纸', '工具', 'tools'], ['粉扑', '工具', 'tools'], ['化妆刷', '工具', 'tools'],
];
const SET_WORDS = ['套装', '套盒', '礼盒', '套组', '组合装'];

export function extractType(title: string): { category: string; topCategory: TopCategory } | undefined {
  const t = normalizeForSearch(title).replace(/【[^】]*】|\[[^\]]*\]/g, ' ');
  if (SET_WORDS.some((w) => t.includes(w))) {
    const inner = extractTypeOnly(t);
    return { category: '套装', topCategory: inner?.topCategory ?? 'skincare' };
  }
  return extractTypeOnly(t);
}

function extractTypeOnly(t: string): { category: string; topCategory: TopCategory } | undefined {
  let best: { at: number; len: number; category: string; topCategory: TopCategory } | undefined;
  for (const [kw, category, topCategory] of TYPE_KEYWORDS) {
    const at = t.indexOf(kw);
    if (at < 0) continue;
    // earliest keyword wins; at the same place the longer one (洗面奶 over 洁面)
    if (!best || at < best.at || (at === best.at && kw.length > best.len)) best = { at, len: kw.length, category, topCategory };
  }
  return best && { category: best.category, topCategory: best.topCategory };
}

const SIZE = /(\d+(?:\.\d+)?)\s*(ml|毫升|g|克|片|支|ml\b)/gi;

export function extractSizes(title: string): string[] {
  const sizes: string[] = [];
  for (const m of normalizeForSearch(title).matchAll(SIZE)) {
    const unit = m[2]!.toLowerCase();
    const u = unit === '毫升' ? 'ml' : unit === '克' ? 'g' : unit;
    const size = `${Number(m[1])}${u}`;
    if (Number(m[1]) > 0 && !sizes.includes(size)) sizes.push(size);
  }
  return sizes;
}

const CONCERN_WORDS = [...concernLookup.keys()].filter((k) => /[\u4e00-\u9fff]/.test(k)).sort((a, b) => b.length - a.length);
const SKIN_WORDS = [...skinTypeLookup.keys()].filter((k) => /[\u4e00-\u9fff]/.test(k) && k.length >= 2).sort((a, b) => b.length - a.length);

export function extractClaims(title: string): { concerns: string[]; skinTypes: string[] } {
  const t = normalizeForSearch(title);
  const concerns = new Set<string>();
  for (const w of CONCERN_WORDS) if (t.includes(w)) concerns.add(concernLookup.get(w)!);
  const skinTypes = new Set<string>();
  for (const w of SKIN_WORDS) if (t.includes(w) && !/敏感$/.test(w)) skinTypes.add(skinTypeLookup.get(w)!);
  return { concerns: [...concerns], skinTypes: [...skinTypes] };
}

/**
 * "CHANDO/自然堂", "Herborist/佰草集", "L'OREAL欧莱雅", "shiseido资生堂": the Latin and Chinese names.
 * Titles run the brand into the product name (佰草集平衡保湿), so a known name (the shop column) that
 * starts the Chinese run cuts it; otherwise the whole run of up to 8 characters is returned.
 */
export function extractBrandForms(title: string, knownNames: string[] = []): { latin?: string; chinese?: string } | undefined {
  const cut = (run: string) => knownNames.find((n) => n && run.startsWith(n)) ?? run;
  const slash = title.match(/([A-Za-z][A-Za-z'’.&\s-]{1,30}?)\s*[/／]\s*([\u4e00-\u9fff]{2,8})/);
  if (slash) return { latin: slash[1]!.trim(), chinese: cut(slash[2]!) };
  const glued = title.match(/(?:^|[\s】\]])([A-Za-z][A-Za-z'’.&-]{1,20})([\u4e00-\u9fff]{2,5})/);
  if (glued) return { latin: glued[1], chinese: cut(glued[2]!) };
  return undefined;
}
