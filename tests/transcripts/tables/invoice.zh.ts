import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'invoice (zh)',
  lang: 'zh',
  orders: '2107',
  rows: [
    ['订单2107000000000104开发票', '个人发票还是企业发票'],
    ['企业', '发票抬头（公司全称）'],
    ['北京某某科技有限公司', '纳税人识别号'],
    ['91110105MA01ABCD2X', '税号格式不对'],
    ['91310104MA1FR5QX2W', ['已为订单 2107000000000104 提交开票申请', '抬头「北京某某科技有限公司」']],
    ['好的', '不客气'],
  ],
};
export default table;
