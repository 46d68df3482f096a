/*
 * The queue column: waiting customers (oldest first) and the conversations agents hold, each with a
 * ticking wait time, why the bot handed over, the customer's mood, channel and the bot's summary.
 * Claiming is atomic on the server; when someone else got there first the card says who holds it.
 */
(function () {
  'use strict';

  var A = window.AgentConsole;
  var S = window.Staff;
  var filter = 'all';
  var loading = null;

  A.loadQueue = function () {
    if (loading) return loading;
    var fetchedAt = Date.now();
    loading = S.api('GET', '/api/agent/queue')
      .then(function (data) {
        var items = (data && data.items) || [];
        var known = {};
        A.state.queue.forEach(function (q) { known[q.customerId] = true; });
        items.forEach(function (item) {
          var waited = typeof item.waitSeconds === 'number' ? item.waitSeconds * 1000 : fetchedAt - Date.parse(item.since);
          item.t0 = fetchedAt - (isNaN(waited) ? 0 : waited);
          // a customer who newly joined the queue counts as unread until the agent opens them
          if (A.queueLoaded && !known[item.customerId] && item.state === 'queued') A.markUnread(item.customerId);
        });
        A.state.queue = items;
        A.queueLoaded = true;
        A.renderQueue();
        if (A.onQueue) A.onQueue();
      })
      .catch(function (err) {
        A.toast('队列加载失败：' + err.message, 'bad');
      })
      .then(function () { loading = null; });
    return loading;
  };

  A.claim = function (customerId) {
    return S.api('POST', '/api/agent/conversations/' + encodeURIComponent(customerId) + '/claim')
      .then(function () {
        A.toast('已接入该客户', 'good');
        return Promise.all([A.loadQueue(), A.openConversation(customerId)]);
      })
      .catch(function (err) {
        if (err.status === 409) A.toast('该客户已由 ' + ((err.body && err.body.holder) || '其他客服') + ' 接待', 'bad');
        else A.toast('认领失败：' + err.message, 'bad');
        return A.loadQueue();
      });
  };

  function visible(item) {
    if (filter === 'queued') return item.state === 'queued';
    if (filter === 'mine') return item.agent === A.state.me.username;
    return true;
  }

  function card(item) {
    var el = S.el;
    var me = A.state.me.username;
    var mine = item.agent === me;
    var mood = A.sentiment(item.sentiment);
    var unread = A.state.unread[item.customerId] || 0;
    var open = A.state.open && A.state.open.customerId === item.customerId;
    var holder;
    if (item.state === 'queued') holder = el('span', { class: 'holder waiting' }, '等待接入');
    else holder = el('span', { class: ['holder', mine ? 'mine' : 'other'] }, mine ? '我在接待' : '由 ' + (item.agent || '客服') + ' 接待');

    var claim =
      item.state === 'queued'
        ? el('button', {
            type: 'button',
            class: 'staff-primary claim',
            'aria-label': '认领 ' + item.customerId,
            onclick: function (event) {
              event.stopPropagation();
              event.currentTarget.disabled = true;
              void A.claim(item.customerId);
            },
          }, '认领')
        : null;

    return el(
      'li',
      {
        class: ['queue-item', 'reason-' + (item.reason || 'none'), open ? 'open' : null],
        tabindex: '0',
        dataset: { customerId: item.customerId },
        onclick: function () { void A.openConversation(item.customerId); },
        onkeydown: function (event) {
          if (event.key === 'Enter') void A.openConversation(item.customerId);
        },
      },
      el(
        'div',
        { class: 'queue-line' },
        el('span', { class: 'customer-id', title: item.customerId }, item.customerId),
        unread ? el('span', { class: 'unread', 'aria-label': unread + ' 条未读' }, String(unread)) : null,
        el('span', { class: 'wait', title: '等待时间', dataset: { tick: 'wait', t0: item.t0 } }, A.duration((Date.now() - item.t0) / 1000)),
      ),
      el(
        'div',
        { class: 'queue-tags' },
        el('span', { class: ['tag', 'reason'] }, A.label(A.REASONS, item.reason)),
        el('span', { class: ['tag', 'mood', mood.tone] }, mood.text),
        el('span', { class: ['tag', 'channel'] }, A.label(A.CHANNELS, item.channelId)),
      ),
      el('p', { class: 'queue-summary' }, A.summaryText(item.summary) || '（没有摘要）'),
      el('div', { class: 'queue-foot' }, holder, claim),
    );
  }

  A.renderQueue = function () {
    var list = document.getElementById('queue-list');
    if (!list || !A.state.me) return;
    var items = A.state.queue.filter(visible);
    S.clear(list);
    if (!items.length) list.appendChild(S.el('li', { class: 'empty' }, filter === 'mine' ? '你现在没有接待中的客户' : '队列是空的 🎉'));
    items.forEach(function (item) { list.appendChild(card(item)); });
    var waiting = A.state.queue.filter(function (q) { return q.state === 'queued'; }).length;
    var count = document.getElementById('queue-count');
    if (count) count.textContent = waiting ? waiting + ' 位等待' : '';
  };

  A.initQueue = function () {
    var buttons = document.querySelectorAll('#queue-filter button');
    Array.prototype.forEach.call(buttons, function (button) {
      button.addEventListener('click', function () {
        filter = button.dataset.filter;
        Array.prototype.forEach.call(buttons, function (b) { b.setAttribute('aria-pressed', String(b === button)); });
        A.renderQueue();
      });
    });
  };
})();
