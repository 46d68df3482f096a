/*
 * Shared by the staff pages (/agent, /dashboard, /review): the login form, the top bar and a JSON
 * fetch helper. The session lives in an HttpOnly cookie the page cannot read; the CSRF token that
 * must accompany every change is kept only in this module's memory (never in storage), so another
 * site cannot learn it and a reload simply asks GET /api/agent/me for it again.
 *
 * Pages use window.Staff:
 *   Staff.boot({page, title, roles, onReady(me)})  shows the login form or the bar, then onReady
 *   Staff.api(method, path, body)                  JSON in/out, X-CSRF-Token on changes, readable errors
 *   Staff.el(tag, attrs, ...children)              DOM builder; strings only ever become text nodes
 *   Staff.me, Staff.logout(), Staff.barSlot        the signed-in account, sign out, room in the bar
 */
(function () {
  'use strict';

  var csrfToken = null;
  var bootOptions = null;

  var PAGES = [
    { id: 'agent', href: '/agent', label: '客服工作台' },
    { id: 'dashboard', href: '/dashboard', label: '运营看板' },
    { id: 'review', href: '/review', label: '学习审核' },
  ];

  // properties set directly rather than as attributes (their live state matters)
  var PROPS = { value: 1, checked: 1, disabled: 1, hidden: 1, selected: 1, readOnly: 1, required: 1, multiple: 1 };

  function append(node, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) {
      child.forEach(function (c) { append(node, c); });
    } else if (child instanceof Node) {
      node.appendChild(child);
    } else {
      // anything else, customer text included, is text and never markup
      node.appendChild(document.createTextNode(String(child)));
    }
  }

  /**
   * el('button', {class: 'primary', onclick: fn, type: 'button'}, '认领')
   * No innerHTML, no style attribute (the pages run under a strict CSP): styling is by class only.
   */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    var a = attrs || {};
    Object.keys(a).forEach(function (key) {
      var value = a[key];
      if (value === null || value === undefined || value === false) return;
      if (key === 'class' || key === 'className') {
        node.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : String(value);
      } else if (key.slice(0, 2) === 'on') {
        // handlers are functions only: an inline handler string would be script from data
        if (typeof value !== 'function') throw new Error('Staff.el: ' + key + ' must be a function');
        node.addEventListener(key.slice(2), value);
      } else if (key === 'dataset') {
        Object.keys(value).forEach(function (d) { node.dataset[d] = String(value[d]); });
      } else if (key === 'text') {
        node.textContent = String(value);
      } else if (key === 'style' || key === 'innerHTML' || key === 'outerHTML') {
        throw new Error('Staff.el: ' + key + ' is not allowed (strict CSP, text only)');
      } else if (key === 'href' && !/^(\/|#|https?:)/i.test(String(value))) {
        throw new Error('Staff.el: only relative or http(s) links');
      } else if (PROPS[key]) {
        node[key] = value;
      } else {
        node.setAttribute(key, value === true ? '' : String(value));
      }
    });
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  /** an Error whose message a person can read; status, code and body kept for the caller */
  function apiError(status, body, fallback) {
    var code = body && body.error;
    var message = body && body.message;
    if (code && typeof code === 'object') {
      message = code.message || message;
      code = code.code;
    }
    var text = message || (typeof code === 'string' ? code : '') || fallback || '请求失败';
    var err = new Error(text + ' (' + status + ')');
    err.status = status;
    err.code = typeof code === 'string' ? code : undefined;
    err.body = body;
    return err;
  }

  function api(method, path, body) {
    var m = String(method || 'GET').toUpperCase();
    var headers = { Accept: 'application/json' };
    var init = { method: m, headers: headers, credentials: 'same-origin', cache: 'no-store' };
    if (m !== 'GET' && m !== 'HEAD') {
      if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
      if (body !== undefined) {
        headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
      }
    }
    return fetch(path, init).then(
      function (res) {
        return res.text().then(function (raw) {
          var data = null;
          if (raw) {
            try { data = JSON.parse(raw); } catch (e) { data = null; }
          }
          if (!res.ok) {
            var err = apiError(res.status, data, res.status === 429 ? '尝试太频繁，请稍后再试' : res.statusText);
            if (res.status === 429) err.retryAfter = Number(res.headers.get('Retry-After')) || undefined;
            // the session ended (expired, logged out elsewhere): back to the login form
            if (res.status === 401 && bootOptions && path !== '/api/agent/login') showLogin(Staff.me ? '登录已过期，请重新登录' : '');
            throw err;
          }
          return data;
        });
      },
      function () {
        throw apiError(0, null, '连不上服务器，请检查网络');
      },
    );
  }

  function setMe(me) {
    Staff.me = me;
    csrfToken = me && me.csrfToken ? me.csrfToken : null;
  }

  function root() {
    var node = document.getElementById('staff-root');
    if (!node) {
      node = el('div', { id: 'staff-root' });
      document.body.insertBefore(node, document.body.firstChild);
    }
    return node;
  }

  /** where the page draws itself; hidden while the login form shows */
  function pageMain() {
    return document.getElementById('app') || document.querySelector('main');
  }

  function showLogin(note) {
    setMe(null);
    var main = pageMain();
    if (main) main.hidden = true;
    var error = el('p', { class: 'staff-login-error', role: 'alert' }, note || '');
    var username = el('input', { name: 'username', autocomplete: 'username', required: true, maxlength: '64' });
    var password = el('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true, maxlength: '256' });
    var submit = el('button', { type: 'submit', class: 'staff-primary' }, '登录');
    var form = el(
      'form',
      { class: 'staff-login', 'aria-label': '员工登录' },
      el('h1', null, '美妆小铺 · 员工登录'),
      el('label', null, '用户名', username),
      el('label', null, '密码', password),
      submit,
      error,
    );
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      submit.disabled = true;
      error.textContent = '';
      api('POST', '/api/agent/login', { username: username.value.trim(), password: password.value })
        .then(function (me) {
          password.value = '';
          start(me);
        })
        .catch(function (err) {
          if (err.status === 401) error.textContent = '用户名或密码不对';
          else if (err.status === 429) error.textContent = '尝试太频繁，请' + (err.retryAfter ? err.retryAfter + ' 秒后' : '稍后') + '再试';
          else error.textContent = err.message;
        })
        .then(function () { submit.disabled = false; });
    });
    clear(root()).appendChild(el('div', { class: 'staff-login-wrap' }, form));
    username.focus();
  }

  function logout() {
    return api('POST', '/api/agent/logout')
      .catch(function () { /* already gone: the form is what matters */ })
      .then(function () { showLogin('已退出登录'); });
  }

  function bar(me) {
    var current = bootOptions.page;
    var nav = el(
      'nav',
      { class: 'staff-nav', 'aria-label': '员工页面' },
      PAGES.map(function (p) {
        return el('a', { href: p.href, class: p.id === current ? 'current' : null, 'aria-current': p.id === current ? 'page' : null }, p.label);
      }),
    );
    Staff.barSlot = el('div', { class: 'staff-bar-slot' });
    return el(
      'header',
      { class: 'staff-bar' },
      el('span', { class: 'staff-brand' }, '美妆小铺'),
      nav,
      Staff.barSlot,
      el(
        'span',
        { class: 'staff-user' },
        el('span', { class: 'staff-user-name', title: me.username }, me.displayName || me.username),
        el('button', { type: 'button', class: 'staff-logout', onclick: logout }, '退出'),
      ),
    );
  }

  function start(me) {
    setMe(me);
    var r = clear(root());
    r.appendChild(bar(me));
    var roles = bootOptions.roles;
    var main = pageMain();
    if (roles && roles.indexOf(me.role) < 0) {
      if (main) main.hidden = true;
      r.appendChild(el('p', { class: 'staff-denied', role: 'alert' }, '这个页面需要管理员账号；当前账号（' + me.username + '）没有权限。'));
      return;
    }
    if (main) main.hidden = false;
    if (bootOptions.onReady) bootOptions.onReady(me);
  }

  /** Called once by each page: options.page ('agent'|'dashboard'|'review'), roles, title, onReady(me). */
  function boot(options) {
    bootOptions = options || {};
    if (bootOptions.title) document.title = bootOptions.title;
    api('GET', '/api/agent/me')
      .then(start)
      .catch(function (err) {
        if (err.status === 401) return; // api() already showed the login form
        clear(root()).appendChild(el('p', { class: 'staff-denied', role: 'alert' }, '无法加载：' + err.message));
      });
  }

  var Staff = { api: api, el: el, clear: clear, boot: boot, logout: logout, me: null, barSlot: null };
  window.Staff = Staff;
})();
