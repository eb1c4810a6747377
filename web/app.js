/*
 * HoorMij web chat page: a small chat client on the Direct Line 3.0 protocol, inlined into the
 * page so the first question is on screen after one page load and three short requests. It runs
 * in the browser as-is (no build step). Microsoft's Web Chat speaks the same protocol; we do not
 * load it because its 945 KB (gzipped) take 12-14 s to arrive and start on a phone on mobile data.
 * - Token: always from this server's POST /api/directline/token (offline: the local Direct Line;
 *   with DIRECT_LINE_SECRET: Azure's, and the answer says which domain to use).
 * - Same device = same participant: a random "dl_" user id kept in localStorage.
 * - Reload = same conversation: conversation id and token are kept too, and resumed.
 * - Texts come from the page's own JSON block (all page languages); nothing shown is hard-coded.
 * - The bot can switch the page's language (event "hoormij/language") and, after an erasure
 *   ("hoormij/erased"), make the page forget this device's ids and transcript.
 */
(function () {
  'use strict';

  var KEYS = { user: 'hoormij.userId', conversation: 'hoormij.conversation', lang: 'hoormij.lang' };
  var LOCALE = { nl: 'nl-NL', en: 'en-GB' };
  var CODE_PATTERN = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/;
  var EVENTS = { join: 'webchat/join', language: 'hoormij/language', erased: 'hoormij/erased' };
  // Renew this long before the token expires; the page also renews on a 403.
  var RENEW_MARGIN_MS = 60 * 1000;
  // Proxies close WebSockets that stay silent; Direct Line clients send an empty frame.
  var KEEPALIVE_MS = 20 * 1000;
  var CARD_TYPE = 'application/vnd.microsoft.card.adaptive';
  var BULLET = /^\s*[•*-]\s+/;

  var boot = JSON.parse(document.getElementById('hoormij-page').textContent);
  var LANGS = Object.keys(boot.texts);
  var params = new URLSearchParams(window.location.search);
  var code = normalizeCode(params.get('code'));
  var lang = pickLang(params.get('lang')) || pickLang(storageGet(KEYS.lang)) || boot.lang;
  var INLINE = new RegExp('\\*\\*([^*]+)\\*\\*|(https?://[^\\s<>"]+[^\\s<>".,;:!?)])|' + phoneRegExp(boot.phoneNumbers || []), 'g');

  var session = null; // { conversationId, token, expiresAt, domain, code }
  var watermark = '';
  var socket = null;
  var generation = 0;
  var recovering = null;
  var connected = false;
  var waiters = [];
  var ended = false;
  var reconnectDelay = 1000;
  var timers = { refresh: 0, retry: 0, reconnect: 0, keepalive: 0, typing: 0 };
  var seen = {};
  var pending = {}; // clientActivityID -> bubble of a message not yet echoed

  var el = {
    root: document.documentElement,
    status: document.getElementById('status'),
    heading: document.getElementById('heading'),
    tagline: document.getElementById('tagline'),
    privacy: document.getElementById('privacy'),
    main: document.getElementById('main'),
    scroller: document.getElementById('transcript'),
    list: document.getElementById('messages'),
    announcer: document.getElementById('announcer'),
    choices: document.getElementById('choices'),
    form: document.getElementById('sendbox'),
    input: document.getElementById('input'),
    inputLabel: document.getElementById('input-label'),
    send: document.getElementById('send'),
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

  function randomHex(bytes) {
    var b = new Uint8Array(bytes);
    window.crypto.getRandomValues(b);
    return Array.prototype.map.call(b, function (x) { return ('0' + x.toString(16)).slice(-2); }).join('');
  }

  var currentUser = null;
  function userId() {
    if (currentUser) return currentUser;
    var id = storageGet(KEYS.user);
    if (!id || !/^dl_[A-Za-z0-9_-]{16,64}$/.test(id)) {
      id = 'dl_' + randomHex(16);
      storageSet(KEYS.user, id);
    }
    currentUser = id;
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
    return path.split('.').reduce(function (o, k) { return o && o[k]; }, boot.texts[lang]) || '';
  }

  function setStatus(state, key) {
    el.status.setAttribute('data-state', state);
    el.status.setAttribute('data-key', key || '');
    el.status.textContent = key ? t(key) : '';
  }

  /** Connected: clear "connecting"/"busy"/"offline", but leave a notice until the user acts. */
  function setOnline() {
    if (el.status.getAttribute('data-state') !== 'notice') setStatus('online');
  }

  // ---- Page texts and language ------------------------------------------------------------

  function applyTexts() {
    el.root.lang = lang;
    document.title = t('page.title');
    el.heading.textContent = t('page.heading');
    el.tagline.textContent = t('page.tagline');
    el.privacy.textContent = t('page.privacy');
    el.privacy.setAttribute('href', '/privacy?lang=' + lang);
    el.main.setAttribute('aria-label', t('chat.label'));
    el.scroller.setAttribute('aria-label', t('chat.transcript'));
    el.choices.setAttribute('aria-label', t('chat.choices'));
    el.inputLabel.textContent = t('chat.inputLabel');
    el.input.setAttribute('placeholder', t('chat.placeholder'));
    el.send.textContent = t('chat.send');
    el.langGroup.setAttribute('aria-label', t('language.label'));
    el.langButtons.forEach(function (button) {
      var l = button.getAttribute('data-lang');
      button.setAttribute('aria-pressed', String(l === lang));
      // Spoken as "NL Nederlands": the visible short name first (WCAG 2.5.3), then the full one.
      button.firstChild.textContent = t('language.' + l + 'Short');
      button.lastChild.textContent = ' ' + t('language.' + l);
    });
    Array.prototype.forEach.call(el.list.querySelectorAll('[data-sender]'), function (node) {
      node.textContent = t(node.getAttribute('data-sender') === 'user' ? 'chat.you' : 'chat.bot') + ': ';
    });
    var key = el.status.getAttribute('data-key');
    if (key) setStatus(el.status.getAttribute('data-state'), key);
  }

  /** One language for page and bot: `tellBot` is false when the bot asked for the switch. */
  function switchLanguage(next, tellBot) {
    if (next === lang || LANGS.indexOf(next) < 0) return;
    lang = next;
    storageSet(KEYS.lang, lang);
    params.set('lang', lang);
    window.history.replaceState(null, '', window.location.pathname + '?' + params.toString());
    applyTexts();
    if (tellBot && session) post({ type: 'event', name: EVENTS.join, value: { lang: lang } });
  }

  // ---- Direct Line: token, conversation, stream ------------------------------------------

  /** Asks this server for a token; resolves { busy } when it is full (then we try again later). */
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

  function directLine(method, path, body) {
    var headers = { Authorization: 'Bearer ' + session.token };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return window.fetch(session.domain + path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) });
  }

  function retryLater(fn, waitMs, statusKey) {
    setStatus('waiting', statusKey);
    window.clearTimeout(timers.retry);
    timers.retry = window.setTimeout(fn, waitMs);
  }

  /** Start: resume the stored conversation when it belongs to this link, else begin a new one. */
  function start() {
    var saved = loadSession();
    if (saved && code && saved.code !== code) saved = null; // a new session code starts a new chat
    session = saved;
    if (saved && saved.expiresAt - Date.now() > RENEW_MARGIN_MS) resume();
    else recover();
  }

  /**
   * The one way back from any trouble (token expired, conversation forgotten): ask for a token
   * for the current conversation and connect afresh. When the server no longer knows the
   * conversation it hands out a new one; the bot still knows the participant, so the answers
   * given so far are kept. One recovery at a time; resolves when connected again.
   */
  function recover() {
    if (recovering) return recovering;
    setConnected(false);
    var previous = session && session.conversationId;
    recovering = requestToken(previous)
      .then(function (answer) {
        recovering = null;
        if (answer.busy) return retryLater(recover, answer.waitMs, 'status.busy');
        var resumed = Boolean(previous && answer.conversationId === previous);
        session = {
          conversationId: answer.conversationId,
          token: answer.token,
          expiresAt: Date.now() + answer.expires_in * 1000,
          domain: answer.domain || window.location.origin + '/v3/directline',
          code: code,
        };
        saveSession();
        if (resumed) return resume();
        watermark = '';
        if (previous) setStatus('notice', 'status.restarted');
        return begin();
      })
      .catch(function () {
        recovering = null;
        retryLater(recover, 5000, 'status.offline');
      });
    return recovering;
  }

  /** A new conversation: start it, open its stream and join, the last two at the same time. */
  function begin() {
    var mine = ++generation;
    return directLine('POST', '/conversations', { locale: LOCALE[lang] })
      .then(function (res) {
        if (mine !== generation) return;
        if (res.status === 403 || res.status === 404) return recover();
        if (!res.ok) throw new Error('start answered ' + res.status);
        return res.json().then(function (conversation) {
          if (mine !== generation) return;
          openStream(conversation.streamUrl, mine, false);
          var join = { lang: lang };
          if (code) join.code = code;
          setConnected(true);
          post({ type: 'event', name: EVENTS.join, value: join });
        });
      })
      .catch(function () {
        if (mine === generation) retryLater(begin, 5000, 'status.offline');
      });
  }

  /** The stored (or renewed) conversation: a fresh stream URL, then everything since our watermark. */
  function resume() {
    var mine = ++generation;
    // A page load resumes from the start: that first frame is the history, not news.
    var replay = watermark === '';
    return directLine('GET', '/conversations/' + encodeURIComponent(session.conversationId) + '?watermark=' + encodeURIComponent(watermark))
      .then(function (res) {
        if (mine !== generation) return;
        if (res.status === 403 || res.status === 404) return recover();
        if (!res.ok) throw new Error('resume answered ' + res.status);
        return res.json().then(function (conversation) {
          if (mine !== generation) return;
          openStream(conversation.streamUrl, mine, replay);
          setConnected(true);
        });
      })
      .catch(function () {
        if (mine === generation) retryLater(resume, 5000, 'status.offline');
      });
  }

  /**
   * `replay`: the first frame is the conversation so far (a page load). It only draws the
   * transcript: a language or erasure event in it was acted on when it happened, and screen
   * readers do not read the whole history out.
   */
  function openStream(url, mine, replay) {
    closeStream();
    var historyFrame = replay;
    var ws = new WebSocket(url);
    socket = ws;
    ws.onopen = function () {
      if (mine !== generation) return;
      reconnectDelay = 1000;
      setOnline();
      timers.keepalive = window.setInterval(function () {
        if (ws.readyState === 1) ws.send('');
      }, KEEPALIVE_MS);
    };
    ws.onmessage = function (message) {
      if (mine !== generation || !message.data) return;
      var frame;
      try {
        frame = JSON.parse(message.data);
      } catch (e) {
        return;
      }
      var live = !historyFrame;
      historyFrame = false;
      (frame.activities || []).forEach(function (activity) { receive(activity, live); });
      if (typeof frame.watermark === 'string') watermark = frame.watermark;
    };
    ws.onclose = function () {
      window.clearInterval(timers.keepalive);
      if (mine !== generation || ended) return;
      // Gone: reconnect the same conversation (the server answers 403/404 if that is over).
      window.clearTimeout(timers.reconnect);
      timers.reconnect = window.setTimeout(function () {
        if (mine === generation) resume();
      }, reconnectDelay);
      reconnectDelay = Math.min(reconnectDelay * 2, 15000);
    };
    scheduleRefresh();
  }

  function closeStream() {
    window.clearInterval(timers.keepalive);
    window.clearTimeout(timers.reconnect);
    if (socket) {
      socket.onclose = null;
      socket.close();
      socket = null;
    }
  }

  function setConnected(value) {
    connected = value;
    if (value) {
      var ready = waiters;
      waiters = [];
      ready.forEach(function (fn) { fn(); });
    }
  }

  function whenConnected() {
    return new Promise(function (resolve) {
      if (connected) resolve();
      else waiters.push(resolve);
    });
  }

  /**
   * Posts an activity once connected. A 403 (the token ran out while the tab slept) or 404 (the
   * server forgot the conversation) renews the connection and sends it again, once.
   */
  function post(activity, bubble, retried) {
    return whenConnected().then(function () {
      var body = Object.assign({ from: { id: userId() }, locale: LOCALE[lang] }, activity);
      return directLine('POST', '/conversations/' + encodeURIComponent(session.conversationId) + '/activities', body).then(
        function (res) {
          if ((res.status === 403 || res.status === 404) && !retried) {
            return recover().then(function () { return post(activity, bubble, true); });
          }
          if (!res.ok && res.status < 500 && bubble) markFailed(bubble);
        },
        function () {
          if (bubble) markFailed(bubble);
        },
      );
    });
  }

  function scheduleRefresh() {
    window.clearTimeout(timers.refresh);
    var lifetime = session.expiresAt - Date.now();
    // Halfway through the token's life, as directlinejs does for its own 30-minute tokens.
    timers.refresh = window.setTimeout(refreshToken, Math.max(lifetime / 2, 1000));
  }

  /** Keeps a tab that stays open working: tokens/refresh while the token is still valid. */
  function refreshToken() {
    if (!session || ended) return;
    var mine = generation;
    directLine('POST', '/tokens/refresh')
      .then(function (res) {
        if (mine !== generation) return;
        if (res.status === 403 || res.status === 404) return recover();
        if (!res.ok) throw new Error('refresh answered ' + res.status);
        return res.json().then(function (answer) {
          if (mine !== generation) return;
          session.token = answer.token;
          session.expiresAt = Date.now() + answer.expires_in * 1000;
          saveSession();
          scheduleRefresh();
        });
      })
      .catch(function () {
        timers.refresh = window.setTimeout(refreshToken, 10000);
      });
  }

  // ---- Activities --------------------------------------------------------------------------

  function receive(activity, live) {
    if (activity.id && seen[activity.id]) return;
    if (activity.id) seen[activity.id] = true;
    var fromUser = Boolean(activity.from && activity.from.id === userId());
    if (activity.type === 'typing') {
      if (!fromUser) showTyping();
      return;
    }
    if (activity.type === 'event') {
      if (!fromUser && live) onBotEvent(activity);
      return;
    }
    if (activity.type !== 'message') return;
    var clientId = activity.channelData && activity.channelData.clientActivityID;
    if (fromUser && clientId && pending[clientId]) {
      pending[clientId].removeAttribute('data-pending');
      delete pending[clientId];
      return;
    }
    hideTyping();
    var bubble = addMessage(fromUser ? 'user' : 'bot', activity);
    if (fromUser) return showChoices([]);
    if (live) announce(bubble);
    showChoices((activity.suggestedActions && activity.suggestedActions.actions) || []);
  }

  function onBotEvent(activity) {
    var value = activity.value || {};
    if (activity.name === EVENTS.language) switchLanguage(pickLang(value.lang), false);
    if (activity.name === EVENTS.erased) forgetDevice();
  }

  /**
   * After "verwijder mijn gegevens": this device forgets who it was. The conversation ends, the
   * ids and language choice are gone, and a reload shows an empty chat. Typing again starts a
   * new conversation as a new participant.
   */
  function forgetDevice() {
    ended = true;
    generation += 1;
    closeStream();
    window.clearTimeout(timers.refresh);
    setConnected(false);
    session = null;
    storageSet(KEYS.conversation, null);
    storageSet(KEYS.user, null);
    storageSet(KEYS.lang, null);
    currentUser = null;
    setStatus('notice', 'status.erased');
  }

  function startFresh() {
    ended = false;
    seen = {};
    watermark = '';
    el.list.textContent = '';
    setStatus('connecting', 'status.connecting');
    start();
  }

  function addMessage(sender, activity) {
    var item = document.createElement('li');
    item.className = 'message from-' + sender;
    var who = document.createElement('span');
    who.className = 'visually-hidden';
    who.setAttribute('data-sender', sender);
    who.textContent = t(sender === 'user' ? 'chat.you' : 'chat.bot') + ': ';
    item.appendChild(who);
    var bubble = document.createElement('div');
    bubble.className = 'bubble';
    if (activity.text) bubble.appendChild(renderText(activity.text));
    (activity.attachments || []).forEach(function (attachment) {
      var drawn = renderAttachment(attachment);
      if (drawn) bubble.appendChild(drawn);
    });
    item.appendChild(bubble);
    var when = new Date(activity.timestamp || Date.now());
    if (!isNaN(when.getTime())) {
      var time = document.createElement('time');
      time.setAttribute('datetime', when.toISOString());
      time.textContent = clockTime(when);
      item.appendChild(time);
    }
    el.list.appendChild(item);
    scrollToEnd();
    return bubble;
  }

  /** Once per frame: a replayed history of many messages lays the page out once, not per message. */
  var scrollQueued = false;
  function scrollToEnd() {
    if (scrollQueued) return;
    scrollQueued = true;
    window.requestAnimationFrame(function () {
      scrollQueued = false;
      el.scroller.scrollTop = el.scroller.scrollHeight;
    });
  }

  /**
   * Hours and minutes as both page languages write them (14:05). Not Intl.DateTimeFormat: on a
   * slow phone its first use costs about a quarter of a second, before the first question shows.
   */
  function clockTime(date) {
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    return pad(date.getHours()) + ':' + pad(date.getMinutes());
  }

  /** New bot messages are read out by screen readers; the transcript itself stays quiet. */
  function announce(bubble) {
    var line = document.createElement('p');
    line.textContent = bubble.textContent;
    el.announcer.appendChild(line);
    while (el.announcer.childNodes.length > 3) el.announcer.removeChild(el.announcer.firstChild);
  }

  function showTyping() {
    if (!document.getElementById('typing')) {
      var item = document.createElement('li');
      item.id = 'typing';
      item.className = 'message from-bot typing';
      item.setAttribute('aria-hidden', 'true');
      item.appendChild(document.createElement('span'));
      el.list.appendChild(item);
      scrollToEnd();
    }
    window.clearTimeout(timers.typing);
    timers.typing = window.setTimeout(hideTyping, 8000);
  }

  function hideTyping() {
    var typing = document.getElementById('typing');
    if (typing) typing.parentNode.removeChild(typing);
  }

  // ---- Rendering: line breaks, lists, tel: and web links -------------------------------------

  /** Paragraphs at blank lines, a list for lines that start with a bullet, a line break elsewhere. */
  function renderText(text) {
    var out = document.createDocumentFragment();
    var paragraph = null;
    var list = null;
    String(text).split(/\r?\n/).forEach(function (line) {
      if (!line.trim()) {
        paragraph = null;
        list = null;
        return;
      }
      if (BULLET.test(line)) {
        paragraph = null;
        if (!list) list = out.appendChild(document.createElement('ul'));
        var li = list.appendChild(document.createElement('li'));
        appendInline(li, line.replace(BULLET, ''));
        return;
      }
      list = null;
      if (paragraph) paragraph.appendChild(document.createElement('br'));
      else paragraph = out.appendChild(document.createElement('p'));
      appendInline(paragraph, line);
    });
    return out;
  }

  /** Text with **bold**, web links and phone numbers as tap-to-call links; never parsed as HTML. */
  function appendInline(parent, text) {
    var pattern = INLINE;
    pattern.lastIndex = 0;
    var at = 0;
    var m;
    while ((m = pattern.exec(text))) {
      if (m.index > at) parent.appendChild(document.createTextNode(text.slice(at, m.index)));
      if (m[1] !== undefined) {
        parent.appendChild(document.createElement('strong')).textContent = m[1];
      } else {
        var a = document.createElement('a');
        var phone = m[2] === undefined;
        a.href = phone ? 'tel:' + m[0].replace(/[^\d+]/g, '') : m[2];
        if (!phone) a.rel = 'noopener noreferrer';
        a.textContent = m[0];
        parent.appendChild(a);
      }
      at = m.index + m[0].length;
    }
    if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
  }

  /**
   * Phone numbers: the helplines the server knows (short ones like 113 and 112 included) and any
   * Dutch or Belgian number written with its area or service code (0800-0432, +32 2 345 67 89).
   */
  function phoneRegExp(known) {
    var escaped = known.map(function (n) { return n.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&'); });
    escaped.push('\\+3[12](?:[ -]?\\d){8,9}', '0\\d{2,3}[ -]?\\d{3,4}(?:[ -]?\\d{2,4})?');
    return '(?<![\\w+-])(?:' + escaped.join('|') + ')(?![\\w-])';
  }

  /** The Adaptive Card elements the bot sends (text blocks in containers); else the fallback text. */
  function renderAttachment(attachment) {
    if (attachment.contentType !== CARD_TYPE || !attachment.content) return null;
    var card = document.createElement('div');
    card.className = 'card';
    drawElements(card, attachment.content.body || [], true);
    if (!card.childNodes.length && attachment.content.fallbackText) card.appendChild(renderText(attachment.content.fallbackText));
    return card;
  }

  function drawElements(parent, elements, top) {
    elements.forEach(function (element, i) {
      if (element.type === 'TextBlock') {
        var heading = top && i === 0 && element.weight === 'Bolder';
        var node = document.createElement(heading ? 'h2' : 'div');
        node.className = 'text' + (element.weight === 'Bolder' ? ' bold' : '') + spacing(element);
        node.appendChild(renderText(element.text || ''));
        parent.appendChild(node);
      } else if (element.type === 'Container') {
        var box = parent.appendChild(document.createElement('div'));
        box.className = spacing(element).trim();
        drawElements(box, element.items || [], false);
      } else if (element.type === 'FactSet') {
        var facts = parent.appendChild(document.createElement('dl'));
        (element.facts || []).forEach(function (fact) {
          facts.appendChild(document.createElement('dt')).textContent = fact.title || '';
          facts.appendChild(document.createElement('dd')).textContent = fact.value || '';
        });
      }
    });
  }

  function spacing(element) {
    return ['Medium', 'Large', 'ExtraLarge'].indexOf(element.spacing) >= 0 ? ' spaced' : '';
  }

  // ---- Choices and the send box ------------------------------------------------------------

  function showChoices(actions) {
    var hadFocus = el.choices.contains(document.activeElement);
    el.choices.textContent = '';
    actions.forEach(function (action) {
      if (['imBack', 'postBack', 'messageBack'].indexOf(action.type) < 0) return;
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = action.title || action.displayText || action.text || String(action.value || '');
      button.addEventListener('click', function () { sendChoice(action); });
      el.choices.appendChild(button);
    });
    el.choices.hidden = !el.choices.childNodes.length;
    scrollToEnd();
    if (hadFocus) (el.choices.firstChild || el.input).focus();
  }

  function sendChoice(action) {
    var text = action.type === 'messageBack' ? action.text || action.displayText || '' : String(action.value === undefined ? action.title : action.value);
    var shown = action.type === 'messageBack' ? action.displayText || action.text || action.title : action.title || text;
    el.input.focus();
    sendMessage(text, shown, action.type === 'messageBack' ? action.value : undefined);
  }

  function sendMessage(text, shown, value) {
    if (!text && value === undefined) return;
    if (ended) startFresh();
    if (el.status.getAttribute('data-state') === 'notice') setStatus('online');
    var clientId = 'c_' + randomHex(8);
    var bubble = addMessage('user', { text: shown || text, timestamp: new Date().toISOString() });
    bubble.setAttribute('data-pending', 'true');
    pending[clientId] = bubble;
    showChoices([]);
    var activity = { type: 'message', text: text, channelData: { clientActivityID: clientId } };
    if (value !== undefined) activity.value = value;
    post(activity, bubble);
  }

  function markFailed(bubble) {
    bubble.removeAttribute('data-pending');
    var note = document.createElement('p');
    note.className = 'failed';
    note.textContent = t('chat.notSent');
    bubble.parentNode.appendChild(note);
  }

  el.form.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = el.input.value.trim();
    if (!text) return;
    el.input.value = '';
    sendMessage(text);
  });

  el.langButtons.forEach(function (button) {
    button.addEventListener('click', function () {
      switchLanguage(button.getAttribute('data-lang'), true);
    });
  });

  // Timers barely run in a background tab or on a sleeping phone: check the token on return.
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible' && session && !ended && session.expiresAt - Date.now() < RENEW_MARGIN_MS) {
      window.clearTimeout(timers.refresh);
      refreshToken();
    }
  });

  if (pickLang(params.get('lang'))) storageSet(KEYS.lang, lang);
  if (lang !== boot.lang) applyTexts();
  start();
  // Next time the page opens from the device (sw.js); after loading, so it takes nothing from the first question.
  window.addEventListener('load', function () {
    if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(function () { /* not kept */ });
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
