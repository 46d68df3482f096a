/*
 * The open conversation: the customer's whole history across channels (customer, bot, agent turns and
 * private notes), who holds it, and the actions on it (claim, transfer, release to the bot, resolve).
 * The reply box lives in agentComposer.js, the profile sidebar in agentProfile.js. Everything the
 * customer wrote reaches the page as text nodes only (Staff.el), so markup in a message stays text.
 */
(function () {
  'use strict';

  var A = window.AgentConsole;
  var S = window.Staff;
  var el = S.el;
  var loadingFor = null;

  function path(customerId, tail) {
    return '/api/agent/conversations/' + encodeURIComponent(customerId) + (tail || '');
  }
  A.conversationPath = path;

  /** does the signed-in agent hold the open conversation (and may therefore reply)? */
  A.holdsOpen = function () {
    var c = A.state.open;
    var h = c && c.handoff;
    return !!(h && h.state === 'agent' && (h.agent || h.agentId) === A.state.me.username);
  };

  A.openConversation = function (customerId) {
    var switching = !A.state.open || A.state.open.customerId !== customerId;
    if (switching) {
      A.state.open = { customerId: customerId, history: [], loading: true };
      document.body.classList.add('has-conversation');
      render();
      if (A.resetComposer) A.resetComposer();
    }
    A.markSeen(customerId);
    A.renderQueue();
    loadingFor = customerId;
    return S.api('GET', path(customerId))
      .then(function (data) {
        if (loadingFor !== customerId) return;
        A.state.open = data;
        render();
        if (A.renderProfile) A.renderProfile(data.profile);
        if (A.renderComposer) A.renderComposer();
        if (A.loadSuggestions) A.loadSuggestions(customerId);
        if (switching && window.matchMedia('(max-width: 860px)').matches) {
          document.getElementById('conversation').scrollIntoView({ block: 'start' });
        }
      })
      .catch(function (err) {
        A.toast('会话加载失败：' + err.message, 'bad');
      });
  };

  A.closeConversation = function () {
    A.state.open = null;
    loadingFor = null;
    document.body.classList.remove('has-conversation');
    render();
    if (A.renderProfile) A.renderProfile(null);
    A.renderQueue();
  };

  function turn(entry) {
    var from = entry.from || 'system';
    var who = A.label(A.FROM, from);
    if ((from === 'agent' || from === 'note') && entry.agent) who += ' · ' + entry.agent;
    return el(
      'li',
      { class: ['turn', 'from-' + from] },
      el(
        'div',
        { class: 'turn-meta' },
        el('span', { class: 'turn-who' }, who),
        entry.channelId ? el('span', { class: 'turn-channel' }, A.label(A.CHANNELS, entry.channelId)) : null,
        el('time', { datetime: entry.at || '' }, A.time(entry.at)),
      ),
      el('p', { class: 'turn-text' }, entry.text || ''),
    );
  }

  function headerActions(c) {
    var h = c.handoff || {};
    var holds = A.holdsOpen();
    var holder = h.agent || h.agentId;
    var actions = [];
    if (!holds) {
      actions.push(el('button', { type: 'button', class: 'staff-primary', onclick: function () { void A.claim(c.customerId); } }, holder ? '接管' : '认领'));
    } else {
      var to = el('input', { class: 'transfer-to', name: 'transfer', list: 'agent-names', placeholder: '转给（用户名）', maxlength: '64', 'aria-label': '转给哪位客服' });
      actions.push(
        el('form', { class: 'transfer', onsubmit: function (event) { event.preventDefault(); void act('transfer', { to: to.value.trim() }, '已转接给 ' + to.value.trim()); } }, to, el('button', { type: 'submit', class: 'staff-button' }, '转接')),
        el('button', { type: 'button', class: 'staff-button', onclick: function () { void act('release', undefined, '已交回机器人'); } }, '交回机器人'),
        el('button', { type: 'button', class: 'staff-primary resolve', onclick: function () { void act('resolve', undefined, '已解决，已向客户发送满意度评价'); } }, '解决'),
      );
    }
    return actions;
  }

  function act(action, body, done) {
    var c = A.state.open;
    if (!c) return Promise.resolve();
    if (action === 'transfer' && !body.to) {
      A.toast('请填写要转给的客服用户名', 'bad');
      return Promise.resolve();
    }
    return S.api('POST', path(c.customerId, '/' + action), body)
      .then(function () {
        A.toast(done, 'good');
        return Promise.all([A.loadQueue(), A.openConversation(c.customerId)]);
      })
      .catch(function (err) { A.toast('操作失败：' + err.message, 'bad'); });
  }

  function render() {
    var pane = document.getElementById('conversation');
    var c = A.state.open;
    var list = document.getElementById('history');
    // follow new messages, unless the agent scrolled up to read earlier ones in this same conversation
    var same = c && list.dataset.customerId === c.customerId;
    var stick = !same || list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    var keep = list.scrollTop;
    list.dataset.customerId = c ? c.customerId : '';
    var head = S.clear(document.getElementById('conversation-head'));
    S.clear(list);
    pane.classList.toggle('empty', !c);
    if (!c) {
      head.appendChild(el('p', { class: 'placeholder' }, '从左侧队列选择一位客户'));
      return;
    }
    var h = c.handoff || {};
    var holder = h.agent || h.agentId;
    var state = h.state === 'queued' ? '等待接入' : h.state === 'agent' ? (A.holdsOpen() ? '我在接待' : '由 ' + (holder || '客服') + ' 接待') : '机器人接待';
    head.appendChild(el('button', { type: 'button', class: 'back staff-button', onclick: A.closeConversation, 'aria-label': '返回队列' }, '← 队列'));
    head.appendChild(
      el(
        'div',
        { class: 'conversation-title' },
        el('h2', { title: c.customerId }, c.customerId),
        el('span', { class: ['state', 'state-' + (h.state || 'bot')] }, state),
        h.reason ? el('span', { class: ['tag', 'reason'] }, A.label(A.REASONS, h.reason)) : null,
      ),
    );
    if (!c.loading) head.appendChild(el('div', { class: 'conversation-actions' }, headerActions(c)));
    var summary = A.summaryText(h.summary);
    if (summary) list.appendChild(el('li', { class: 'summary' }, el('strong', null, '机器人摘要：'), summary));
    if (c.loading) list.appendChild(el('li', { class: 'placeholder' }, '加载中…'));
    (c.history || []).forEach(function (entry) { list.appendChild(turn(entry)); });
    if (stick) A.scrollHistoryEnd();
    else list.scrollTop = keep;
  }

  /** after the layout settles (suggestions above the reply box change the history's height) */
  A.scrollHistoryEnd = function () {
    var list = document.getElementById('history');
    list.scrollTop = list.scrollHeight;
    window.requestAnimationFrame(function () { list.scrollTop = list.scrollHeight; });
  };
  A.renderConversation = render;

  /** a live event said something changed in this conversation */
  A.refreshOpen = function () {
    if (A.state.open && !A.state.open.loading) return A.openConversation(A.state.open.customerId);
    return Promise.resolve();
  };
})();
