/*
 * The review page (/review, admins): the nluReview queue (label, accept, reject), retrain in place with
 * held-back accuracy before/after, unanswered questions grouped by similarity, and a FAQ form whose entry
 * is answered at once. Talks to /api/admin/* over HTTP through Staff.api (session cookie + CSRF token).
 * Customer text is only ever put into the page as text (Staff.el makes text nodes).
 */
(function () {
  'use strict';

  var el = window.Staff.el;
  var clear = window.Staff.clear;
  var api = window.Staff.api;

  var INTENT_NAMES = {
    product_info: '商品咨询', recommendation: '推荐', comparison: '对比', promotion: '优惠活动', place_order: '下单',
    order_status: '订单物流', order_change: '改订单', order_cancel: '取消订单', payment: '支付', invoice: '发票',
    shipping_info: '配送说明', return_refund: '退换货', refund_status: '退款进度', quality_issue: '质量问题',
    complaint: '投诉', feedback: '意见反馈', account: '账号会员', human_agent: '转人工', greeting: '打招呼',
    thanks_bye: '感谢告别', other: '其他',
  };
  var REASONS = { low_confidence: '把握低', corrected: '客户纠正', unanswered: '没答上' };
  var STATUSES = { pending: '待处理', accepted: '已采纳', rejected: '已驳回' };
  var intents = Object.keys(INTENT_NAMES);

  function $(id) { return document.getElementById(id); }
  function intentName(id) { return INTENT_NAMES[id] ? INTENT_NAMES[id] + '（' + id + '）' : id; }
  function percent(a) { return a === null || a === undefined ? '—' : (a * 100).toFixed(1) + '%'; }

  function intentSelect(selected) {
    return el('select', { 'aria-label': '正确的意图' },
      el('option', { value: '' }, '选择正确的意图…'),
      intents.map(function (id) { return el('option', { value: id, selected: id === selected }, intentName(id)); }));
  }

  function itemRow(item) {
    var select = intentSelect(item.intent);
    var error = el('span', { class: 'rv-error', role: 'alert' });
    function act(path, body) {
      error.textContent = '';
      return api('POST', '/api/admin/review/' + encodeURIComponent(item.id) + path, body)
        .then(loadQueue)
        .catch(function (err) { error.textContent = err.message; });
    }
    function label() {
      if (!select.value) { error.textContent = '请先选择意图'; return; }
      act('/label', { intent: select.value });
    }
    function accept() {
      if (!select.value) { error.textContent = '请先选择意图'; return; }
      act('/accept', { intent: select.value });
    }
    return el('li', { class: 'rv-item' },
      el('p', { class: 'rv-text' }, item.text),
      el('div', { class: 'rv-meta' },
        el('span', { class: 'rv-tag ' + item.status }, STATUSES[item.status] || item.status),
        el('span', { class: 'rv-tag' }, REASONS[item.reason] || item.reason),
        el('span', { class: 'rv-tag' }, '模型判断：' + intentName(item.predicted) + ' ' + percent(item.confidence)),
        el('span', { class: 'rv-tag' }, '出现 ' + item.count + ' 次'),
        item.intent ? el('span', { class: 'rv-tag' }, '标注：' + intentName(item.intent)) : null),
      el('div', { class: 'rv-actions' },
        select,
        el('button', { type: 'button', onclick: label }, '标注'),
        el('button', { type: 'button', class: 'staff-primary', onclick: accept }, '采纳为训练数据'),
        item.status !== 'rejected' ? el('button', { type: 'button', onclick: function () { act('/reject'); } }, '驳回') : null,
        error));
  }

  function loadQueue() {
    var params = [];
    if ($('status').value) params.push('status=' + encodeURIComponent($('status').value));
    if ($('reason').value) params.push('reason=' + encodeURIComponent($('reason').value));
    return api('GET', '/api/admin/review' + (params.length ? '?' + params.join('&') : ''))
      .then(function (data) {
        var list = clear($('queue'));
        $('queue-note').textContent = data.items.length ? '共 ' + data.items.length + ' 条，出现次数多的在前' : '没有符合条件的语句';
        data.items.forEach(function (item) { list.appendChild(itemRow(item)); });
      })
      .catch(function (err) { $('queue-note').textContent = err.message; });
  }

  function figure(title, before, after) {
    var change = before !== null && after !== null ? after - before : 0;
    return el('div', { class: 'rv-figure ' + (change > 0 ? 'up' : change < 0 ? 'down' : '') },
      el('span', null, title), el('b', null, percent(after)), el('span', null, '训练前 ' + percent(before)));
  }

  function retrain() {
    var button = $('retrain');
    var out = clear($('retrain-result'));
    button.disabled = true;
    out.appendChild(el('p', { class: 'rv-note' }, '训练中…旧模型照常回答客户。'));
    api('POST', '/api/admin/nlu/retrain')
      .then(function (r) {
        clear(out);
        out.appendChild(figure('留出样本准确率（' + r.after.n + ' 条）', r.before.accuracy, r.after.accuracy));
        out.appendChild(figure('其中采纳语句（' + r.after.accepted.n + ' 条）', r.before.accepted.accuracy, r.after.accepted.accuracy));
        out.appendChild(el('div', { class: 'rv-figure' }, el('span', null, '采纳的训练语句'), el('b', null, String(r.examples)), el('span', null, '用时 ' + (r.ms / 1000).toFixed(1) + ' 秒')));
      })
      .catch(function (err) {
        clear(out);
        out.appendChild(el('p', { class: 'rv-error', role: 'alert' }, err.code === 'busy' ? '已有训练在进行，请稍后再试' : err.message));
      })
      .then(function () { button.disabled = false; });
  }

  function groupRow(group) {
    function startFaq() {
      $('faq-question').value = group.suggestedQuestion;
      $('faq-keywords').value = (group.words || []).join(', ');
      $('faq-answer').focus();
    }
    return el('li', { class: 'rv-group' },
      el('div', { class: 'rv-meta' },
        el('span', { class: 'rv-tag' }, '被问 ' + group.size + ' 次'),
        group.words && group.words.length ? el('span', { class: 'rv-tag' }, '共同词：' + group.words.join('、')) : null),
      el('ul', { class: 'rv-examples' }, group.examples.map(function (t) { return el('li', null, t); })),
      el('button', { type: 'button', onclick: startFaq }, '据此写常见问题'));
  }

  function loadGroups() {
    return api('GET', '/api/admin/unanswered')
      .then(function (data) {
        var list = clear($('groups'));
        if (!data.groups.length) list.appendChild(el('li', { class: 'rv-note' }, '暂时没有没答上的问题'));
        data.groups.forEach(function (g) { list.appendChild(groupRow(g)); });
      })
      .catch(function (err) { clear($('groups')).appendChild(el('li', { class: 'rv-error' }, err.message)); });
  }

  function saveFaq(event) {
    event.preventDefault();
    var result = $('faq-result');
    var keywords = $('faq-keywords').value.split(/[,，、]/).map(function (k) { return k.trim(); }).filter(Boolean);
    var body = { question: $('faq-question').value.trim(), answer: $('faq-answer').value.trim() };
    if (keywords.length) body.keywords = keywords;
    if ($('faq-language').value) body.language = $('faq-language').value;
    result.textContent = '保存中…';
    api('POST', '/api/admin/faq', body)
      .then(function (r) {
        result.textContent = '已保存（' + r.id + '），客户现在问就能答上。';
        $('faq').reset();
        loadGroups();
      })
      .catch(function (err) { result.textContent = err.message; });
  }

  window.Staff.boot({
    page: 'review',
    title: '学习审核',
    roles: ['admin'],
    onReady: function () {
      $('status').addEventListener('change', loadQueue);
      $('reason').addEventListener('change', loadQueue);
      $('retrain').addEventListener('click', retrain);
      $('reload-groups').addEventListener('click', loadGroups);
      $('faq').addEventListener('submit', saveFaq);
      loadQueue();
      loadGroups();
    },
  });
})();
