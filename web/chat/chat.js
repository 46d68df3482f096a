/*
 * The chat page: gets a short-lived Direct Line token from the bot (GET /api/webchat/token) and renders
 * Microsoft's Web Chat against the bot's own Direct Line endpoint. Who the visitor is, the page does not
 * say: the token route reads its own signed HttpOnly cookie (anonymous visitors) or the user token the
 * shop signed for a logged-in customer (passed to this page as #userToken=… or ?userToken=…).
 */
(function () {
  'use strict';

  // older versions kept the user id here; it is no longer used (the cookie is), so it is removed
  var OLD_USER_KEY = 'beautybot.webchat.userId';
  var CONVERSATION_KEY = 'beautybot.webchat.conversationId';
  // botframework-directlinejs ConnectionStatus values
  var EXPIRED_TOKEN = 3;
  var FAILED_TO_CONNECT = 4;
  var ENDED = 5;

  try { window.localStorage.removeItem(OLD_USER_KEY); } catch (e) { /* storage blocked: nothing kept */ }

  // the shop's signed token for a logged-in customer, if the shop opened the page with one
  function shopUserToken() {
    var fromHash = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('userToken');
    return fromHash || new URLSearchParams(window.location.search).get('userToken');
  }

  function sessionGet(key) {
    try { return window.sessionStorage.getItem(key); } catch (e) { return null; }
  }

  function sessionSet(key, value) {
    try { window.sessionStorage.setItem(key, value); } catch (e) { /* nothing to keep */ }
  }

  function fetchToken() {
    var query = new URLSearchParams();
    var userToken = shopUserToken();
    if (userToken) query.set('userToken', userToken);
    var conversationId = sessionGet(CONVERSATION_KEY);
    if (conversationId) query.set('conversationId', conversationId);
    var search = query.toString();
    // the visitor cookie goes along (same origin); the server sets it on the first visit
    return fetch('/api/webchat/token' + (search ? '?' + search : ''), { cache: 'no-store', credentials: 'same-origin' }).then(function (res) {
      if (!res.ok) throw new Error('token ' + res.status);
      return res.json();
    });
  }

  function showNotice(text, isError) {
    var notice = document.getElementById('notice');
    if (!notice) return;
    notice.textContent = text;
    notice.className = isError ? 'notice error' : 'notice';
  }

  // the bot restarted without a fixed secret, or the conversation is gone: offer a fresh start
  function showReconnect() {
    if (document.getElementById('reconnect')) return;
    try { window.sessionStorage.removeItem(CONVERSATION_KEY); } catch (e) { /* nothing kept */ }
    var button = document.createElement('button');
    button.id = 'reconnect';
    button.className = 'reconnect';
    button.type = 'button';
    button.textContent = '连接已断开，点此重新连接';
    button.addEventListener('click', function () { window.location.reload(); });
    document.querySelector('.shell').insertBefore(button, document.getElementById('webchat'));
  }

  var styleOptions = {
    accent: '#d6336c',
    backgroundColor: '#fff5f8',
    primaryFont: "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif",
    bubbleBackground: '#ffffff',
    bubbleBorderColor: '#fcc2d7',
    bubbleBorderRadius: 12,
    bubbleFromUserBackground: '#d6336c',
    bubbleFromUserTextColor: '#ffffff',
    bubbleFromUserBorderColor: '#d6336c',
    bubbleFromUserBorderRadius: 12,
    botAvatarInitials: '小美',
    botAvatarBackgroundColor: '#f783ac',
    userAvatarInitials: '我',
    userAvatarBackgroundColor: '#a61e4d',
    avatarSize: 36,
    // pictures only (an order screenshot, a product label): the bot reads them; the server takes PNG, JPEG and
    // WebP, at most 3 per message and 5 MB each
    hideUploadButton: false,
    uploadAccept: 'image/png,image/jpeg,image/webp',
    uploadMultiple: true,
    sendBoxButtonColor: '#d6336c',
    sendBoxButtonColorOnHover: '#a61e4d',
    sendBoxHeight: 48,
    suggestedActionLayout: 'flow',
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#d6336c',
    suggestedActionTextColor: '#d6336c',
    suggestedActionBorderRadius: 16,
    richCardWrapTitle: true,
    cardEmphasisBackgroundColor: '#fff0f6'
  };

  // Web Chat sizes bubbles and cards in pixels (480 wide at most by default): on a phone that is wider
  // than the room beside the avatars, and the bubble is cut off. They follow the chat's width instead.
  var AVATAR_GUTTER = 2 * (styleOptions.avatarSize + 10) + 20;
  function sizedStyleOptions() {
    var host = document.getElementById('webchat');
    var room = (host && host.clientWidth) || window.innerWidth;
    var max = Math.max(200, Math.min(480, room - AVATAR_GUTTER));
    return Object.assign({}, styleOptions, { bubbleMaxWidth: max, bubbleMinWidth: Math.min(250, max) });
  }

  function start() {
    if (!window.WebChat) {
      showNotice('聊天组件加载失败，请刷新页面重试。', true);
      return;
    }
    fetchToken()
      .then(function (session) {
        sessionSet(CONVERSATION_KEY, session.conversationId);
        var directLine = window.WebChat.createDirectLine({
          token: session.token,
          domain: window.location.origin + '/v3/directline'
        });
        // after a long sleep the token may have expired: fetch a new one for the same conversation
        directLine.connectionStatus$.subscribe(function (status) {
          if (status === FAILED_TO_CONNECT || status === ENDED) return showReconnect();
          if (status !== EXPIRED_TOKEN) return;
          fetchToken()
            .then(function (fresh) {
              return fetch('/v3/directline/conversations/' + encodeURIComponent(fresh.conversationId) + '?watermark=' + (directLine.watermark || ''), {
                headers: { Authorization: 'Bearer ' + fresh.token }
              }).then(function (res) { return res.json(); });
            })
            .then(function (conversation) { directLine.reconnect(conversation); })
            .catch(showReconnect);
        });
        document.getElementById('webchat').textContent = '';
        // Web Chat sends the browser's time zone with each message (localTimezone): deadlines come back in it
        var render = function () {
          window.WebChat.renderWebChat(
            { directLine: directLine, userID: session.userId, locale: 'zh-CN', styleOptions: sizedStyleOptions() },
            document.getElementById('webchat')
          );
        };
        render();
        var lastWidth = window.innerWidth;
        var pending = false;
        window.addEventListener('resize', function () {
          if (pending || window.innerWidth === lastWidth) return;
          pending = true;
          window.requestAnimationFrame(function () {
            pending = false;
            lastWidth = window.innerWidth;
            render();
          });
        });
        var input = document.querySelector('#webchat input[type="text"], #webchat textarea');
        if (input) input.focus();
      })
      .catch(function () {
        showNotice('暂时连不上客服，请稍后刷新重试。', true);
      });
  }

  start();
})();
