/** Outbound rendering: what the customer receives through the customer-service message API. */
import { ActionTypes, CardFactory } from 'botbuilder';
import { render } from '../../../adapters/miniprogram/render';
import { thingValue } from '../../../adapters/miniprogram/subscriptionSender';

const productCard = (id: string) =>
  CardFactory.heroCard('雅诗兰黛小棕瓶精华', '修护 · 抗老', [{ url: `/images/products/${id}.svg` }], [{ type: ActionTypes.OpenUrl, title: '加入购物车', value: `https://shop.example/cart?add=${id}` }], { subtitle: '¥680 / 50ml' });

describe('Mini Program rendering', () => {
  it('joins short texts, splits long ones at 2048 bytes, and shows choices as a numbered list', () => {
    const out = render([
      { type: 'message', text: '您好' },
      { type: 'message', text: '请问您的肤质？', suggestedActions: { to: [], actions: ['干皮', '油皮'].map((v) => ({ type: ActionTypes.ImBack, title: v, value: v })) } },
    ]);
    expect(out).toEqual([{ msgtype: 'text', text: { content: '您好\n\n请问您的肤质？\n回复序号或直接输入：\n1. 干皮\n2. 油皮' } }]);
    const long = render([{ type: 'message', text: '很长的句子。'.repeat(400) }]);
    expect(long.length).toBeGreaterThan(1);
    for (const m of long) expect(m.msgtype === 'text' && Buffer.byteLength(m.text.content)).toBeLessThanOrEqual(2048);
  });

  it('shows a product card as the Mini Program’s product page when the page and its picture are there', () => {
    const [text, card] = render([{ type: 'message', text: '为您挑了 1 款', attachments: [productCard('p-anr')] }], { productPage: 'pages/product/index?id={id}', thumbMediaId: 'thumb-1' });
    expect(text).toMatchObject({ msgtype: 'text' });
    expect(card).toEqual({ msgtype: 'miniprogrampage', miniprogrampage: { title: '雅诗兰黛小棕瓶精华', pagepath: 'pages/product/index?id=p-anr', thumb_media_id: 'thumb-1' } });
  });

  it('falls back to a link card without the page or its picture, and to text without a link', () => {
    const [, link] = render([{ type: 'message', text: 'x', attachments: [productCard('p-anr')] }], { productPage: 'pages/product/index?id={id}' });
    expect(link).toEqual({ msgtype: 'link', link: { title: '雅诗兰黛小棕瓶精华', description: '¥680 / 50ml\n修护 · 抗老', url: 'https://shop.example/cart?add=p-anr', thumb_url: '' } });
    const plain = render([{ type: 'message', attachments: [CardFactory.heroCard('订单 E1', '已发货', undefined, [{ type: ActionTypes.ImBack, title: '查物流', value: '查物流' }])] }]);
    expect(plain).toEqual([{ msgtype: 'text', text: { content: '订单 E1\n已发货\n回复序号或直接输入：\n1. 查物流' } }]);
  });

  it('sends at most 5 messages for one customer message', () => {
    const cards = Array.from({ length: 8 }, (_, i) => productCard(`p${i}`));
    expect(render([{ type: 'message', text: '推荐', attachments: cards }])).toHaveLength(5);
  });

  it('fits a campaign text into the subscription template’s 20-character field', () => {
    expect(thingValue('亲，您关注的精华到货啦')).toBe('亲，您关注的精华到货啦');
    const cut = thingValue('亲，您关注的雅诗兰黛小棕瓶精华到货啦，限时八折快来看看吧');
    expect([...cut]).toHaveLength(20);
    expect(cut.endsWith('…')).toBe(true);
  });
});
