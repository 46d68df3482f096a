import type { TranscriptTable } from '../runTranscript';

const table: TranscriptTable = {
  name: 'order change (zh)',
  lang: 'zh',
  orders: '2105',
  rows: [
    ['订单2105000000000102改地址', '请发送新的收货地址'],
    ['北京市朝阳区建国路1号', '确认把订单 2105000000000102 的收货地址改为：北京市朝阳区建国路1号'],
    ['确认', '已修改成功'],
    ['改一下电话', '请问是哪个订单'],
    ['2105000000000102', '请发送新的收货手机号'],
    ['13800001111', '138****1111', { not: ['13800001111'] }],
    ['确认', '已修改成功'],
  ],
};
export default table;
