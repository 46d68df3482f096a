/*
 * The operations dashboard (/dashboard): a date range and a channel → GET /api/admin/metrics → KPI tiles,
 * Chart.js charts (served locally at /vendor/chart.umd.js) and the questions the bot could not answer.
 * Admins only (Staff.boot shows the login form or a "needs an admin" note). Everything from the API is
 * set as text; no inline script or style (strict CSP): look is by class, sizes come from dashboard.css.
 */
(function () {
  'use strict';

  var el = Staff.el;
  var charts = {};
  var seenChannels = {};

  var INTENTS = {
    product_info: '商品咨询', recommendation: '求推荐', comparison: '比较', promotion: '优惠活动', place_order: '下单',
    order_status: '查订单', order_change: '改订单', order_cancel: '取消订单', payment: '支付', invoice: '发票',
    shipping_info: '配送', return_refund: '退换货', refund_status: '退款进度', quality_issue: '质量问题',
    complaint: '投诉', feedback: '反馈', account: '账户', human_agent: '找人工', greeting: '打招呼',
    thanks_bye: '致谢/再见', other: '其他（未识别）',
  };
  var REASONS = { angry: '情绪激动', requested: '客户要求', repeated_failures: '多次未理解', quality: '质量问题', complaint: '投诉' };
  var CHANNELS = { app: 'App', webchat: '网页聊天', wechat: '微信', telegram: 'Telegram', emulator: 'Emulator' };
  var FUNNEL = [
    ['recommendationsShown', '展示推荐'],
    ['cardClicks', '查看商品卡'],
    ['cartLinks', '加购链接'],
    ['offersClaimed', '领取优惠'],
    ['giftsClaimed', '领取赠品'],
  ];
  var ROSE = '#d6336c';
  var PALETTE = ['#d6336c', '#f08c00', '#1c7ed6', '#2b8a3e', '#7048e8', '#868e96'];

  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function isoDay(d) { return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()); }
  function percent(rate) { return rate === null || rate === undefined ? '—' : (rate * 100).toFixed(1) + '%'; }
  function ms(value) { return value === null || value === undefined ? '—' : value >= 1000 ? (value / 1000).toFixed(2) + ' s' : Math.round(value) + ' ms'; }
  function count(value) { return value === null || value === undefined ? '—' : Number(value).toLocaleString('zh-CN'); }

  function setRange(days) {
    var to = new Date();
    var from = new Date(to.getFullYear(), to.getMonth(), to.getDate() - (days - 1));
    document.getElementById('from').value = isoDay(from);
    document.getElementById('to').value = isoDay(to);
  }

  function query() {
    var params = new URLSearchParams();
    params.set('from', document.getElementById('from').value);
    params.set('to', document.getElementById('to').value);
    // dates and day buckets in this browser's zone (minutes east of UTC)
    params.set('tz', String(-new Date().getTimezoneOffset()));
    var channel = document.getElementById('channel').value;
    if (channel) params.set('channel', channel);
    return params.toString();
  }

  function tile(label, value, detail, name) {
    return el('div', { class: 'dash-tile', dataset: { metric: name } },
      el('span', { class: 'dash-tile-label' }, label),
      el('strong', { class: 'dash-tile-value' }, value),
      detail ? el('span', { class: 'dash-tile-detail' }, detail) : null);
  }

  function renderTiles(m) {
    var csat = m.csat || {};
    var coupons = m.couponRedemption || {};
    var queue = m.handoffQueue || {};
    Staff.clear(document.getElementById('tiles')).append(
      tile('会话数', count(m.conversations), '30 分钟无消息算新会话', 'conversations'),
      tile('消息轮次', count(m.turns), null, 'turns'),
      tile('机器人自助解决率', percent(m.containmentRate), '全程未转人工的会话', 'containmentRate'),
      tile('转人工率', percent(m.handoffRate), count(m.handoffs) + ' 次转人工', 'handoffRate'),
      tile('未理解率', percent(m.fallbackRate), count(m.fallbackTurns) + ' 轮答以“没太明白”', 'fallbackRate'),
      tile('响应延迟 p50 / p99', ms(m.p50Ms) + ' / ' + ms(m.p99Ms), null, 'latency'),
      tile('优惠券核销率', percent(coupons.rate), count(coupons.redeemed) + ' / ' + count(coupons.issued) + ' 张', 'couponRedemption'),
      tile('满意度 CSAT', csat.average === null || csat.average === undefined ? '—' : csat.average.toFixed(2) + ' / 5', count(csat.responses) + ' 份评价', 'csat'),
      tile('正在排队 / 人工中', count(queue.queued) + ' / ' + count(queue.withAgent), '当前实时', 'handoffQueue'),
    );
  }

  function draw(id, config) {
    if (charts[id]) charts[id].destroy();
    var canvas = document.getElementById(id);
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
    charts[id] = new Chart(canvas, config);
  }

  function bucketLabel(start, bucket) {
    var d = new Date(start);
    return bucket === 'hour' ? pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + pad(d.getHours()) + ':00' : pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  }

  function horizontal(extra) {
    return Object.assign({ indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }, extra || {});
  }

  function renderCharts(m) {
    var series = m.series || [];
    draw('chart-trend', {
      type: 'bar',
      data: {
        labels: series.map(function (p) { return bucketLabel(p.start, m.bucket); }),
        datasets: [
          { type: 'line', label: '会话', data: series.map(function (p) { return p.conversations; }), borderColor: ROSE, backgroundColor: ROSE, tension: 0 },
          { label: '消息轮次', data: series.map(function (p) { return p.turns; }), backgroundColor: '#fcc2d7' },
          { label: '转人工', data: series.map(function (p) { return p.handoffs; }), backgroundColor: '#f08c00' },
          { label: '未理解', data: series.map(function (p) { return p.fallbacks; }), backgroundColor: '#868e96' },
        ],
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }, plugins: { legend: { position: 'bottom' } } },
    });
    var funnel = m.funnel || {};
    draw('chart-funnel', {
      type: 'bar',
      data: {
        labels: FUNNEL.map(function (f) { return f[1]; }),
        datasets: [{ label: '次数', data: FUNNEL.map(function (f) { return funnel[f[0]] || 0; }), backgroundColor: PALETTE }],
      },
      options: horizontal(),
    });
    var intents = m.topIntents || [];
    draw('chart-intents', {
      type: 'bar',
      data: {
        labels: intents.map(function (i) { return INTENTS[i.intent] || i.intent; }),
        datasets: [{ label: '轮次', data: intents.map(function (i) { return i.count; }), backgroundColor: ROSE }],
      },
      options: horizontal(),
    });
    var reasons = Object.keys(m.handoffReasons || {});
    document.getElementById('handoffs-empty').hidden = reasons.length > 0;
    draw('chart-handoffs', {
      type: 'doughnut',
      data: {
        labels: reasons.map(function (r) { return REASONS[r] || r; }),
        datasets: [{ data: reasons.map(function (r) { return m.handoffReasons[r]; }), backgroundColor: PALETTE }],
      },
      options: { plugins: { legend: { position: 'bottom' } } },
    });
    var dist = (m.csat && m.csat.distribution) || {};
    draw('chart-csat', {
      type: 'bar',
      data: {
        labels: ['1 分', '2 分', '3 分', '4 分', '5 分'],
        datasets: [{ label: '评价数', data: ['1', '2', '3', '4', '5'].map(function (k) { return dist[k] || 0; }), backgroundColor: ['#c92a2a', '#e8590c', '#f59f00', '#74b816', '#2b8a3e'] }],
      },
      options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }

  function renderUnanswered(m) {
    var list = Staff.clear(document.getElementById('unanswered'));
    var items = m.topUnanswered || [];
    if (items.length === 0) {
      list.append(el('li', { class: 'dash-empty' }, '暂无'));
      return;
    }
    items.forEach(function (q) {
      // customers' own words: text nodes only
      list.append(el('li', null, el('span', { class: 'dash-q' }, q.text), el('span', { class: 'dash-q-count' }, '×' + q.count)));
    });
  }

  function rememberChannels(m) {
    var select = document.getElementById('channel');
    (m.channels || []).forEach(function (c) {
      if (seenChannels[c.channelId] || select.querySelector('option[value="' + CSS.escape(c.channelId) + '"]')) return;
      seenChannels[c.channelId] = true;
      select.append(el('option', { value: c.channelId }, CHANNELS[c.channelId] || c.channelId));
    });
  }

  function load() {
    var status = document.getElementById('status');
    status.textContent = '加载中…';
    status.className = 'dash-status';
    document.body.classList.add('dash-loading');
    if (window.DashCampaigns) window.DashCampaigns.load(); // the campaigns panel (campaigns.js)
    return Staff.api('GET', '/api/admin/metrics?' + query())
      .then(function (m) {
        renderTiles(m);
        renderCharts(m);
        renderUnanswered(m);
        rememberChannels(m);
        var channel = document.getElementById('channel');
        status.textContent = '已更新 ' + new Date().toLocaleTimeString('zh-CN') + ' · ' + (channel.value ? channel.selectedOptions[0].textContent : '全部渠道') + (m.truncated ? ' · 数据量过大，只统计了一部分，请缩短时间范围' : '');
        document.body.classList.add('dash-ready');
      })
      .catch(function (err) {
        status.textContent = '加载失败：' + err.message;
        status.className = 'dash-status dash-error';
      })
      .then(function () { document.body.classList.remove('dash-loading'); });
  }

  function start() {
    setRange(7);
    document.getElementById('filters').addEventListener('submit', function (event) {
      event.preventDefault();
      load();
    });
    document.getElementById('channel').addEventListener('change', load);
    Array.prototype.forEach.call(document.querySelectorAll('.dash-quick button'), function (button) {
      button.addEventListener('click', function () {
        setRange(Number(button.dataset.days));
        load();
      });
    });
    if (typeof Chart !== 'undefined') {
      Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
      Chart.defaults.color = '#495057';
    }
    load();
  }

  var started = false;
  Staff.boot({
    page: 'dashboard',
    title: '运营看板',
    roles: ['admin'],
    onReady: function () {
      // a second login in the same page (session expired) only reloads the figures
      if (started) return load();
      started = true;
      start();
    },
  });
})();
