/**
 * The picture middleware's decisions through the real turn pipeline (CustomerServiceBot, AppAdapter, data:
 * URLs), with a reader that "reads" the text the test put in the picture's bytes (no model): what the dialog
 * is asked, what the customer is told, what reaches a ticket, and what the conversation log keeps.
 */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { createBot } from '../../bots';
import { PictureMiddleware } from '../../bots/pictureMiddleware';
import { createCustomerState } from '../../dialogs';
import { pictureTextOf } from '../../dialogs/turn/turnContracts';
import { silentLogger } from '../../platform/logger';
import { createCoreServices } from '../../services';
import type { Ticket, TicketAttachment } from '../../services/tickets';
import { OcrUnavailableError, type PictureReader } from '../../services/vision';
import { EmbeddedStore } from '../../storage';
import { appChannelSender } from '../helpers/botHarness';
import { ScriptedRecognizer } from '../helpers/scriptedRecognizer';

const picture = (text: string) => ({ contentType: 'image/png', name: 'shot.png', contentUrl: `data:image/png;base64,${Buffer.from(text).toString('base64')}` });

function rig(o: { stack?: string[]; ticket?: Partial<Ticket>; reader?: PictureReader } = {}) {
  const store = new EmbeddedStore(null);
  const logger = silentLogger();
  const services = createCoreServices(store, logger, { distributedLock: false });
  const state = createCustomerState(store);
  const reads: string[] = [];
  const seen: { text: string; pictureText?: string }[] = [];
  const logged: string[] = [];
  const added: TicketAttachment[] = [];
  const reader: PictureReader = o.reader ?? {
    async read(bytes) {
      reads.push(bytes.toString());
      return { lines: bytes.toString().split('\n').filter(Boolean).map((text) => ({ text, score: 0.9 })), ms: 1 };
    },
  };
  const dialogState = {
    get: async () => ({ dialogStack: (o.stack ?? []).map((id) => ({ id, state: {} })) }),
  } as unknown as StatePropertyAccessor<DialogState>;
  const pictures = new PictureMiddleware({
    reader,
    knowledge: { findProductMention: (t) => (/特润修护/.test(t) ? ({ _id: 'sk-0001', title: '雅诗兰黛特润修护肌活精华露 50ml', titleEn: 'Estée Lauder ANR 50ml' } as never) : undefined) },
    tickets: {
      latestOpen: async () => (o.ticket ? ({ _id: 'T20261130-ABC123', createdAt: new Date(Date.now() - 10 * 60_000), ...o.ticket } as Ticket) : undefined),
      addPicture: async (_id, photo) => (added.push(photo), null),
    },
    dialogState,
    logger,
  });
  const dialog = {
    async run(context: TurnContext) {
      const attachment = context.activity.attachments?.[0];
      seen.push({ text: context.activity.text ?? '', pictureText: attachment && pictureTextOf(context, attachment) });
      await context.sendActivity('dialog ran');
    },
  };
  const conversationLog = { append: (e: { from: string; text: string }) => void (e.from === 'customer' && logged.push(e.text)) };
  const bot = createBot({ services, state, recognizer: new ScriptedRecognizer(), dialog, logger, pictures, conversationLog });
  const send = appChannelSender(bot);
  return {
    reads,
    seen,
    logged,
    added,
    async say(userId: string, body: { text?: string; attachments?: unknown[]; locale?: string }) {
      return (await send(userId, body)).map((a) => a.text ?? '');
    },
  };
}

describe('picture middleware', () => {
  it('turns an order screenshot alone into the status question, reading it once, and logs what the customer sent', async () => {
    const r = rig();
    await r.say('u1', { attachments: [picture('订单详情\n运单号：SF1402938475610\n订单编号：1688000000000103 复制\n下单时间 2026-11-20 10:32')] });
    expect(r.seen[0].text).toBe('订单 1688000000000103 到哪了');
    expect(r.reads).toHaveLength(1);
    expect(r.logged).toEqual(['[shot.png]']);
  });

  it('adds the order number to what the customer asked, in their language', async () => {
    const r = rig();
    await r.say('u1', { text: '这个订单到哪了', attachments: [picture('订单号 1688000000000103')] });
    await r.say('u2', { locale: 'en-US', attachments: [picture('Order No. 1688000000000103')] });
    expect(r.seen.map((s) => s.text)).toEqual(['这个订单到哪了 1688000000000103', 'where is my order 1688000000000103']);
  });

  it('asks about the product a label names', async () => {
    const r = rig();
    await r.say('u1', { attachments: [picture('雅诗兰黛\n特润修护肌活精华露\n50ml')] });
    expect(r.seen[0].text).toBe('介绍一下雅诗兰黛特润修护肌活精华露 50ml');
  });

  it('leaves a complaint to the after-sales flow, with the picture text on the turn for its ticket', async () => {
    const inFlow = rig({ stack: ['mainDialog', 'afterSalesDialog'] });
    await inFlow.say('u1', { attachments: [picture('限用日期 2025-01-04\n订单号 1688000000000103')] });
    expect(inFlow.seen[0]).toEqual({ text: '', pictureText: '限用日期 2025-01-04\n订单号 1688000000000103' });
    const starting = rig();
    await starting.say('u1', { text: '收到的面霜漏液了', attachments: [picture('批号 B2401X')] });
    expect(starting.seen[0]).toEqual({ text: '收到的面霜漏液了', pictureText: '批号 B2401X' });
  });

  it('adds a photo sent soon after a ticket was opened to that ticket', async () => {
    const r = rig({ ticket: {} });
    const replies = await r.say('u1', { attachments: [picture('外箱破损 压痕')] });
    expect(replies).toEqual([expect.stringContaining('T20261130-ABC123')]);
    expect(r.added).toEqual([{ contentType: 'image/png', name: 'shot.png', pictureText: '外箱破损 压痕' }]);
    expect(r.seen).toHaveLength(0);
  });

  it('asks what a picture is about when it shows nothing the shop can use, or could not be read', async () => {
    const r = rig();
    expect(await r.say('u1', { attachments: [picture('')] })).toEqual([expect.stringMatching(/没认出订单号或商品/)]);
    const busy = rig({ reader: { read: () => Promise.reject(new OcrUnavailableError('busy', 'too many')) } });
    expect(await busy.say('u1', { attachments: [picture('订单号 1688000000000103')] })).toEqual([expect.stringMatching(/看不清/)]);
    expect(r.seen).toHaveLength(0);
  });

  it('lets the dialog judge a picture that comes with its own words', async () => {
    const r = rig();
    await r.say('u1', { text: '这个颜色好看吗', attachments: [picture('')] });
    expect(r.seen[0].text).toBe('这个颜色好看吗');
  });
});
