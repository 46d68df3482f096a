import { render } from '../../../adapters/telegram/render';

const chat = '5012345678';

describe('Telegram outbound rendering', () => {
  it('splits text over 4096 characters, keyboard under the last piece', () => {
    const text = '保湿是护肤的第一步。'.repeat(500);
    const calls = render(
      { type: 'message', text, suggestedActions: { to: [], actions: [{ type: 'imBack', title: '好的', value: '好的' }] } },
      chat,
    );
    expect(calls.length).toBe(2);
    for (const c of calls) expect((c.params.text as string).length).toBeLessThanOrEqual(4096);
    expect(calls.map((c) => c.params.text).join('')).toBe(text);
    expect(calls[0].params.reply_markup).toBeUndefined();
    expect(calls[1].params.reply_markup).toEqual({ inline_keyboard: [[{ text: '好的', callback_data: '好的' }]] });
  });

  it('lays suggested actions out as an inline keyboard, two per row', () => {
    const actions = ['干皮', '油皮', '混合皮'].map((v) => ({ type: 'imBack', title: v, value: v }));
    const [call] = render({ type: 'message', text: '亲，您是什么肤质呢？', suggestedActions: { to: [], actions } }, chat);
    expect(call).toEqual({
      method: 'sendMessage',
      params: {
        chat_id: chat,
        text: '亲，您是什么肤质呢？',
        reply_markup: { inline_keyboard: [[{ text: '干皮', callback_data: '干皮' }, { text: '油皮', callback_data: '油皮' }], [{ text: '混合皮', callback_data: '混合皮' }]] },
      },
    });
  });

  it('falls back to a numbered list when a value is too long for callback_data (64 bytes)', () => {
    const long = '我想要一款适合敏感肌的温和保湿面霜，价格三百元以内，最好无香精';
    const [call] = render({ type: 'message', text: '请选择', suggestedActions: { to: [], actions: [{ type: 'imBack', title: '长选项', value: long }] } }, chat);
    expect(call.params.reply_markup).toBeUndefined();
    expect(call.params.text).toBe('请选择\n回复序号或直接输入：\n1. 长选项');
  });

  it('sends a product card with a picture as a photo with caption and buttons, long captions continued as text', () => {
    const card = {
      contentType: 'application/vnd.microsoft.card.hero',
      content: {
        title: '玻尿酸保湿精华 30ml',
        subtitle: '¥199',
        text: '适合干皮',
        images: [{ url: 'https://shop.example.com/p/1.jpg' }],
        buttons: [
          { type: 'imBack', title: '加入购物车', value: '加入购物车 P001' },
          { type: 'openUrl', title: '详情', value: 'https://shop.example.com/p/1' },
        ],
      },
    };
    expect(render({ type: 'message', attachments: [card] }, chat)).toEqual([
      {
        method: 'sendPhoto',
        params: {
          chat_id: chat,
          photo: 'https://shop.example.com/p/1.jpg',
          caption: '玻尿酸保湿精华 30ml\n¥199\n适合干皮',
          reply_markup: { inline_keyboard: [[{ text: '加入购物车', callback_data: '加入购物车 P001' }], [{ text: '详情', url: 'https://shop.example.com/p/1' }]] },
        },
      },
    ]);
    const long = { ...card, content: { ...card.content, text: '成分说明。'.repeat(300) } };
    const calls = render({ type: 'message', attachments: [long] }, chat);
    expect(calls[0].method).toBe('sendPhoto');
    expect((calls[0].params.caption as string).length).toBeLessThanOrEqual(1024);
    expect(calls[calls.length - 1].method).toBe('sendMessage');
    expect(calls[calls.length - 1].params.reply_markup).toBeDefined();
  });

  it('sends a card without a picture as text', () => {
    const calls = render({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.hero', content: { title: '温和洁面', text: '¥89' } }] }, chat);
    expect(calls).toEqual([{ method: 'sendMessage', params: { chat_id: chat, text: '温和洁面\n¥89' } }]);
  });
});
