/** Changing the address or phone of an order (only before shipment), zh and en. */
import { flowHarness, suggested } from './flowHarness';

const PAID = '1688000000000102';
const h = flowHarness({
  我想改一下收货地址: 'order_change',
  修改订单信息: 'order_change',
  [`订单${PAID}的电话改成13912345678`]: 'order_change',
  'change my phone number': 'order_change',
});

describe('order change', () => {
  beforeAll(async () => {
    await h.seedOrders('amy');
    await h.seedOrders('ben', '2001');
  });

  it('zh: changes the address of a paid order after a re-prompt with an example and a confirmation', async () => {
    await h.say('amy', '我想改一下收货地址');
    expect(await h.say('amy', PAID)).toMatch(/请发送新的收货地址/);
    expect(await h.say('amy', '不知道')).toMatch(/地址不够完整.*例如：上海市徐汇区/);
    const confirm = await h.send('amy', '北京市朝阳区建国路88号SOHO现代城2号楼1502室');
    expect(confirm[0].text).toMatch(/确认把订单 1688000000000102 的收货地址改为：北京市朝阳区建国路88号/);
    expect(suggested(confirm)).toEqual(['确认', '不用了']);
    expect(await h.say('amy', '确认')).toMatch(/已修改成功/);
    const customerId = (await h.directory.find({ channelId: 'app', userId: 'amy' }))!;
    const order = await h.orders.get(customerId, PAID);
    expect(order?.shipping.address).toBe('北京市朝阳区建国路88号SOHO现代城2号楼1502室');
    expect(order?.timeline.map((e) => e.code)).toContain('address_changed');
  });

  it('zh: takes the order and the new phone from one message and masks the number in replies', async () => {
    const confirm = await h.say('amy', `订单${PAID}的电话改成13912345678`);
    expect(confirm).toMatch(/收货手机号改为：139\*\*\*\*5678/);
    expect(confirm).not.toMatch(/13912345678/);
    expect(await h.say('amy', '好的')).toMatch(/已修改成功/);
    const customerId = (await h.directory.find({ channelId: 'app', userId: 'amy' }))!;
    expect((await h.orders.get(customerId, PAID))?.shipping.phone).toBe('13912345678');
  });

  it('zh: asks what to change when the message does not say, and keeps things as they are on "不用了"', async () => {
    await h.say('amy', '修改订单信息');
    const field = await h.send('amy', PAID);
    expect(suggested(field)).toEqual(['修改收货地址', '修改手机号']);
    expect(await h.say('amy', '修改手机号')).toMatch(/新的收货手机号/);
    expect(await h.say('amy', '13700001111')).toMatch(/137\*\*\*\*1111/);
    expect(await h.say('amy', '不用了')).toMatch(/收货信息保持不变/);
  });

  it('zh: refuses once the parcel has shipped and offers tracking or an agent', async () => {
    await h.say('amy', '我想改一下收货地址');
    const refused = await h.send('amy', '1688000000000103');
    expect(refused[0].text).toMatch(/已经发货，收货信息无法再修改/);
    expect(suggested(refused)).toEqual(['查看物流', '转人工']);
  });

  it('en: changes the phone of an unpaid order after a bad number', async () => {
    await h.say('ben', 'change my phone number');
    expect(await h.say('ben', '2001000000000101')).toMatch(/send the new phone number/);
    expect(await h.say('ben', '1380000')).toMatch(/11 digits, for example 13912345678/);
    expect(await h.say('ben', '13800001111')).toMatch(/Change the phone number of order 2001000000000101 to: 138\*\*\*\*1111\?/);
    expect(await h.say('ben', 'yes')).toMatch(/Done — order 2001000000000101 will ship with the new details/);
  });

  it('zh: "取消" mid-flow leaves the flow without changing anything', async () => {
    await h.say('amy', '我想改一下收货地址');
    await h.say('amy', PAID);
    expect(await h.say('amy', '取消')).toMatch(/已取消/);
    expect(await h.say('amy', '上海市静安区南京西路1000号')).not.toMatch(/确认把订单/);
  });
});
