/*
 * The profile sidebar: who the customer is across channels (identities), their skin profile, orders
 * with status, tickets and coupons. It renders whatever fields the backend sends, as text, preferring
 * the ones an agent reads first (status, total, dates) so a new field never breaks the page.
 */
(function () {
  'use strict';

  var A = window.AgentConsole;
  var S = window.Staff;
  var el = S.el;

  var ORDER_STATUS = {
    pending: '待付款',
    paid: '已付款',
    shipped: '已发货',
    delivered: '已签收',
    completed: '已完成',
    cancelled: '已取消',
    refunded: '已退款',
    returned: '已退货',
  };
  var LANGUAGES = { zh: '中文', en: '英文' };
  var SKIN = { skinType: '肤质', concerns: '关注', budgetMax: '预算上限', language: '语言', tone: '肤色', allergies: '过敏' };

  function text(value) {
    if (value === null || value === undefined || value === '') return '—';
    if (Array.isArray(value)) return value.map(text).join('、');
    if (typeof value === 'boolean') return value ? '是' : '否';
    if (typeof value === 'object') return value.name || value.title || value.id || value._id || JSON.stringify(value);
    if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value)) return A.time(value);
    return String(value);
  }

  function section(title, count, body) {
    return el('section', { class: 'profile-section' }, el('h3', null, title, count !== undefined ? el('span', { class: 'count' }, String(count)) : null), body);
  }

  function list(items, line, empty) {
    if (!items || !items.length) return el('p', { class: 'muted' }, empty);
    return el('ul', { class: 'profile-list' }, items.map(function (item) { return el('li', null, line(item)); }));
  }

  function identity(i) {
    if (typeof i !== 'object' || !i) return text(i);
    return [el('span', { class: ['tag', 'channel'] }, A.label(A.CHANNELS, i.channelId || i.channel)), ' ', text(i.userId || i.id || i.name)];
  }

  function order(o) {
    var items = Array.isArray(o.items)
      ? o.items.map(function (it) { return typeof it === 'object' ? (it.title || it.name || it.sku || '') + (it.quantity > 1 ? ' ×' + it.quantity : '') : String(it); }).join('、')
      : '';
    return [
      el('div', { class: 'row' }, el('strong', null, text(o.id || o._id)), el('span', { class: ['status', 'order-' + o.status] }, A.label(ORDER_STATUS, o.status))),
      items ? el('div', { class: 'muted' }, items) : null,
      o.total !== undefined ? el('div', { class: 'muted' }, '¥' + text(o.total)) : null,
    ];
  }

  function ticket(t) {
    return [
      el('div', { class: 'row' }, el('strong', null, text(t.id || t._id)), el('span', { class: 'status' }, A.label(A.TICKET_STATUS, t.status))),
      el('div', { class: 'muted' }, A.label(A.TICKET_TYPE, t.type), t.orderId ? ' · ' + t.orderId : ''),
    ];
  }

  /** 立减 ¥20 · 满 ¥199 可用, or 8.5 折 */
  function couponTerms(c) {
    var terms = [];
    if (c.amountOff !== undefined) terms.push('立减 ¥' + c.amountOff);
    if (c.percentOff !== undefined) terms.push((100 - Number(c.percentOff)) / 10 + ' 折');
    if (c.minSpend) terms.push('满 ¥' + c.minSpend + ' 可用');
    return terms.join(' · ');
  }

  function coupon(c) {
    if (typeof c !== 'object' || !c) return text(c);
    var state = c.redeemedAt || c.used ? '已使用' : c.expiresAt && Date.parse(c.expiresAt) < Date.now() ? '已过期' : '可用';
    return [
      el('div', { class: 'row' }, el('strong', null, text(c.code || c.title || c.id)), el('span', { class: 'status' }, state)),
      el('div', { class: 'muted' }, couponTerms(c)),
      c.expiresAt ? el('div', { class: 'muted' }, '有效期至 ' + A.time(c.expiresAt)) : null,
    ];
  }

  function skin(profile) {
    if (!profile || typeof profile !== 'object' || !Object.keys(profile).length) return el('p', { class: 'muted' }, '还没有肤质档案');
    return el(
      'dl',
      { class: 'skin' },
      Object.keys(profile)
        .filter(function (k) { return k.charAt(0) !== '_' && k !== 'updatedAt'; })
        .map(function (k) {
          var value = k === 'language' ? LANGUAGES[profile[k]] || profile[k] : k === 'budgetMax' ? '¥' + profile[k] : profile[k];
          return [el('dt', null, SKIN[k] || k), el('dd', null, text(value))];
        }),
    );
  }

  A.renderProfile = function (profile) {
    var box = S.clear(document.getElementById('profile'));
    if (!profile) {
      box.appendChild(el('p', { class: 'muted' }, A.state.open ? '加载中…' : '选择客户后显示资料'));
      return;
    }
    var orders = profile.orders || [];
    var tickets = profile.tickets || [];
    var coupons = profile.coupons || [];
    var identities = profile.identities || [];
    box.appendChild(el('h2', null, '客户资料'));
    box.appendChild(section('身份', identities.length, list(identities, identity, '只有当前渠道')));
    box.appendChild(section('肤质', undefined, skin(profile.skinProfile || profile.skin)));
    box.appendChild(section('订单', orders.length, list(orders, order, '没有订单')));
    box.appendChild(section('工单', tickets.length, list(tickets, ticket, '没有工单')));
    box.appendChild(section('优惠券', coupons.length, list(coupons, coupon, '没有优惠券')));
  };
})();
