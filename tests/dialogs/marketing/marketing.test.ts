/** Marketing in conversation: live promotions, coupon claims with per-customer limits, gifts, repurchase reminders. */
import { dialogHarness, DialogHarness, entity, Script, suggestions } from '../main/dialogHarness';
import { couponTerms } from '../../../dialogs/marketing/promotionDialog';
import { MARKETING_TEXT } from '../../../dialogs/marketing/text';
import { say } from '../../../dialogs/flow/language';

const DAY = 86_400_000;
const script: Script = {
  '有什么优惠活动吗？': 'promotion',
  'any offers right now?': { intent: 'promotion', language: 'en' },
  '999口红有什么活动？': { intent: 'promotion', entities: [entity('product', '999', 'mk-0004')] },
  领券: 'promotion',
  'get coupon': { intent: 'promotion', language: 'en' },
  我的优惠券: 'other',
  你好: 'greeting',
  hi: { intent: 'greeting', language: 'en' },
};

describe('marketing', () => {
  let h: DialogHarness;
  beforeEach(async () => {
    h = await dialogHarness(script);
  });

  it('answers promotion questions from the live promotions, zh and en', async () => {
    const [zh] = await h.send('m1', '有什么优惠活动吗？');
    expect(zh.text).toMatch(/当前进行中的活动：/);
    expect(zh.text).toContain('护肤前100名下单送旅行装小样');
    expect(zh.text).not.toContain('限时专属券'); // hesitation-only offers are not advertised
    expect(suggestions(zh)).toEqual(['领券', '领取赠品']);
    const [en] = await h.send('m2', 'any offers right now?');
    expect(en.text).toContain('Make-up: second item half price');
  });

  it('answers for one product when it is named', async () => {
    const [r] = await h.send('m3', '999口红有什么活动？');
    expect(r.text).toMatch(/^迪奥烈艳蓝金唇膏 3\.5g当前可享/);
    expect(r.text).toContain('彩妆第二件半价');
    expect(r.text).not.toContain('护肤前100名');
  });

  it('issues a coupon once per customer, on any channel', async () => {
    const [first] = await h.texts('m4', '领券');
    expect(first).toMatch(/领取成功！新客券：满199减20：满199减20，券码 C[0-9A-F]{8}/);
    const code = /券码 (C[0-9A-F]{8})/.exec(first)![1];
    await h.directory.link({ channelId: 'app', userId: 'm4' }, { channelId: 'telegram', userId: 'm4-tg' });
    const [second] = await h.texts('m4-tg', '领券', 'telegram');
    expect(second).toMatch(/每人限领 1 张，您已经领过啦/);
    expect(second).toContain(code);
    expect((await h.texts('m4', '我的优惠券'))[0]).toContain(code);
    const [en] = await h.texts('m5', 'get coupon');
    expect(en).toMatch(/^Done! Welcome coupon/);
  });

  it('reminds a returning customer to repurchase a consumable near the end of its cycle, once a week', async () => {
    const now = new Date('2026-11-21T04:00:00Z');
    const r = await dialogHarness(script, {
      now: () => now,
      lastPurchases: async () => [{ productId: 'sk-0001', deliveredAt: new Date(now.getTime() - 70 * DAY), quantity: 1 }],
    });
    const [hello, reminder] = await r.send('m6', '你好');
    expect(hello.text).toMatch(/您好/);
    expect(reminder.text).toMatch(/您上次买的雅诗兰黛特润修护肌活精华露 50ml按正常用量大约还能用 5 天，需要提前回购吗？/);
    expect(JSON.stringify(reminder.attachments)).toContain('cart?add=sk-0001');
    expect(await r.texts('m6', '你好')).toHaveLength(1);
    const [, en] = await r.texts('m7', 'hi');
    expect(en).toMatch(/should last about 5 more days/);
  });
});

describe('coupon and promotion wording', () => {
  it('a percentage coupon reads as 折 in Chinese and "% off" in English; no terms never read "undefined"', () => {
    expect(couponTerms({ percentOff: 10 }, 'zh')).toBe('9折');
    expect(couponTerms({ percentOff: 15 }, 'zh')).toBe('8.5折');
    expect(couponTerms({ percentOff: 10 }, 'en')).toBe('10% off');
    expect(couponTerms({ amountOff: 50, minSpend: 300 }, 'zh')).toBe('满300减50');
    expect(couponTerms({ amountOff: 20 }, 'en')).toBe('¥20 off');
    expect(couponTerms({}, 'en')).not.toMatch(/undefined|NaN/);
  });

  it('an English promotion line has no Chinese brackets', () => {
    const line = say('en', MARKETING_TEXT.promotionLine({ title: '新客券', titleEn: 'Welcome coupon', description: '满199减20', descriptionEn: '¥20 off over ¥199' }, '12/01'));
    expect(line).toBe('· Welcome coupon — ¥20 off over ¥199 (until 12/01)');
    expect(line).not.toMatch(/[\u4e00-\u9fff「」（）]/);
  });
});
