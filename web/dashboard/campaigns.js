/*
 * The dashboard's campaigns panel: GET /api/admin/campaigns (state and counts per campaign), and a
 * campaign's report (GET /api/admin/campaigns/:id/report: skipped by reason, converted, replied) when
 * its row is opened. Text only (textContent through Staff.el), no inline script or style (strict CSP).
 * dashboard.js calls DashCampaigns.load() whenever it loads its figures.
 */
(function () {
  'use strict';

  var el = Staff.el;
  var TYPES = { promotion: '促销', repurchase: '复购提醒', crossSell: '搭配推荐', winback: '召回', alert: '到货/降价提醒' };
  var STATES = { scheduled: '待开始', running: '发送中', paused: '已暂停', done: '已完成' };
  var REASONS = {
    opted_out: '已退订', frequency_cap: '超过每周上限', quiet_hours: '免打扰时段', no_channel: '无可用渠道',
    wechat_window_closed: '微信48小时窗口已关闭', wechat_window_full: '窗口内已达5条', wechat_45015: '微信 45015',
    wechat_45047: '微信 45047', miniprogram_no_consent: '未订阅（小程序）', webchat_next_visit: '下次访问时展示',
    coupon_unavailable: '优惠券已领完',
  };

  function num(v) { return Number(v || 0).toLocaleString('zh-CN'); }

  function showReport(id, target) {
    Staff.clear(target);
    target.appendChild(el('p', { class: 'dash-note' }, '加载报告…'));
    Staff.api('GET', '/api/admin/campaigns/' + encodeURIComponent(id) + '/report').then(function (r) {
      Staff.clear(target);
      var rows = [
        ['目标人数', num(r.targeted)], ['已发送', num(r.sent)], ['失败', num(r.failed)], ['待发送', num(r.pending)],
        ['转化（7天内用券/加购/下单）', num(r.converted)], ['48小时内回复', num(r.replied)],
      ];
      Object.keys(r.skipped || {}).forEach(function (reason) { rows.push(['跳过：' + (REASONS[reason] || reason), num(r.skipped[reason])]); });
      var list = el('dl', { class: 'dash-report', dataset: { campaign: id } });
      rows.forEach(function (pair) { list.appendChild(el('dt', {}, pair[0])); list.appendChild(el('dd', {}, pair[1])); });
      target.appendChild(list);
    }).catch(function (err) {
      Staff.clear(target);
      target.appendChild(el('p', { class: 'dash-error' }, '报告加载失败：' + err.message));
    });
  }

  function load() {
    var body = document.getElementById('campaigns-body');
    var detail = document.getElementById('campaign-report');
    if (!body) return;
    Staff.api('GET', '/api/admin/campaigns').then(function (data) {
      Staff.clear(body);
      document.getElementById('campaigns-empty').hidden = data.items.length > 0;
      data.items.forEach(function (c) {
        var open = el('button', { type: 'button', class: 'staff-button', onclick: function () { showReport(c.id, detail); } }, '报告');
        body.appendChild(el('tr', { dataset: { campaign: c.id } },
          el('td', {}, c.name), el('td', {}, TYPES[c.type] || c.type), el('td', {}, STATES[c.state] || c.state),
          el('td', {}, num(c.counts.targeted)), el('td', {}, num(c.counts.sent)), el('td', {}, num(c.counts.skipped)),
          el('td', {}, num(c.counts.failed)), el('td', {}, open)));
      });
    }).catch(function (err) {
      Staff.clear(body);
      body.appendChild(el('tr', {}, el('td', { class: 'dash-error' }, '营销活动加载失败：' + err.message)));
    });
  }

  window.DashCampaigns = { load: load };
})();
