/*
 * The reply box under the conversation: reply to the customer or write a private note (never
 * delivered), canned responses (kept by admins) and replies suggested from the knowledge base for the
 * customer's last messages. Replying needs the conversation to be held by this agent; notes do not.
 */
(function () {
  'use strict';

  var A = window.AgentConsole;
  var S = window.Staff;
  var el = S.el;
  var MAX = 2000;
  var mode = 'reply';
  var canned = [];

  function nodes() {
    return {
      form: document.getElementById('composer'),
      text: document.getElementById('composer-text'),
      send: document.getElementById('composer-send'),
      hint: document.getElementById('composer-hint'),
      count: document.getElementById('composer-count'),
      canned: document.getElementById('canned'),
      suggestions: document.getElementById('suggestions'),
    };
  }

  A.loadCanned = function () {
    return S.api('GET', '/api/agent/canned')
      .then(function (data) {
        canned = (data && data.items) || [];
        var select = S.clear(nodes().canned);
        select.appendChild(el('option', { value: '' }, canned.length ? '快捷回复…' : '（没有快捷回复）'));
        canned.forEach(function (item) { select.appendChild(el('option', { value: item.id }, item.title)); });
      })
      .catch(function (err) { A.toast('快捷回复加载失败：' + err.message, 'bad'); });
  };

  A.loadSuggestions = function (customerId) {
    var box = S.clear(nodes().suggestions);
    return S.api('GET', A.conversationPath(customerId, '/suggestions'))
      .then(function (data) {
        if (!A.state.open || A.state.open.customerId !== customerId) return;
        S.clear(box);
        var items = ((data && data.items) || []).slice(0, 4);
        if (items.length) box.appendChild(el('span', { class: 'suggestions-label' }, '建议回复'));
        items.forEach(function (item) {
          box.appendChild(el('button', { type: 'button', class: 'suggestion', title: item.text, onclick: function () { fill(item.text); } }, item.text));
        });
        if (items.length) A.scrollHistoryEnd();
      })
      .catch(function () { /* suggestions are a help, not a must: the box stays empty */ });
  };

  function fill(text) {
    var n = nodes();
    n.text.value = text;
    update();
    n.text.focus();
  }

  function update() {
    var n = nodes();
    var holds = A.holdsOpen();
    var open = !!A.state.open && !A.state.open.loading;
    var length = n.text.value.length;
    n.count.textContent = length + '/' + MAX;
    n.count.classList.toggle('over', length > MAX);
    var blocked = mode === 'reply' && !holds;
    n.hint.textContent = !open ? '' : blocked ? '认领这位客户后才能回复；内部备注随时可写。' : mode === 'note' ? '备注只有同事能看到，不会发给客户。' : '';
    n.send.disabled = !open || blocked || !n.text.value.trim() || length > MAX;
    n.send.textContent = mode === 'note' ? '保存备注' : '发送';
    n.form.classList.toggle('note-mode', mode === 'note');
    n.canned.disabled = !open;
  }
  A.renderComposer = update;

  A.resetComposer = function () {
    var n = nodes();
    n.text.value = '';
    S.clear(n.suggestions);
    n.canned.value = '';
    update();
  };

  function submit(event) {
    event.preventDefault();
    var n = nodes();
    var c = A.state.open;
    var text = n.text.value.trim();
    if (!c || !text || n.send.disabled) return;
    n.send.disabled = true;
    var note = mode === 'note';
    S.api('POST', A.conversationPath(c.customerId, note ? '/notes' : '/messages'), { text: text })
      .then(function (result) {
        n.text.value = '';
        if (note) A.toast('备注已保存', 'good');
        else if (result && result.delivered === false) A.toast('消息未送达：' + A.label(A.DELIVERY_REASON, result.reason), 'bad');
        else A.toast('已发送' + (result && result.channelId ? '（' + A.label(A.CHANNELS, result.channelId) + '）' : ''), 'good');
        return A.openConversation(c.customerId);
      })
      .catch(function (err) {
        A.toast((note ? '备注保存失败：' : '发送失败：') + err.message, 'bad');
      })
      .then(update);
  }

  A.initComposer = function () {
    var n = nodes();
    n.form.addEventListener('submit', submit);
    n.text.addEventListener('input', update);
    n.text.addEventListener('keydown', function (event) {
      // Ctrl/⌘+Enter sends; Enter alone is a new line (agents write multi-line answers)
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
    });
    n.canned.addEventListener('change', function () {
      var item = canned.filter(function (c) { return String(c.id) === n.canned.value; })[0];
      if (item) fill(item.text);
      n.canned.value = '';
    });
    var tabs = document.querySelectorAll('#composer-mode button');
    Array.prototype.forEach.call(tabs, function (tab) {
      tab.addEventListener('click', function () {
        mode = tab.dataset.mode;
        Array.prototype.forEach.call(tabs, function (t) { t.setAttribute('aria-pressed', String(t === tab)); });
        update();
      });
    });
    update();
  };
})();
