/**
 * Web chat shows cards, so a reply with cards shows its short lead there, not the written-out copy that
 * card-less channels read; the lead's entity is the bot's own and does not reach the page. Deadlines
 * in replies follow the time zone the browser sent (labelled China time where no zone is known).
 */
import { CardFactory, MessageFactory } from 'botbuilder';
import { render } from '../../../adapters/web/render';
import { cardLeadOf, withCardLead } from '../../../dialogs/flow/cardLead';
import { shortDateTime, timeZoneOf } from '../../../dialogs/flow/format';
import type { TurnContext } from 'botbuilder';

const card = CardFactory.heroCard('自然堂赋活面霜 50ml', ['/images/products/sk-0245.svg'], [], { subtitle: '¥119 / 50ml' });
const copy = '根据您的情况，为您挑了 1 款：\n1. 自然堂赋活面霜 50ml ¥119\n点「了解这款」或发商品名，我再详细介绍～';

describe('web chat rendering of replies with cards', () => {
  it('shows the lead instead of the written-out copy, without the lead entity', () => {
    const activity = withCardLead(MessageFactory.carousel([card], copy), '根据您的情况，为您挑了 1 款：');
    expect(cardLeadOf(activity)).toBe('根据您的情况，为您挑了 1 款：');
    const out = render(activity);
    expect(out.text).toBe('根据您的情况，为您挑了 1 款：');
    expect(out.entities ?? []).toEqual([]);
    // the picture stays a path on the bot's own origin: the page loads it from there
    expect((out.attachments?.[0].content as { images: { url: string }[] }).images[0].url).toBe('/images/products/sk-0245.svg');
  });

  it('keeps the text when there is no lead, or no card left to carry the rest', () => {
    expect(render(MessageFactory.carousel([card], copy)).text).toBe(copy);
    expect(render(withCardLead(MessageFactory.text(copy), 'lead')).text).toBe(copy);
  });

  it('keeps other entities', () => {
    const activity = withCardLead({ ...MessageFactory.carousel([card], copy), entities: [{ type: 'clientInfo', locale: 'zh-CN' }] }, 'lead');
    expect(render(activity).entities).toEqual([{ type: 'clientInfo', locale: 'zh-CN' }]);
  });
});

describe('deadlines in the visitor’s time zone', () => {
  const at = new Date('2026-12-07T15:59:00Z');
  const contextIn = (localTimezone?: string) => ({ activity: { localTimezone } }) as unknown as TurnContext;

  it('uses the zone the channel reports, when it is a real one', () => {
    expect(timeZoneOf(contextIn('America/New_York'))).toBe('America/New_York');
    expect(timeZoneOf(contextIn('Not/AZone'))).toBeUndefined();
    expect(timeZoneOf(contextIn('<script>'))).toBeUndefined();
    expect(timeZoneOf(contextIn(undefined))).toBeUndefined();
    expect(shortDateTime(at, 'zh', 'America/New_York')).toBe('12/07 10:59');
    expect(shortDateTime(at, 'zh', 'Europe/London')).toBe('12/07 15:59');
  });

  it('says China time where the zone is unknown (other channels), in the reply language', () => {
    expect(shortDateTime(at, 'zh')).toBe('12/07 23:59（北京时间）');
    expect(shortDateTime(at, 'en')).toBe('07/12, 23:59 (China time)');
  });
});
