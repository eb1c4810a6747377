/*
 * HoorMij web chat page. Runs in the browser as-is (no build step).
 * - Token: always from this server's POST /api/directline/token (offline: the local Direct Line;
 *   with DIRECT_LINE_SECRET: Azure's, and the answer says which domain to use).
 * - Same device = same participant: a random "dl_" user id kept in localStorage.
 * - Reload = same conversation: conversation id and token are kept too, and resumed.
 * - Texts come from /locales/<lng>/web.json; nothing shown here is hard-coded.
 */
(function () {
  'use strict';

  var KEYS = { user: 'hoormij.userId', conversation: 'hoormij.conversation', lang: 'hoormij.lang' };
  var LANGS = ['nl', 'en'];
  var WEBCHAT_LOCALE = { nl: 'nl-NL', en: 'en-US' };
  var CODE_PATTERN = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/;
  // directlinejs statuses (ConnectionStatus enum).
  var STATUS = { online: 2, expiredToken: 3, failedToConnect: 4, ended: 5 };
  // Renew this long before the token expires; the page also renews on a 403 (ExpiredToken).
  var RENEW_MARGIN_MS = 60 * 1000;

  var params = new URLSearchParams(window.location.search);
  var code = normalizeCode(params.get('code'));
  var lang = pickLang(params.get('lang')) || pickLang(storageGet(KEYS.lang)) || pickLang(document.documentElement.lang) || 'nl';
  var texts = {};
  var styleOptions = {};
  var session = null; // { conversationId, token, expiresAt, domain, code }
  var directLine = null;
  var store = null;
  var refreshTimer = null;
  var retryTimer = null;
  var generation = 0;
  var recovering = false;

  var el = {
    root: document.documentElement,
    webchat: document.getElementById('webchat'),
    status: document.getElementById('status'),
    heading: document.getElementById('heading'),
    tagline: document.getElementById('tagline'),
    main: document.getElementById('main'),
    langGroup: document.getElementById('lang-switch'),
    langButtons: Array.prototype.slice.call(document.querySelectorAll('#lang-switch button[data-lang]')),
  };

  function normalizeCode(value) {
    var c = String(value || '').replace(/[\s-]+/g, '').toUpperCase();
    return CODE_PATTERN.test(c) ? c : undefined;
  }

  function pickLang(value) {
    var l = String(value || '').toLowerCase().split(/[-_]/)[0];
    return LANGS.indexOf(l) >= 0 ? l : undefined;
  }

  // Storage can be off (private mode, strict settings); the chat still works, it just forgets.
  function storageGet(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (e) {
      return null;
    }
  }

  function storageSet(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, value);
    } catch (e) {
      /* not kept */
    }
  }

  function userId() {
    var id = storageGet(KEYS.user);
    if (id && /^dl_[A-Za-z0-9_-]{16,64}$/.test(id)) return id;
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    id = 'dl_' + Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
    storageSet(KEYS.user, id);
    return id;
  }

  function loadSession() {
    try {
      var s = JSON.parse(storageGet(KEYS.conversation) || 'null');
      return s && typeof s.conversationId === 'string' && typeof s.token === 'string' ? s : null;
    } catch (e) {
      return null;
    }
  }

  function saveSession() {
    storageSet(KEYS.conversation, session ? JSON.stringify(session) : null);
  }

  function t(path) {
    return path.split('.').reduce(function (o, k) { return o && o[k]; }, texts) || '';
  }

  function setStatus(state, key) {
    el.status.setAttribute('data-state', state);
    el.status.textContent = key ? t(key) : '';
  }

  /** Connected: clear "connecting"/"busy"/"offline", but leave a notice until the user acts. */
  function setOnline() {
    if (el.status.getAttribute('data-state') !== 'notice') setStatus('online');
  }

  function getJson(url) {
    return window.fetch(url, { credentials: 'same-origin' }).then(function (res) {
      if (!res.ok) throw new Error(url + ' answered ' + res.status);
      return res.json();
    });
  }

  function applyTexts() {
    el.root.lang = lang;
    document.title = t('page.title');
    el.heading.textContent = t('page.heading');
    el.tagline.textContent = t('page.tagline');
    el.main.setAttribute('aria-label', t('chat.label'));
    el.langGroup.setAttribute('aria-label', t('language.label'));
    // Timers barely run in a background tab or on a sleeping phone: check the token on return.
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible' && session && directLine && session.expiresAt - Date.now() < RENEW_MARGIN_MS) {
      window.clearTimeout(refreshTimer);
      refreshToken();
    }
  });

  el.langButtons.forEach(function (button) {
      var l = button.getAttribute('data-lang');
      button.setAttribute('aria-pressed', String(l === lang));
      button.setAttribute('aria-label', t('language.' + l));
      button.textContent = t('language.' + l + 'Short');
    });
    if (el.status.getAttribute('data-state') === 'connecting') setStatus('connecting', 'status.connecting');
  }

  function loadTexts() {
    return getJson('/locales/' + lang + '/web.json').then(function (json) {
      texts = json;
      applyTexts();
    });
  }

  /** Asks this server for a token; resolves null when it is busy (then we try again later). */
  function requestToken(conversationId) {
    var body = { userId: userId() };
    if (conversationId) body.conversationId = conversationId;
    return window
      .fetch('/api/directline/token', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        credentials: 'same-origin',
      })
      .then(function (res) {
        if (res.status === 429) {
          var wait = Number(res.headers.get('Retry-After'));
          return { busy: true, waitMs: Math.min(Math.max(isNaN(wait) ? 10 : wait, 3), 60) * 1000 };
        }
        if (!res.ok) throw new Error('token request answered ' + res.status);
        return res.json();
      });
  }

  function sessionFrom(answer) {
    return {
      conversationId: answer.conversationId,
      token: answer.token,
      expiresAt: Date.now() + answer.expires_in * 1000,
      domain: answer.domain || window.location.origin + '/v3/directline',
      code: code,
    };
  }

  function retryLater(fn, waitMs, statusKey) {
    setStatus('waiting', statusKey);
    window.clearTimeout(retryTimer);
    retryTimer = window.setTimeout(fn, waitMs);
  }

  /** Start: resume the stored conversation when it belongs to this link, else begin a new one. */
  function start() {
    var saved = loadSession();
    if (saved && code && saved.code !== code) saved = null; // a new session code starts a new chat
    if (saved && saved.expiresAt - Date.now() > RENEW_MARGIN_MS) {
      session = saved;
      connect(true);
      return;
    }
    session = saved;
    recover();
  }

  /**
   * The one way back from any trouble (token expired, socket gone, conversation forgotten):
   * ask for a token for the current conversation and connect afresh, as a reload would. When
   * the server no longer knows the conversation, it hands out a new one; the bot still knows
   * the participant, so the answers given so far are kept. One recovery at a time.
   */
  function recover() {
    if (recovering) return;
    recovering = true;
    var previous = session && session.conversationId;
    requestToken(previous)
      .then(function (answer) {
        recovering = false;
        if (answer.busy) return retryLater(recover, answer.waitMs, 'status.busy');
        var resumed = Boolean(previous && answer.conversationId === previous);
        session = sessionFrom(answer);
        saveSession();
        connect(resumed);
        if (previous && !resumed) setStatus('notice', 'status.restarted');
      })
      .catch(function () {
        recovering = false;
        retryLater(recover, 5000, 'status.offline');
      });
  }

  function connect(resumed) {
    generation += 1;
    var mine = generation;
    if (directLine) directLine.end();
    var joinPending = !resumed;
    directLine = window.WebChat.createDirectLine({
      token: session.token,
      domain: session.domain,
      conversationId: resumed ? session.conversationId : undefined,
      webSocket: true,
      conversationStartProperties: { locale: WEBCHAT_LOCALE[lang] },
    });
    store = window.WebChat.createStore({}, function (api) {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/POST_ACTIVITY_REJECTED' || action.type === 'DIRECT_LINE/POST_ACTIVITY_IMPEDED') {
            checkConversation();
          }
          if (action.type === 'DIRECT_LINE/POST_ACTIVITY' && isUserMessage(action) && el.status.getAttribute('data-state') === 'notice') {
            setStatus('online');
          }
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
            setOnline();
            if (joinPending) {
              joinPending = false;
              api.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: joinValue() } });
            }
          }
          return next(action);
        };
      };
    });
    directLine.connectionStatus$.subscribe(function (status) {
      if (mine !== generation) return;
      if (status === STATUS.online) setOnline();
      else if (status === STATUS.expiredToken || status === STATUS.failedToConnect || status === STATUS.ended) recover();
    });
    // A WebSocket that cannot reconnect ends the activity stream instead of changing the status.
    directLine.activity$.subscribe({
      error: function () {
        if (mine === generation) recover();
      },
    });
    render();
    scheduleRefresh();
  }

  /**
   * A message that could not be sent may mean the server forgot the conversation (404) or the
   * token ran out while the tab slept (403); directlinejs does not always change its status.
   */
  function checkConversation() {
    if (!session) return;
    var mine = generation;
    window
      .fetch(session.domain + '/conversations/' + encodeURIComponent(session.conversationId) + '?watermark=', {
        headers: { Authorization: 'Bearer ' + session.token },
      })
      .then(function (res) {
        if (mine === generation && (res.status === 404 || res.status === 403)) recover();
      })
      .catch(function () {
        /* offline: directlinejs retries by itself */
      });
  }

  function isUserMessage(action) {
    return Boolean(action.payload && action.payload.activity && action.payload.activity.type === 'message');
  }

  function joinValue() {
    var value = { lang: lang };
    if (code) value.code = code;
    return value;
  }

  function render() {
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        store: store,
        locale: WEBCHAT_LOCALE[lang],
        styleOptions: styleOptions,
        overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: t('chat.placeholder') },
        sendTypingIndicator: false,
      },
      el.webchat,
    );
  }

  function scheduleRefresh() {
    window.clearTimeout(refreshTimer);
    var lifetime = session.expiresAt - Date.now();
    // Halfway through the token's life, as directlinejs does for its own 30-minute tokens.
    refreshTimer = window.setTimeout(refreshToken, Math.max(lifetime / 2, 1000));
  }

  /** Keeps a tab that stays open working: tokens/refresh while the token is still valid. */
  function refreshToken() {
    var mine = generation;
    window
      .fetch(session.domain + '/tokens/refresh', { method: 'POST', headers: { Authorization: 'Bearer ' + session.token } })
      .then(function (res) {
        if (mine !== generation) return;
        if (res.status === 403 || res.status === 404) return recover();
        if (!res.ok) throw new Error('refresh answered ' + res.status);
        return res.json().then(function (answer) {
          if (mine !== generation) return;
          session.token = answer.token;
          session.expiresAt = Date.now() + answer.expires_in * 1000;
          saveSession();
          // Only swaps the token: the open stream stays, the next request uses the new token.
          directLine.reconnect({ conversationId: session.conversationId, token: session.token });
          scheduleRefresh();
        });
      })
      .catch(function () {
        refreshTimer = window.setTimeout(refreshToken, 10000);
      });
  }

  function switchLanguage(next) {
    if (next === lang || LANGS.indexOf(next) < 0) return;
    lang = next;
    storageSet(KEYS.lang, lang);
    params.set('lang', lang);
    window.history.replaceState(null, '', window.location.pathname + '?' + params.toString());
    loadTexts().then(function () {
      if (!store) return;
      render();
      store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: { lang: lang } } });
    });
  }

  // Timers barely run in a background tab or on a sleeping phone: check the token on return.
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible' && session && directLine && session.expiresAt - Date.now() < RENEW_MARGIN_MS) {
      window.clearTimeout(refreshTimer);
      refreshToken();
    }
  });

  el.langButtons.forEach(function (button) {
    button.addEventListener('click', function () {
      switchLanguage(button.getAttribute('data-lang'));
    });
  });

  Promise.all([loadTexts(), getJson('/styleOptions.json')])
    .then(function (loaded) {
      styleOptions = loaded[1];
      if (pickLang(params.get('lang'))) storageSet(KEYS.lang, lang);
      start();
    })
    .catch(function () {
      retryLater(function () { window.location.reload(); }, 5000, 'status.offline');
    });
})();

/*
 * News above the chat (issue 16, "Jullie zeiden, wij doen"): the project's latest update from
 * GET /api/updates. Kept apart from the chat client above on purpose: it only reads the page's
 * language and ?code= / ?project=, and shows nothing when there is no update or the call fails.
 */
(function () {
  var params = new URLSearchParams(window.location.search);
  var query = new URLSearchParams({ lang: document.documentElement.lang || 'nl' });
  ['code', 'project'].forEach(function (k) { if (params.get(k)) query.set(k, params.get(k)); });
  window.fetch('/api/updates?' + query.toString(), { credentials: 'same-origin' })
    .then(function (res) { return res.ok ? res.json() : null; })
    .then(function (body) {
      if (!body || !body.latest || !body.latest.line) return;
      var main = document.getElementById('main');
      var chat = document.getElementById('webchat');
      if (!main || !chat) return;
      var news = document.createElement('p');
      news.id = 'news';
      news.className = 'news';
      news.textContent = body.latest.line;
      main.insertBefore(news, chat);
    })
    .catch(function () { /* no news is fine */ });
})();
