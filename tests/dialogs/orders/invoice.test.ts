/** Invoice requests: company (validated tax id) and personal, zh and en; unpaid and duplicate requests refused. */
import { withUsccCheck } from '../../../services/orders/invoice';
import { flowHarness } from './flowHarness';

const TAX_ID = withUsccCheck('91310115MA1H7GQ8X');
const h = flowHarness({ 我要开发票: 'invoice', 开个发票: 'invoice', 'I need an invoice': 'invoice' });

describe('invoice', () => {
  let amy: string;
  beforeAll(async () => {
    amy = await h.seedOrders('amy');
    await h.seedOrders('ben', '2001');
  });

  it('zh: company invoice with a re-prompt on a wrong tax id', async () => {
    await h.say('amy', '我要开发票');
    expect(await h.say('amy', '1688000000000104')).toMatch(/个人发票还是企业发票/);
    expect(await h.say('amy', '企业')).toMatch(/公司全称/);
    expect(await h.say('amy', '上海美丽日化有限公司')).toMatch(/纳税人识别号/);
    expect(await h.say('amy', '91310115MA1H7GQ8X0')).toMatch(/税号格式不对.*18 位，例如 [0-9A-Z]{18}/);
    const done = await h.say('amy', TAX_ID.toLowerCase());
    expect(done).toMatch(new RegExp(`已为订单 1688000000000104 提交开票申请：电子普通发票（企业），抬头「上海美丽日化有限公司」，税号 ${TAX_ID}`));
    const order = await h.orders.get(amy, '1688000000000104');
    expect(order?.invoice).toMatchObject({ type: 'company', title: '上海美丽日化有限公司', taxId: TAX_ID, status: 'requested' });
  });

  it('zh: refuses a second invoice for the same order and one for an unpaid order', async () => {
    await h.say('amy', '开个发票');
    expect(await h.say('amy', '1688000000000104')).toMatch(/已经申请过发票（抬头：上海美丽日化有限公司）/);
    await h.say('amy', '开个发票');
    expect(await h.say('amy', '1688000000000101')).toMatch(/还未付款，付款后才能申请发票/);
  });

  it('en: personal invoice', async () => {
    await h.say('ben', 'I need an invoice');
    expect(await h.say('ben', '2001000000000103')).toMatch(/person or a company/);
    expect(await h.say('ben', 'personal')).toMatch(/the name for the invoice \(your name\)/);
    expect(await h.say('ben', 'Li Na')).toMatch(/Invoice requested for order 2001000000000103: electronic invoice \(personal\), title "Li Na"\./);
  });
});
