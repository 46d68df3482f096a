/**
 * Pictures the picture tests and `npm run bench:ocr` render themselves in Debian's Chromium (nothing is
 * downloaded): order-page screenshots, product labels and complaint photos, in varied fonts, sizes, colours,
 * layouts and noise. Each HTML page is drawn by the same browser the web tests launch.
 */
import fs from 'node:fs';
import { Browser, chromium } from 'playwright-core';
import { seededRandom } from '../../platform/seededRandom';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);

export interface PictureRenderer {
  /** a PNG (or JPEG) of the page at the given CSS size and device scale */
  render(html: string, o?: { width?: number; height?: number; scale?: number; jpegQuality?: number }): Promise<Buffer>;
  close(): Promise<void>;
}

export async function startPictureRenderer(): Promise<PictureRenderer> {
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  return {
    async render(html, o = {}) {
      const page = await browser.newPage({ viewport: { width: o.width ?? 390, height: o.height ?? 640 }, deviceScaleFactor: o.scale ?? 2 });
      try {
        await page.setContent(html, { waitUntil: 'load' });
        return await page.screenshot(o.jpegQuality ? { type: 'jpeg', quality: o.jpegQuality } : { type: 'png' });
      } finally {
        await page.close();
      }
    },
    close: () => browser.close(),
  };
}

export interface OrderPageOptions {
  orderId: string;
  /** how the number is laid out: beside its label, on the line under it, or typed in groups of four */
  layout?: 'inline' | 'below' | 'grouped';
  font?: string;
  fontSize?: number;
  background?: string;
  color?: string;
  /** dots and lines drawn over the page (a photographed or re-compressed screenshot) */
  noise?: number;
  /** degrees: a phone photo of a screen is rarely straight */
  rotate?: number;
  blur?: number;
  seed?: number;
  english?: boolean;
}

function noiseLayer(amount: number, seed: number): string {
  if (!amount) return '';
  const random = seededRandom(seed);
  const dots = Array.from({ length: amount * 60 }, () => {
    const [x, y, r] = [random() * 100, random() * 100, 0.5 + random() * 1.5];
    return `<div style="position:absolute;left:${x}%;top:${y}%;width:${r}px;height:${r}px;border-radius:50%;background:rgba(0,0,0,${(0.15 + random() * 0.3).toFixed(2)})"></div>`;
  });
  const lines = Array.from({ length: amount * 3 }, () => {
    const [y, a] = [random() * 100, (random() - 0.5) * 20];
    return `<div style="position:absolute;left:-10%;top:${y}%;width:120%;height:1px;transform:rotate(${a}deg);background:rgba(0,0,0,0.12)"></div>`;
  });
  return `<div style="position:fixed;inset:0;pointer-events:none">${dots.join('')}${lines.join('')}</div>`;
}

/** A shop app's order page: the order number among other long numbers (waybill, phone, payment serial, time). */
export function orderPageHtml(o: OrderPageOptions): string {
  const font = o.font ?? 'WenQuanYi Micro Hei';
  const size = o.fontSize ?? 15;
  const number = o.layout === 'grouped' ? o.orderId.replace(/(\d{4})(?=\d)/g, '$1 ') : o.orderId;
  const label = o.english ? 'Order No.' : '订单编号';
  const numberRow =
    o.layout === 'below' ? `<div style="color:#888">${label}</div><div>${number}</div>` : `<div><span style="color:#888">${label}：</span>${number} <span style="color:#e4393c;border:1px solid;padding:0 4px;font-size:0.8em">${o.english ? 'Copy' : '复制'}</span></div>`;
  const rows = o.english
    ? ['<b>Shipped</b> · on its way', 'Tracking: SF1402938475610 (SF Express)', 'Estée Lauder Advanced Night Repair 50ml × 1', 'Paid ¥1020.00', numberRow, 'Placed 2026-11-20 10:32:07', 'Phone 139****1234']
    : ['<b style="color:#e4393c">卖家已发货</b>', '运单号：SF1402938475610 顺丰速运', '雅诗兰黛特润修护肌活精华露 50ml ×1', '实付款 ¥1020.00', numberRow, '下单时间：2026-11-20 10:32:07', '支付流水号：4200002718202611201234567', '收货人 林女士 139****1234'];
  return `<html><body style="margin:0;padding:14px;font-family:'${font}',sans-serif;font-size:${size}px;background:${o.background ?? '#f4f4f4'};color:${o.color ?? '#222'}">
    <div style="transform:rotate(${o.rotate ?? 0}deg);filter:blur(${o.blur ?? 0}px)">
      <div style="font-size:1.25em;font-weight:bold;margin-bottom:10px">${o.english ? 'Order details' : '订单详情'}</div>
      <div style="background:rgba(255,255,255,0.08);border-radius:8px;padding:10px;line-height:1.9">${rows.map((r) => `<div>${r}</div>`).join('')}</div>
    </div>${noiseLayer(o.noise ?? 0, o.seed ?? 1)}</body></html>`;
}

/** A product's label (the front of a bottle or box): brand and product name, size, small print. */
export function labelHtml(o: { brand: string; name: string; size: string; background?: string; color?: string; font?: string; noise?: number }): string {
  return `<html><body style="margin:0;display:flex;align-items:center;justify-content:center;height:100vh;background:#ccc;font-family:'${o.font ?? 'WenQuanYi Micro Hei'}',sans-serif">
    <div style="width:72%;padding:28px 16px;border-radius:18px;text-align:center;background:${o.background ?? '#6b3f1d'};color:${o.color ?? '#f3e3c3'}">
      <div style="font-size:30px;letter-spacing:4px">${o.brand}</div>
      <div style="font-size:21px;margin-top:14px">${o.name}</div>
      <div style="font-size:13px;margin-top:22px;opacity:0.8">${o.size}</div>
    </div>${noiseLayer(o.noise ?? 0, 7)}</body></html>`;
}

/** A photo of a complaint: the package's print the customer points at (dates, batch). */
export function complaintPhotoHtml(lines: string[]): string {
  return `<html><body style="margin:0;padding:30px;background:#e9e2d0;font-family:'WenQuanYi Micro Hei',sans-serif;font-size:20px;line-height:2">
    <div style="border:2px dashed #a33;padding:16px;background:#fffdf6">${lines.map((l) => `<div>${l}</div>`).join('')}</div></body></html>`;
}
