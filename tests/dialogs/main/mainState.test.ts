/** MainDialog keeps its miss counter in its own part of the customer's state ('main'), not in an area's. */
import { DocumentBotStorage } from '../../../storage';
import { flowHarness } from '../orders/flowHarness';
import { dialogHarness } from './dialogHarness';

describe('MainDialog state', () => {
  it('counts misses under "main" and starts over after a routed message', async () => {
    const h = await dialogHarness({ 啊啊啊: 'other', 推荐: 'recommendation' });
    const stateOf = async () => {
      const key = `customer/${await h.directory.resolve({ channelId: 'app', userId: 'm' })}`;
      return (await new DocumentBotStorage(h.store).read([key]))[key] as { main?: { misses?: number }; guide?: Record<string, unknown> };
    };
    await h.texts('m', '啊啊啊');
    await h.texts('m', '啊啊啊');
    const missed = await stateOf();
    expect(missed.main).toEqual({ misses: 2 });
    expect(missed.guide ?? {}).not.toHaveProperty('misses');
    await h.texts('m', '推荐');
    expect((await stateOf()).main).toEqual({ misses: 0 });
  });

  it('counts misses without the shopping guide too (the counter no longer lives in its state)', async () => {
    const h = flowHarness({ 啊啊啊: 'other' });
    expect(await h.say('n', '啊啊啊')).toMatch(/没太明白/);
    expect(await h.say('n', '啊啊啊')).toMatch(/没太明白/);
    expect(await h.say('n', '啊啊啊')).toBe('抱歉，我好像一直没能理解您的意思。需要为您转接人工客服吗？');
  });
});
