/**
 * One real app with every channel switched on (app, Emulator, web chat, WeChat, Telegram), each behind
 * its driver; the platforms' APIs are local fakes. Test files start one rig and share it.
 */
import { OrderService } from '../../../services/orders';
import { demoOrders } from '../../../services/orders/demo/demoOrders';
import { RunningApp, startTestApp } from '../../helpers/testApp';
import { appDriver } from './appDriver';
import type { ChannelDriver, ChannelName } from './channelDriver';
import { emulatorDriver } from './emulatorDriver';
import { telegramDriver } from './telegramDriver';
import { miniProgramDriver } from './miniProgramDriver';
import { webChatDriver } from './webChatDriver';
import { liveDriver } from './liveDriver'; // [live]
import { voiceDriver } from './voiceDriver'; // [voice]
import { wechatDriver } from './wechatDriver';

export const ALL_CHANNELS: ChannelName[] = ['app', 'emulator', 'webchat', 'wechat', 'telegram', 'miniprogram', 'live', 'voice'];

const makers: Record<ChannelName, () => ChannelDriver> = {
  app: appDriver,
  emulator: emulatorDriver,
  webchat: webChatDriver,
  wechat: wechatDriver,
  telegram: telegramDriver,
  live: liveDriver, // [live]
  miniprogram: miniProgramDriver,
  voice: voiceDriver, // [voice]
};

/** Why a channel has no proactive path (undefined when it has one); needs no running app. */
export function proactiveSkipReason(name: ChannelName): string | undefined {
  const proactive = makers[name]().proactive;
  return typeof proactive === 'string' ? proactive : undefined;
}

export interface ChannelRig {
  app: RunningApp;
  drivers: Record<ChannelName, ChannelDriver>;
  /**
   * Gives the customer behind `userId` on this channel the demo orders (services/orders/demo), with
   * `prefix` as the first 4 digits of the order numbers so every table has orders of its own.
   */
  seedOrders(driver: ChannelDriver, userId: string, prefix: string): Promise<void>;
  close(): Promise<void>;
}

export async function startChannelRig(channels: ChannelName[] = ALL_CHANNELS, env: Record<string, string> = {}): Promise<ChannelRig> {
  const drivers = Object.fromEntries(channels.map((name) => [name, makers[name]()])) as Record<ChannelName, ChannelDriver>;
  const list = Object.values(drivers);
  await Promise.all(list.map((d) => d.start()));
  const app = await startTestApp(Object.assign({ DEMO_DATA: 'true' }, ...list.map((d) => d.env()), env));
  for (const d of list) d.attach(app);
  const orders = new OrderService(app.store);
  return {
    app,
    drivers,
    async seedOrders(driver, userId, prefix) {
      const customerId = await app.directory.resolve({ channelId: driver.channelId, userId: driver.channelUserId(userId) });
      await orders.insert(demoOrders(customerId).map((o) => ({ ...o, _id: prefix + o._id.slice(4) })));
    },
    async close() {
      await app.close(1000);
      await Promise.all(list.map((d) => d.stop()));
    },
  };
}
