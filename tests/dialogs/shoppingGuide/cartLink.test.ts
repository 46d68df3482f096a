/** Product cards link to the shop's own cart page (SHOP_CART_URL). */
import { startTestApp } from '../../helpers/testApp';

it('links "add to cart" to the configured SHOP_CART_URL', async () => {
  const app = await startTestApp({ DEMO_DATA: 'true', SHOP_CART_URL: 'https://shop.test/cart' });
  try {
    const r = await app.post('/api/app/messages', { userId: 'buyer', text: '我要买小棕瓶' });
    expect(r.status).toBe(200);
    const all = JSON.stringify(r.json.replies);
    expect(all).toContain('https://shop.test/cart?add=');
    expect(all).not.toContain('shop.example');
  } finally {
    await app.close(1000);
  }
});
