/**
 * Everything the orders area says, zh and en side by side: the order card's lines, the change, cancel and
 * invoice flows, and why an order cannot be changed. Chips the router reads back (转人工, 申请退货) are
 * written here exactly as the intents expect them.
 */
import type { Wording } from '../flow/language';
import { CHIP_TEXT } from '../flow/text';

export const ORDER_TEXT = {
  // the order card (orderReplies.ts)
  cardHead: (id: string, items: string, total: string, status: string) => ({
    zh: `订单 ${id}（${items}，${total}）：${status}。`,
    en: `Order ${id} (${items}, ${total}): ${status}.`,
  }),
  cardCourier: (courier: string) => ({ zh: `${courier}。`, en: ` ${courier}.` }),
  cardLatest: (line: string) => ({ zh: `最新：${line}。`, en: ` Latest: ${line}.` }),
  cardTitle: (id: string) => ({ zh: `订单 ${id}`, en: `Order ${id}` }),

  // chips offered as next steps
  changeAddress: { zh: '修改收货地址', en: 'Change address' },
  changePhone: { zh: '修改手机号', en: 'Change phone' },
  cancelOrder: CHIP_TEXT.cancelOrder,
  agent: CHIP_TEXT.agent,
  returnItem: CHIP_TEXT.returnItem,
  invoice: { zh: '开发票', en: 'Invoice' },
  trackOrder: CHIP_TEXT.trackOrder,

  // why an order cannot be changed, cancelled or invoiced (orderRefusals.ts)
  deliveredCannotCancel: (id: string) => ({
    zh: `订单 ${id} 已签收，无法取消了。签收 7 天内未拆封的商品可以申请无理由退货。`,
    en: `Order ${id} has been delivered, so it can no longer be cancelled. Unopened items can be returned within 7 days of delivery.`,
  }),
  shippedCannotCancel: (id: string) => ({
    zh: `订单 ${id} 已经发货，暂时无法取消。您可以在派送时拒收，或签收后 7 天内申请无理由退货（未拆封）。`,
    en: `Order ${id} has already shipped, so it cannot be cancelled. You can refuse the parcel at delivery, or return it (unopened) within 7 days after delivery.`,
  }),
  shippedCannotChange: (id: string) => ({
    zh: `订单 ${id} 已经发货，收货信息无法再修改了。可以联系快递员改派，或转人工帮您协调。`,
    en: `Order ${id} has already shipped, so the delivery details can no longer be changed. The courier can redirect it, or an agent can help.`,
  }),
  alreadyCancelled: (id: string) => ({ zh: `订单 ${id} 已经取消了。`, en: `Order ${id} is already cancelled.` }),
  notPaidNoInvoice: (id: string) => ({
    zh: `订单 ${id} 还未付款，付款后才能申请发票哦。`,
    en: `Order ${id} is not paid yet; invoices are issued after payment.`,
  }),
  alreadyInvoiced: (id: string, title: string) => ({
    zh: `订单 ${id} 已经申请过发票（抬头：${title}），开具后可在订单详情下载。`,
    en: `An invoice was already requested for order ${id} (title: ${title}); you can download it from the order page once issued.`,
  }),
  orderNotFound: { zh: '没有找到这个订单。', en: 'I could not find that order.' },
  orderClosed: (id: string) => ({
    zh: `订单 ${id} 已关闭或在售后中，无法办理，可以转人工咨询。`,
    en: `Order ${id} is closed or in after-sales; an agent can help with it.`,
  }),

  // changing the address or phone (orderChangeDialog.ts)
  askChangeField: { zh: '请问要修改收货地址还是手机号？', en: 'Do you want to change the address or the phone number?' },
  changeFieldRetry: { zh: '请选择要修改的内容，例如「修改收货地址」。', en: 'Please choose what to change, for example "Change address".' },
  askNewPhone: { zh: '请发送新的收货手机号码：', en: 'Please send the new phone number:' },
  newPhoneRetry: {
    zh: '这个手机号好像不对，请发送 11 位手机号，例如 13912345678。',
    en: 'That does not look like a mobile number. Please send 11 digits, for example 13912345678.',
  },
  askNewAddress: {
    zh: '请发送新的收货地址（省市区 + 详细地址）：',
    en: 'Please send the new delivery address (city, district, street and number):',
  },
  newAddressRetry: {
    zh: '地址不够完整哦，请包含省市区和门牌号，例如：上海市徐汇区漕溪北路88号3号楼1201室。',
    en: 'That address looks incomplete. Please include the city, district, street and number, for example: Room 1201, Building 3, 88 Caoxi North Road, Xuhui District, Shanghai.',
  },
  phoneField: { zh: '收货手机号', en: 'phone number' },
  addressField: { zh: '收货地址', en: 'delivery address' },
  confirmChange: (orderId: string | undefined, field: string, shown: string) => ({
    zh: `确认把订单 ${orderId} 的${field}改为：${shown}？`,
    en: `Change the ${field} of order ${orderId} to: ${shown}?`,
  }),
  confirmChangeRetry: { zh: '请回复「确认」或「不用了」。', en: 'Please answer "yes" or "no".' },
  yes: { zh: '确认', en: 'Yes' },
  no: CHIP_TEXT.no,
  nothingChanged: { zh: '好的，收货信息保持不变。', en: 'OK, nothing was changed.' },
  changed: (orderId: string | undefined, shown: string | undefined) => ({
    zh: `已修改成功～订单 ${orderId} 将按新的信息发货：${shown}。`,
    en: `Done — order ${orderId} will ship with the new details: ${shown}.`,
  }),

  // cancelling (orderCancelDialog.ts)
  confirmCancel: (id: string, items: string, total: string) => ({
    zh: `确认取消订单 ${id}（${items}，${total}）吗？`,
    en: `Cancel order ${id} (${items}, ${total})?`,
  }),
  confirmCancelRetry: { zh: '请回复「确认取消」或「不取消了」。', en: 'Please answer "yes" to cancel or "no" to keep the order.' },
  yesCancel: { zh: '确认取消', en: 'Yes, cancel' },
  keepOrder: { zh: '不取消了', en: 'No, keep it' },
  orderKept: (id: string) => ({ zh: `好的，订单 ${id} 为您保留。`, en: `OK, order ${id} stays as it is.` }),
  refundOnCancel: (total: string) => ({
    zh: `已付款的 ${total} 将在 1–3 个工作日内原路退回。`,
    en: `The ${total} you paid goes back to your original payment method within 1–3 working days.`,
  }),
  /** `refund` is refundOnCancel in the same language, or '' for an unpaid order */
  cancelled: (id: string, refund: string) => ({ zh: `订单 ${id} 已取消。${refund}`, en: `Order ${id} is cancelled. ${refund}` }),

  // invoices (invoiceDialog.ts); "个人发票", not a bare "个人", which reads like a request for a person (人工)
  askInvoiceType: { zh: '请问开个人发票还是企业发票？', en: 'Is the invoice for a person or a company?' },
  invoiceTypeRetry: { zh: '请选择「个人发票」或「企业发票」。', en: 'Please choose "Personal" or "Company".' },
  personalInvoiceTitle: { zh: '个人发票', en: 'Personal' },
  personalInvoiceValue: { zh: '个人发票', en: 'personal' },
  companyInvoiceTitle: { zh: '企业发票', en: 'Company' },
  companyInvoiceValue: { zh: '企业发票', en: 'company' },
  askCompanyName: { zh: '请发送发票抬头（公司全称）：', en: 'Please send the company name for the invoice:' },
  companyNameRetry: {
    zh: '请发送公司的完整名称，例如：上海美丽日化有限公司。',
    en: 'Please send the full registered company name, for example: Shanghai Meili Cosmetics Co., Ltd.',
  },
  askPersonalName: { zh: '请发送发票抬头（您的姓名）：', en: 'Please send the name for the invoice (your name):' },
  personalNameRetry: { zh: '请发送抬头，例如：张三。', en: 'Please send a name, for example: Li Na.' },
  askTaxId: { zh: '请发送公司的纳税人识别号（统一社会信用代码）：', en: "Please send the company's tax id (unified social credit code):" },
  taxIdRetry: (example: string) => ({
    zh: `税号格式不对哦，统一社会信用代码是 18 位，例如 ${example}。`,
    en: `That tax id is not valid. A unified social credit code has 18 characters, for example ${example}.`,
  }),
  companyKind: { zh: '企业', en: 'company' },
  personalKind: { zh: '个人', en: 'personal' },
  taxIdNote: (taxId: string) => ({ zh: `，税号 ${taxId}`, en: `, tax id ${taxId}` }),
  /** `kind` and `tax` are companyKind/personalKind and taxIdNote (or '') in the same language */
  invoiceRequested: (orderId: string | undefined, kind: string, title: string | undefined, tax: string) => ({
    zh: `已为订单 ${orderId} 提交开票申请：电子普通发票（${kind}），抬头「${title}」${tax}。发票将在 1–3 个工作日内开具，可在订单详情中下载。`,
    en: `Invoice requested for order ${orderId}: electronic invoice (${kind}), title "${title}"${tax}. It will be issued within 1–3 working days and can be downloaded from the order page.`,
  }),
} satisfies Record<string, Wording | ((...args: never[]) => Wording)>;
