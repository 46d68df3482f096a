import { render, WECHAT_TEXT_LIMIT_BYTES } from '../../../adapters/wechat/render';
import { passiveXml } from '../../../adapters/wechat/passiveReply';
import { parseWeChatXml } from '../../../adapters/wechatKit/wechatXml';

describe('WeChat outbound rendering', () => {
  it('splits a long Chinese reply into messages of at most 2048 bytes, losing nothing', () => {
    const sentence = '这款精华适合干皮和敏感肌，建议早晚各用一次。';
    const text = sentence.repeat(120);
    const messages = render([{ type: 'message', text }]);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(m.type).toBe('text');
      if (m.type === 'text') expect(Buffer.byteLength(m.content)).toBeLessThanOrEqual(WECHAT_TEXT_LIMIT_BYTES);
    }
    expect(messages.map((m) => (m.type === 'text' ? m.content : '')).join('')).toBe(text);
    // pieces end at a sentence, not mid-way
    expect(messages[0].type === 'text' && messages[0].content.endsWith('。')).toBe(true);
  });

  it('joins short consecutive replies into one message', () => {
    expect(render([{ type: 'message', text: '好的' }, { type: 'message', text: '还有什么可以帮您？' }])).toEqual([
      { type: 'text', content: '好的\n\n还有什么可以帮您？' },
    ]);
  });

  it('turns suggested actions into a numbered list', () => {
    const [m] = render([
      {
        type: 'message',
        text: '亲，您是什么肤质呢？',
        suggestedActions: { to: [], actions: [{ type: 'imBack', title: '干皮', value: '干皮' }, { type: 'imBack', title: '油皮', value: '油皮' }] },
      },
    ]);
    expect(m).toEqual({ type: 'text', content: '亲，您是什么肤质呢？\n回复序号或直接输入：\n1. 干皮\n2. 油皮', choices: ['干皮', '油皮'] });
  });

  it('turns a product hero card into news (图文) with picture and link, and a card without either into text', () => {
    const card = {
      contentType: 'application/vnd.microsoft.card.hero',
      content: {
        title: '玻尿酸保湿精华 30ml',
        subtitle: '¥199 · 干皮适用',
        images: [{ url: 'https://shop.example.com/p/1.jpg' }],
        buttons: [{ type: 'openUrl', title: '查看', value: 'https://shop.example.com/p/1' }],
      },
    };
    expect(render([{ type: 'message', attachments: [card] }])).toEqual([
      { type: 'news', article: { title: '玻尿酸保湿精华 30ml', description: '¥199 · 干皮适用', picurl: 'https://shop.example.com/p/1.jpg', url: 'https://shop.example.com/p/1' } },
    ]);
    const plain = { contentType: card.contentType, content: { title: '温和洁面', text: '¥89', buttons: [{ type: 'imBack', title: '加入购物车', value: '加入购物车' }] } };
    expect(render([{ type: 'message', attachments: [plain] }])).toEqual([
      { type: 'text', content: '温和洁面\n¥89\n回复序号或直接输入：\n1. 加入购物车', choices: ['加入购物车'] },
    ]);
  });

  it('builds a passive text reply WeChat can parse back, CDATA-safe', () => {
    const xml = passiveXml({ type: 'text', content: 'a ]]> b <c>' }, 'openid1', 'gh_1', 1700000000);
    const parsed = parseWeChatXml(xml);
    expect(parsed).toMatchObject({ ToUserName: 'openid1', FromUserName: 'gh_1', CreateTime: '1700000000', MsgType: 'text', Content: 'a ]]> b <c>' });
  });
});

describe('WeChat rendering of adaptive cards', () => {
  const table = {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: '产品对比' }, { type: 'FactSet', facts: [{ title: '价格', value: '¥199 | ¥299' }] }] },
  };
  it('reads the card text when the message has none, and does not repeat the text when it has', () => {
    expect(render([{ type: 'message', attachments: [table] }])).toEqual([{ type: 'text', content: '产品对比\n价格：¥199 | ¥299' }]);
    expect(render([{ type: 'message', text: '【A】vs【B】\n价格: ¥199 | ¥299', attachments: [table] }])).toEqual([
      { type: 'text', content: '【A】vs【B】\n价格: ¥199 | ¥299' },
    ]);
  });
});
