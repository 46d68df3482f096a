import { fastEntities } from '../../nlu/entities/fastPaths';

// Saturday 21 November 2026, 10:00 local time
const NOW = new Date(2026, 10, 21, 10, 0, 0);
const values = (text: string) => fastEntities(text, NOW).entities.map((e) => [e.text, e.value]);

describe('dates and amounts read without recognizers-text', () => {
  test('relative days, zh and en', () => {
    expect(values('明天能到吗')).toEqual([['明天', { type: 'date', value: '2026-11-22' }]]);
    expect(values('I ordered it yesterday')).toEqual([['yesterday', { type: 'date', value: '2026-11-20' }]]);
  });

  test('a day followed by a time becomes one datetime (明天下午3点半)', () => {
    expect(values('明天下午3点半送')).toEqual([['明天下午3点半', { type: 'datetime', value: '2026-11-22 15:30:00' }]]);
    expect(values('晚上八点以后')).toEqual([['晚上八点', { type: 'time', value: '20:00:00' }]]);
  });

  test('month/day, day of month, weekday, year/month', () => {
    expect(values('5月20日前能发吗')).toEqual([['5月20日', { type: 'date', value: '2026-05-20' }]]);
    expect(values('25号能到吗')).toEqual([['25号', { type: 'date', value: '2026-11-25' }]]);
    expect(values('周一送')).toEqual([['周一', { type: 'date', value: '2026-11-23' }]]);
    expect(values('25年8月买的')).toEqual([['25年8月', { type: 'date', value: '2025-08' }]]);
  });

  test('house numbers are not days (建国路9号, 3号楼)', () => {
    expect(values('送到建国路9号')).toEqual([]);
    expect(values('3号楼2单元')).toEqual([]);
  });

  test('English weekdays and "ago" / "last week"', () => {
    expect(values('deliver on Monday')).toEqual([['Monday', { type: 'date', value: '2026-11-23' }]]);
    expect(values('returned it two weeks ago')).toEqual([['two weeks ago', { type: 'date', value: '2026-11-07' }]]);
    expect(values('bought it last week')).toEqual([['last week', { type: 'daterange', start: '2026-11-09', end: '2026-11-16' }]]);
  });

  test('ISO timestamps pasted from an order page', () => {
    expect(values('下单时间:2018-08-21 13:51:41')).toEqual([['2018-08-21 13:51:41', { type: 'datetime', value: '2018-08-21 13:51:41' }]]);
  });

  test('amounts: 299元, 24块, ¥25.5, 1,299.50元', () => {
    expect(values('299元 24块 ¥25.5 1,299.50元').map(([, v]) => v)).toEqual([
      { amount: 299, unit: 'CNY' },
      { amount: 24, unit: 'CNY' },
      { amount: 25.5, unit: 'CNY' },
      { amount: 1299.5, unit: 'CNY' },
    ]);
  });

  test('what was read is masked with spaces, offsets unchanged', () => {
    const { rest } = fastEntities('明天299元', NOW);
    expect(rest).toBe('      ');
  });
});
