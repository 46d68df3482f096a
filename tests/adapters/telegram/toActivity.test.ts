import { commandText, toActivity } from '../../../adapters/telegram/toActivity';
import { callbackUpdate, photoUpdate, stickerUpdate, textUpdate } from './sampleUpdates';

describe('Telegram inbound mapping (pure)', () => {
  it('maps a private text message to an activity keyed by the Telegram user, replying in the chat', () => {
    expect(toActivity(textUpdate(1, '推荐一款面霜'))).toMatchObject({
      kind: 'activity',
      activity: {
        type: 'message',
        id: '1',
        channelId: 'telegram',
        from: { id: '5012345678', name: 'mei_li' },
        conversation: { id: '5012345678', isGroup: false },
        text: '推荐一款面霜',
        locale: 'zh-CN',
      },
    });
  });

  it('maps commands to text the dialogs understand, in the user language', () => {
    expect(commandText('/start', 'zh')).toBe('你好');
    expect(commandText('/help@beauty_shop_bot', 'en')).toBe('help');
    expect(commandText('/human', 'zh')).toBe('转人工');
    expect(commandText('/start 123456', 'zh')).toBe('123456'); // deep link carrying a link code
    expect(commandText('/unknown thing', 'zh')).toBe('/unknown thing');
    const en = toActivity(textUpdate(2, '/human', { id: 9, first_name: 'Ann', language_code: 'en' }));
    expect(en.kind === 'activity' && en.activity).toMatchObject({ text: 'human agent', locale: 'en' });
  });

  it('maps the largest photo size to an attachment, caption as text', () => {
    const r = toActivity(photoUpdate(3, '这个色号有货吗'));
    expect(r.kind === 'activity' && r.activity).toMatchObject({
      text: '这个色号有货吗',
      attachments: [{ contentType: 'image/jpeg', content: { telegramFileId: 'AgACAgUAAxkBAAIBlarge' } }],
    });
  });

  it('maps a tapped inline button to its data as text, carrying the callback query id', () => {
    const r = toActivity(callbackUpdate(4, '油皮'));
    expect(r).toMatchObject({ kind: 'activity', callbackQueryId: '4382bfdwdsb323b2d94', activity: { text: '油皮', conversation: { id: '5012345678' } } });
  });

  it('calls a sticker unsupported, ignores edits and bots, and refuses broken updates', () => {
    expect(toActivity(stickerUpdate(5))).toEqual({ kind: 'unsupported', what: 'sticker', chatId: '5012345678', lang: 'zh' });
    expect(toActivity({ update_id: 6, edited_message: textUpdate(6, 'x').message })).toEqual({ kind: 'ignore' });
    expect(toActivity(textUpdate(7, 'hi', { id: 1, is_bot: true, first_name: 'b' }))).toEqual({ kind: 'ignore' });
    expect(toActivity({ message: {} })).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/update_id/) });
    expect(toActivity({ update_id: 8, message: { text: 'x' } })).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/chat/) });
    expect(toActivity({ update_id: 9, message: { message_id: 1, chat: { id: 1 }, date: 1, text: 'x' } })).toMatchObject({ kind: 'invalid', reason: /from/ });
    expect(toActivity({ update_id: 10, callback_query: { id: 5 } })).toMatchObject({ kind: 'invalid' });
  });
});
