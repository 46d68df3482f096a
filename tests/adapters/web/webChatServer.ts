/**
 * A bot server with only the web chat channel, around the real turn pipeline and a small shop dialog
 * that answers with text, a product hero card and suggested actions. Independent of the business
 * dialogs, so the channel's tests pin the channel's behaviour.
 */
import type { AddressInfo } from 'node:net';
import { CardFactory, MessageFactory, TurnContext } from 'botbuilder';
import { registerWebChannel, WebChannel } from '../../../adapters/web';
import { createBot } from '../../../bots';
import { createCustomerState } from '../../../dialogs';
import { attachmentSourceOf } from '../../../dialogs/turn/turnContracts';
import { createServer, listen, stopAccepting } from '../../../server/createServer';
import { createServices } from '../../../services';
import type { CustomerDirectory } from '../../../services/customers';
import { silentLogger } from '../../../platform/logger';
import { EmbeddedStore } from '../../../storage';
import { ScriptedRecognizer } from '../../helpers/scriptedRecognizer';

export const TEST_SECRET = 'test-directline-secret-0123456789abcdef';

export interface WebChatServer {
  url: string;
  channel: WebChannel;
  directory: CustomerDirectory;
  /** turns the bot ran for a message, by text */
  seen: string[];
  close(): Promise<void>;
}

/** Product card the shop dialog shows for 口红 / lipstick. */
function productCard(baseUrl: string) {
  return CardFactory.heroCard(
    '玫瑰丝绒哑光唇膏 #520',
    [`${baseUrl}/webchat/product.svg`],
    [
      { type: 'imBack', title: '加入购物车', value: '加入购物车 玫瑰丝绒唇膏' },
      { type: 'imBack', title: '看看同系列', value: '同系列唇膏' },
    ],
    { subtitle: '¥129 · 显白不拔干', text: '丝绒质地，一抹显色，适合黄皮和白皮。' },
  );
}

/** Order summary as an Adaptive Card, which Web Chat renders itself. */
function orderCard() {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    version: '1.3',
    body: [
      { type: 'TextBlock', text: '订单 2024-0815-66', weight: 'Bolder', size: 'Medium' },
      {
        type: 'FactSet',
        facts: [
          { title: '状态', value: '已发货' },
          { title: '快递', value: '顺丰 SF1234567890' },
        ],
      },
    ],
    actions: [{ type: 'Action.Submit', title: '催一下物流', data: { action: 'urge' } }],
  });
}

export interface WebChatServerEnv {
  ttlSeconds?: number;
  now?: () => number;
  ratePerMinute?: number;
  /** wrong credentials per address per minute before 429 (high by default: tests share 127.0.0.1) */
  authFailuresPerMinute?: number;
  trustProxy?: boolean;
  userTokenSecret?: string;
  maxActivityBytes?: number;
  maxConversationBytes?: number;
  maxTotalBytes?: number;
}

export async function startWebChatServer(env: WebChatServerEnv = {}): Promise<WebChatServer> {
  const store = new EmbeddedStore(null);
  const services = await createServices(store, silentLogger());
  const { directory } = services;
  const state = createCustomerState(store, directory);
  const seen: string[] = [];
  let baseUrl = '';
  const bot = createBot({
    services,
    state,
    recognizer: new ScriptedRecognizer(),
    logger: silentLogger(),
    dialog: {
      async run(context: TurnContext) {
        const text = context.activity.text ?? '';
        seen.push(text);
        if (text === 'boom') throw new Error('dialog failed');
        // [upload] what the adapter hands over for each picture: name, type and how many bytes
        const pictures = context.activity.attachments ?? [];
        if (pictures.length > 0) {
          const source = attachmentSourceOf(context);
          const read = await Promise.all(pictures.map(async (a) => `${a.name ?? '-'} ${a.contentType} ${(await source?.readAttachment(a, 5 * 1024 * 1024))?.length ?? 0}`));
          await context.sendActivity(`收到图片：${read.join('，')}`);
          return;
        }
        if (/口红|lipstick/.test(text)) {
          const reply = MessageFactory.attachment(productCard(baseUrl), '为您推荐这款口红：');
          reply.suggestedActions = {
            to: [],
            actions: ['热门色号', '黄皮推荐', '干皮适合吗', '价格', '优惠券', '包邮吗', '正品吗', '保质期', '色号对比', '转人工', '再看看', '谢谢'].map(
              (t) => ({ type: 'imBack', title: t, value: t }),
            ),
          };
          await context.sendActivity(reply);
          return;
        }
        if (text === '查订单') {
          await context.sendActivity(MessageFactory.attachment(orderCard()));
          return;
        }
        await context.sendActivity(`收到：${text}`);
      },
    },
  });
  const server = createServer({ store, logger: silentLogger() });
  const channel = await registerWebChannel(server, {
    store,
    DIRECTLINE_SECRET: TEST_SECRET,
    DIRECTLINE_TOKEN_TTL_SECONDS: env.ttlSeconds ?? 1800,
    DIRECTLINE_MAX_BODY_BYTES: 64 * 1024,
    DIRECTLINE_MAX_CONVERSATIONS: 100,
    DIRECTLINE_MAX_ACTIVITY_BYTES: env.maxActivityBytes ?? 16 * 1024,
    DIRECTLINE_MAX_CONVERSATION_BYTES: env.maxConversationBytes ?? 1024 * 1024,
    DIRECTLINE_MAX_TOTAL_BYTES: env.maxTotalBytes ?? 64 * 1024 * 1024,
    DIRECTLINE_AUTH_FAILURES_PER_MINUTE: env.authFailuresPerMinute ?? 1000,
    WEBCHAT_TOKEN_RATE_PER_MINUTE: env.ratePerMinute ?? 1000,
    WEBCHAT_TRUST_PROXY: env.trustProxy ?? false,
    WEBCHAT_USER_TOKEN_SECRET: env.userTokenSecret,
    WEBCHAT_TITLE: '美妆小铺 · 在线客服',
    logger: silentLogger(),
    bot,
    now: env.now,
  });
  await listen(server, 0, '127.0.0.1');
  const { port } = server.server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;
  return {
    url: baseUrl,
    channel,
    directory,
    seen,
    async close() {
      await stopAccepting(server, 1000);
      await store.close();
    },
  };
}
