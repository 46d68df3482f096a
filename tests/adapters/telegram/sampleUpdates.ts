/** Updates shaped as Telegram delivers them to a webhook (Bot API "Update" objects). */
export const user = { id: 5012345678, is_bot: false, first_name: 'Mei', username: 'mei_li', language_code: 'zh-hans' };
export const chat = { id: 5012345678, first_name: 'Mei', username: 'mei_li', type: 'private' };

export function textUpdate(updateId: number, text: string, from: object = user, chatOverride: object = chat) {
  const entities = text.startsWith('/') ? [{ offset: 0, length: text.split(' ')[0].length, type: 'bot_command' }] : undefined;
  return { update_id: updateId, message: { message_id: updateId + 1000, from, chat: chatOverride, date: 1700000000, text, ...(entities ? { entities } : {}) } };
}

export function photoUpdate(updateId: number, caption?: string) {
  return {
    update_id: updateId,
    message: {
      message_id: 77,
      from: user,
      chat,
      date: 1700000000,
      photo: [
        { file_id: 'AgACAgUAAxkBAAIBsmall', file_unique_id: 'AQADsmall', file_size: 1200, width: 90, height: 67 },
        { file_id: 'AgACAgUAAxkBAAIBlarge', file_unique_id: 'AQADlarge', file_size: 51234, width: 1280, height: 960 },
        { file_id: 'AgACAgUAAxkBAAIBmid', file_unique_id: 'AQADmid', file_size: 9800, width: 320, height: 240 },
      ],
      ...(caption ? { caption } : {}),
    },
  };
}

export function stickerUpdate(updateId: number) {
  return {
    update_id: updateId,
    message: {
      message_id: 78,
      from: user,
      chat,
      date: 1700000000,
      sticker: { file_id: 'CAACAgIAAxkBAAIB', file_unique_id: 'AgAD', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false, emoji: '😊' },
    },
  };
}

export function callbackUpdate(updateId: number, data: string, from: object = user) {
  return {
    update_id: updateId,
    callback_query: {
      id: `4382bfdwdsb323b2d9${updateId}`,
      from,
      message: { message_id: 120, from: { id: 7000000001, is_bot: true, first_name: 'Shop', username: 'beauty_shop_bot' }, chat, date: 1700000000, text: '亲，您是什么肤质呢？' },
      chat_instance: '-2714350236123456789',
      data,
    },
  };
}
