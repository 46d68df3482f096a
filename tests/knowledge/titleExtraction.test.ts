/** Reading brand, size, product type and claims from messy marketplace titles. */
import { extractBrandForms, extractClaims, extractSizes, extractType } from '../../knowledge/importers/titleExtraction';

describe('marketplace title extraction', () => {
  test.each([
    ['CHANDO/自然堂 雪域精粹纯粹滋润霜50g 补水保湿 滋润水润面霜', '面霜'],
    ["【双11】L'OREAL欧莱雅 男士火山岩控油清痘洁面膏 去黑头洗面奶", '洁面'],
    ['兰蔻彩妆 奇迹光采持妆粉底液30ml轻薄持久 防水防汗控油 正品', '粉底液'],
    ['【买预售更划算】相宜本草红景天护肤套装美白补水保湿女化妆品', '套装'],
    ['兰芝水衡透润精华水200ml 补水保湿 爽肤水 收缩毛孔', '精华水'],
    ['maxam/美加净蜂蜜滋养润 唇膏（无味）4g滋润 保湿', '口红'],
  ])('%s → %s', (title, category) => {
    expect(extractType(title)?.category).toBe(category);
  });

  test('sizes in g / ML / 毫升 / 片, normalised', () => {
    expect(extractSizes('雪域精粹纯粹滋润霜50g 补水')).toEqual(['50g']);
    expect(extractSizes('洁面乳120ML+爽肤水 150毫升')).toEqual(['120ml', '150ml']);
    expect(extractSizes('面膜10片装')).toEqual(['10片']);
    expect(extractSizes('无规格')).toEqual([]);
  });

  test('claims and skin types become canonical concerns', () => {
    const c = extractClaims('补水保湿 控油清痘 抗皱紧致 美白淡斑 敏感肌可用 油性皮肤');
    expect(c.concerns).toEqual(expect.arrayContaining(['保湿', '控油', '祛痘', '抗老', '美白', '紧致']));
    expect(c.skinTypes).toEqual(expect.arrayContaining(['敏感肌', '油皮']));
  });

  test('Latin/Chinese brand forms', () => {
    expect(extractBrandForms('CHANDO/自然堂 雪域精粹')).toEqual({ latin: 'CHANDO', chinese: '自然堂' });
    // the shop column's brand name cuts the run where the product name starts
    expect(extractBrandForms('Herborist/佰草集平衡保湿', ['佰草集'])).toEqual({ latin: 'Herborist', chinese: '佰草集' });
    expect(extractBrandForms('Herborist/佰草集平衡保湿')).toEqual({ latin: 'Herborist', chinese: '佰草集平衡保湿' });
    expect(extractBrandForms('shiseido资生堂洗面奶', ['资生堂'])).toEqual({ latin: 'shiseido', chinese: '资生堂' });
    expect(extractBrandForms('相宜本草红景天护肤套装')).toBeUndefined();
  });
});
