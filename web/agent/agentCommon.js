/*
 * The agent console's shared state and wording: labels for reasons, channels and statuses, time
 * formatting, the ticking clocks (wait time, SLA countdown) and the unread count in the tab title.
 * Loaded before the other agent scripts; everything hangs off window.AgentConsole.
 */
(function () {
  'use strict';

  var TITLE = '客服工作台';
  var A = (window.AgentConsole = window.AgentConsole || {});

  A.TITLE = TITLE;
  A.state = {
    me: null,
    queue: [],
    /** the conversation on screen */
    open: null,
    /** customerId → messages/arrivals not yet seen */
    unread: {},
    online: false,
  };

  A.REASONS = {
    angry: '情绪激动',
    quality: '质量问题',
    requested: '要求人工',
    repeated_failures: '机器人多次未答',
    complaint: '投诉',
  };
  A.CHANNELS = {
    webchat: '网页',
    directline: '网页',
    emulator: '模拟器',
    telegram: 'Telegram',
    wechat: '微信',
    app: 'App',
  };
  A.FROM = { customer: '客户', bot: '机器人', agent: '客服', note: '备注', system: '系统' };
  A.TICKET_STATUS = {
    open: '待处理',
    in_progress: '处理中',
    waiting_customer: '等待客户',
    resolved: '已解决',
    closed: '已关闭',
  };
  A.TICKET_TYPE = { quality: '质量问题', return: '退货', complaint: '投诉' };
  A.DELIVERY_REASON = {
    wechat_window_closed: '客户超过 48 小时未在微信发消息，微信不允许再主动联系；请换其他渠道或等客户再次来信',
    no_channel: '找不到客户最近使用的渠道',
    voice_call_ended: '客户最近一次是打电话来的，通话已结束，机器人无法回拨；请等客户在其他渠道来信，或由人工热线回电',
    channel_not_configured: '客户最近使用的渠道在本店未启用',
  };

  A.label = function (map, key) {
    if (key === null || key === undefined || key === '') return '—';
    return map[key] || String(key);
  };

  /** the sentiment as the queue shows it: {label, anger}, a number or a word, whatever the backend sends */
  A.sentiment = function (s) {
    if (s === null || s === undefined) return { text: '—', tone: 'neutral' };
    var label = typeof s === 'object' ? s.label : s;
    var anger = typeof s === 'object' ? Number(s.anger) : NaN;
    if (typeof s === 'number') {
      return s < -0.3 ? { text: '负面', tone: 'bad' } : s > 0.3 ? { text: '正面', tone: 'good' } : { text: '平静', tone: 'neutral' };
    }
    var words = { angry: '愤怒', negative: '负面', neutral: '平静', positive: '正面' };
    var tone = label === 'angry' || label === 'negative' || anger >= 0.5 ? 'bad' : label === 'positive' ? 'good' : 'neutral';
    var text = words[label] || (label ? String(label) : '—');
    if (!isNaN(anger) && anger > 0) text += ' ' + Math.round(anger * 100) + '%';
    return { text: text, tone: tone };
  };

  /** the bot's summary as one line of text (the backend may send a string or {text, …}) */
  A.summaryText = function (summary) {
    if (!summary) return '';
    if (typeof summary === 'string') return summary;
    return summary.text || '';
  };

  function pad(n) {
    return n < 10 ? '0' + n : String(n);
  }

  /** 3:07, 1:02:09 — a duration in seconds */
  A.duration = function (seconds) {
    var s = Math.max(0, Math.floor(seconds));
    var h = Math.floor(s / 3600);
    var m = Math.floor((s % 3600) / 60);
    var rest = s % 60;
    if (h >= 48) return Math.floor(h / 24) + ' 天';
    return (h ? h + ':' + pad(m) : String(m)) + ':' + pad(rest);
  };

  /** a time in the agent's own zone: today as 14:05, other days as 11-20 14:05 */
  A.time = function (iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) return '';
    var now = new Date();
    var hm = pad(d.getHours()) + ':' + pad(d.getMinutes());
    return d.toDateString() === now.toDateString() ? hm : pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + hm;
  };

  /** The clock that ticks once a second: every element with data-tick (wait / sla) and data-t0 (epoch ms). */
  A.tickOnce = function () {
    var now = Date.now();
    var nodes = document.querySelectorAll('[data-tick]');
    for (var i = 0; i < nodes.length; i++) {
      var node = nodes[i];
      var t0 = Number(node.dataset.t0);
      if (node.dataset.tick === 'wait') {
        var waited = (now - t0) / 1000;
        node.textContent = A.duration(waited);
        node.classList.toggle('long-wait', waited >= 300);
      } else {
        var left = (t0 - now) / 1000;
        node.textContent = left >= 0 ? '剩 ' + A.duration(left) : '超时 ' + A.duration(-left);
        node.classList.toggle('overdue', left < 0);
        node.classList.toggle('due-soon', left >= 0 && left < 3600);
      }
    }
  };

  A.totalUnread = function () {
    var unread = A.state.unread;
    return Object.keys(unread).reduce(function (sum, k) { return sum + unread[k]; }, 0);
  };

  /** "(3) 客服工作台" while something is unseen */
  A.updateTitle = function () {
    var n = A.totalUnread();
    document.title = n > 0 ? '(' + n + ') ' + TITLE : TITLE;
    if (A.renderQueue) A.renderQueue();
  };

  A.markUnread = function (customerId) {
    var open = A.state.open && A.state.open.customerId === customerId;
    if (open && !document.hidden) return;
    A.state.unread[customerId] = (A.state.unread[customerId] || 0) + 1;
    A.updateTitle();
  };

  A.markSeen = function (customerId) {
    if (!A.state.unread[customerId]) return;
    delete A.state.unread[customerId];
    A.updateTitle();
  };

  /** a short message at the bottom of the screen (errors the agent must notice, delivery results) */
  A.toast = function (text, tone) {
    var box = document.getElementById('toast');
    if (!box) return;
    var item = window.Staff.el('div', { class: ['toast', tone || 'info'], role: tone === 'bad' ? 'alert' : 'status' }, text);
    box.appendChild(item);
    setTimeout(function () { if (item.parentNode) item.parentNode.removeChild(item); }, tone === 'bad' ? 8000 : 4000);
  };
})();
