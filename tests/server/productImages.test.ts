/**
 * GET /images/products/:id.svg: the store's own picture of a product, from the bot's origin — an SVG
 * that browsers may cache (ETag → 304), that can run nothing when opened, and a JSON 404 for anything else.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import type { Product } from '../../knowledge/types';
import { createServer, listen, stopAccepting } from '../../server/createServer';
import { registerProductImages } from '../../server/productImages';
import { silentLogger } from '../../platform/logger';
import { EmbeddedStore } from '../../storage';

const serum = { _id: 'sk-0001', brandId: 'esteelauder', brand: '雅诗兰黛', title: '特润修护肌活精华露 <50ml>', category: '精华', topCategory: 'skincare' } as Product;

let server: Server;
let store: EmbeddedStore;
let url: string;

beforeAll(async () => {
  store = new EmbeddedStore(null);
  server = createServer({ store, logger: silentLogger() });
  registerProductImages(server, { knowledge: { getProduct: (id) => (id === serum._id ? serum : undefined) }, logger: silentLogger() });
  await listen(server, 0, '127.0.0.1');
  url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await stopAccepting(server, 1000);
  await store.close();
});

describe('product pictures route', () => {
  it('serves the product picture as a cacheable SVG that can load and run nothing', async () => {
    const res = await fetch(`${url}/images/products/sk-0001.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const svg = await res.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('特润修护肌活精华露 &lt;50ml&gt;');
    expect(svg).toContain('#3a2d6b'); // the brand's colour

    const again = await fetch(`${url}/images/products/sk-0001.svg`, { headers: { 'If-None-Match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it.each([
    ['an unknown product', '/images/products/sk-9999.svg'],
    ['another extension', '/images/products/sk-0001.png'],
    ['no extension', '/images/products/sk-0001'],
    ['a path trick', '/images/products/..%2F..%2Fpackage.json'],
    ['an odd character', '/images/products/sk%3C0001.svg'],
  ])('%s → 404 JSON', async (_what, path) => {
    const res = await fetch(url + path);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });
});
