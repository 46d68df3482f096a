/** A message activity as the Bot Framework Emulator posts it, replies going to `serviceUrl`. */
export function emulatorActivity(serviceUrl: string, overrides: Record<string, unknown> = {}) {
  return {
    type: 'message',
    id: 'act-1',
    channelId: 'emulator',
    serviceUrl,
    from: { id: 'emu-user', name: 'User' },
    recipient: { id: 'bot', name: 'Bot' },
    conversation: { id: 'conv-1' },
    text: '你好',
    locale: 'zh-CN',
    ...overrides,
  };
}
