/*
 * The tickets tab: after-sales tickets (quality, returns, complaints) filtered by status and type,
 * each with its SLA counting down (red once overdue) and a status change with an optional note.
 */
(function () {
  'use strict';

  var A = window.AgentConsole;
  var S = window.Staff;
  var el = S.el;
  var PROBLEMS = { damaged: '破损', leaking: '漏液', allergy: '过敏', expired: '过期', counterfeit: '疑似假货', wrong_item: '发错货', missing_item: '少发' };
  var DONE = { resolved: true, closed: true };

  function query() {
    var params = new URLSearchParams();
    var status = document.getElementById('ticket-status').value;
    var type = document.getElementById('ticket-type').value;
    if (status) params.set('status', status);
    if (type) params.set('type', type);
    var q = params.toString();
    return '/api/admin/tickets' + (q ? '?' + q : '');
  }

  A.loadTickets = function () {
    var list = document.getElementById('ticket-list');
    return S.api('GET', query())
      .then(function (data) {
        var items = (data && data.items) || [];
        S.clear(list);
        if (!items.length) list.appendChild(el('li', { class: 'empty' }, '没有符合条件的工单'));
        items.forEach(function (t) { list.appendChild(row(t)); });
        A.tickOnce();
      })
      .catch(function (err) {
        S.clear(list).appendChild(el('li', { class: 'empty error' }, '工单加载失败：' + err.message));
      });
  };

  function statusSelect(current) {
    return el(
      'select',
      { class: 'ticket-new-status', 'aria-label': '新状态' },
      Object.keys(A.TICKET_STATUS).map(function (s) { return el('option', { value: s, selected: s === current }, A.TICKET_STATUS[s]); }),
    );
  }

  function row(t) {
    var select = statusSelect(t.status);
    var note = el('input', { class: 'ticket-note', placeholder: '备注（可选）', maxlength: '500', 'aria-label': '备注' });
    var save = el('button', { type: 'submit', class: 'staff-button' }, '更新');
    var form = el(
      'form',
      {
        class: 'ticket-update',
        onsubmit: function (event) {
          event.preventDefault();
          save.disabled = true;
          var body = { status: select.value };
          if (note.value.trim()) body.note = note.value.trim();
          S.api('PATCH', '/api/admin/tickets/' + encodeURIComponent(t.id), body)
            .then(function () {
              A.toast('工单 ' + t.id + ' 已更新为「' + A.label(A.TICKET_STATUS, body.status) + '」', 'good');
              return A.loadTickets();
            })
            .catch(function (err) {
              A.toast('工单更新失败：' + err.message, 'bad');
              save.disabled = false;
            });
        },
      },
      select,
      note,
      save,
    );
    var sla = DONE[t.status]
      ? el('span', { class: 'sla done' }, '已结束')
      : el('span', { class: 'sla', title: 'SLA 截止 ' + A.time(t.slaDueAt), dataset: { tick: 'sla', t0: Date.parse(t.slaDueAt) } }, '');
    return el(
      'li',
      { class: ['ticket', 'status-' + t.status] },
      el(
        'div',
        { class: 'ticket-head' },
        el('strong', { class: 'ticket-id' }, t.id),
        el('span', { class: ['tag', 'type-' + t.type] }, A.label(A.TICKET_TYPE, t.type)),
        el('span', { class: ['status', 'status-' + t.status] }, A.label(A.TICKET_STATUS, t.status)),
        sla,
      ),
      el(
        'div',
        { class: 'ticket-body muted' },
        el(
          'button',
          { type: 'button', class: 'link', onclick: function () { A.showTab('desk'); void A.openConversation(t.customerId); } },
          '客户 ' + t.customerId,
        ),
        t.orderId ? ' · 订单 ' + t.orderId : '',
        t.problem ? ' · ' + A.label(PROBLEMS, t.problem) : '',
        t.attachments ? ' · ' + t.attachments + ' 张图片' : '',
        t.createdAt ? ' · 创建于 ' + A.time(t.createdAt) : '',
      ),
      form,
    );
  }

  A.initTickets = function () {
    ['ticket-status', 'ticket-type'].forEach(function (id) {
      document.getElementById(id).addEventListener('change', function () { void A.loadTickets(); });
    });
    document.getElementById('ticket-refresh').addEventListener('click', function () { void A.loadTickets(); });
  };
})();
