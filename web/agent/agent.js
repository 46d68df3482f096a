/*
 * The agent console (/agent), started after the shared staff login (staff.js): tabs for the desk and
 * the tickets, the online/offline switch, the once-a-second clock and the live stream of desk events
 * (GET /api/agent/events, server-sent events) that keeps the queue and the open conversation current
 * without a reload and counts what the agent has not seen yet in the tab title.
 */
(function () {
  'use strict';

  var A = window.AgentConsole;
  var S = window.Staff;
  var el = S.el;
  var stream = null;
  var liveDot = null;
  var queueTimer = null;

  A.showTab = function (name) {
    Array.prototype.forEach.call(document.querySelectorAll('[data-tab]'), function (tab) {
      tab.setAttribute('aria-selected', String(tab.dataset.tab === name));
    });
    document.getElementById('desk').hidden = name !== 'desk';
    document.getElementById('tickets').hidden = name !== 'tickets';
    if (name === 'tickets') void A.loadTickets();
  };

  function setLive(state) {
    if (!liveDot) return;
    liveDot.className = 'live live-' + state;
    liveDot.textContent = state === 'on' ? '实时' : state === 'wait' ? '连接中' : '已断开';
    liveDot.title = state === 'on' ? '队列与消息实时更新' : '正在重新连接实时更新';
  }

  /** many queue events in a burst → one reload */
  function queueChanged() {
    if (queueTimer) return;
    queueTimer = setTimeout(function () {
      queueTimer = null;
      void A.loadQueue();
    }, 150);
  }

  function onMessage(event) {
    var data = {};
    try { data = JSON.parse(event.data || '{}'); } catch (e) { return; }
    if (!data.customerId) return;
    A.markUnread(data.customerId);
    if (A.state.open && A.state.open.customerId === data.customerId) void A.refreshOpen();
  }

  function connect() {
    if (stream) stream.close();
    setLive('wait');
    stream = new EventSource('/api/agent/events');
    stream.addEventListener('open', function () {
      setLive('on');
      // whatever happened while the stream was down
      void A.loadQueue();
      void A.refreshOpen();
    });
    stream.addEventListener('queue', queueChanged);
    stream.addEventListener('message', onMessage);
    stream.addEventListener('error', function () {
      if (stream.readyState !== EventSource.CLOSED) {
        setLive('wait'); // the browser reconnects by itself
        return;
      }
      // refused (e.g. the session ended): check who we are, then try again
      setLive('off');
      stream = null;
      setTimeout(function () {
        S.api('GET', '/api/agent/me').then(connect, function () { /* the login form is showing */ });
      }, 5000);
    });
  }

  function onlineSwitch() {
    var button = el('button', { type: 'button', class: 'online-toggle', 'aria-pressed': 'false' });
    function show() {
      button.setAttribute('aria-pressed', String(A.state.online));
      button.textContent = A.state.online ? '● 在线' : '○ 离线';
      button.title = A.state.online ? '在线：会自动分配新客户。点击下线' : '离线：不会自动分配客户。点击上线';
    }
    button.addEventListener('click', function () {
      var next = !A.state.online;
      button.disabled = true;
      S.api('POST', '/api/agent/status', { online: next })
        .then(function (result) {
          A.state.online = result && typeof result.online === 'boolean' ? result.online : next;
          A.toast(A.state.online ? '已上线，新客户会自动分配给你' : '已下线', 'good');
          return A.loadQueue();
        })
        .catch(function (err) { A.toast('切换失败：' + err.message, 'bad'); })
        .then(function () {
          button.disabled = false;
          show();
        });
    });
    show();
    return button;
  }

  /** admins can list the agents: offer their names when transferring */
  function loadAgentNames() {
    if (A.state.me.role !== 'admin') return;
    S.api('GET', '/api/admin/agents')
      .then(function (data) {
        var list = S.clear(document.getElementById('agent-names'));
        ((data && data.items) || []).forEach(function (a) { list.appendChild(el('option', { value: a.username }, a.displayName || a.username)); });
      })
      .catch(function () { /* free text still works */ });
  }

  var started = false;
  function ready(me) {
    A.state.me = me;
    if (S.barSlot) {
      liveDot = el('span', { class: 'live' });
      S.barSlot.appendChild(liveDot);
      S.barSlot.appendChild(onlineSwitch());
    }
    A.updateTitle();
    if (started) {
      // logged in again after the session ended: just refresh
      void A.loadQueue();
      connect();
      return;
    }
    started = true;
    A.initQueue();
    A.initComposer();
    A.initTickets();
    Array.prototype.forEach.call(document.querySelectorAll('[data-tab]'), function (tab) {
      tab.addEventListener('click', function () { A.showTab(tab.dataset.tab); });
    });
    A.renderConversation();
    A.renderProfile(null);
    void A.loadQueue();
    void A.loadCanned();
    loadAgentNames();
    connect();
    setInterval(A.tickOnce, 1000);
    document.addEventListener('visibilitychange', function () {
      if (!document.hidden && A.state.open) A.markSeen(A.state.open.customerId);
    });
  }

  S.boot({ page: 'agent', title: A.TITLE, roles: ['agent', 'admin'], onReady: ready });
})();
