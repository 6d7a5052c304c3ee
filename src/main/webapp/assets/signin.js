'use strict';
// Signing in and out, shared by every page: the page's form #signin (#username, #password, #signin-error, written here) posts
// POST api/auth/token. A password an ADMIN set is temporary (403 PASSWORD_CHANGE_REQUIRED, ADR 0028): the form then
// asks for the user's own, twice, and posts POST api/auth/password, which answers the token. Sign-out revokes the
// user's tokens on the server (POST api/auth/sign-out) and forgets the tab's. The token lives in sessionStorage.
window.ExoTraceSignIn = (function () {
  const tokenKey = 'exotrace.token';
  const root = new URL('../', document.currentScript.src);
  const $ = (id) => document.getElementById(id);

  const WORDS = {
    failed: {en: 'Sign-in failed: unknown user or wrong password.', ja: 'サインインできません：ユーザー名またはパスワードが違います。'},
    locked: {en: 'Sign-in is locked after repeated failures: try again in {s} s, or ask an ADMIN.', ja: 'サインインの失敗が続いたためロックされています：{s}秒後に再試行するか、管理者に連絡してください。'},
    network: {en: 'No answer from the server. Try again.', ja: 'サーバーから応答がありません。もう一度お試しください。'},
    offline: {en: 'This device is offline: not signed in. Check the network (Wi-Fi) and try again.',
      ja: 'この端末はオフラインのため、サインインできません。ネットワーク（Wi-Fi）を確認して、もう一度お試しください。'},
    changeRequired: {
      en: 'Your password was set by an administrator. Choose your own password to continue.',
      ja: 'このパスワードは管理者が設定したものです。続けるには、ご自身のパスワードを決めてください。'
    },
    newPassword: {en: 'Your new password', ja: '新しいパスワード'},
    newPasswordAgain: {en: 'The new password again', ja: '新しいパスワード（確認）'},
    mismatch: {en: 'The two new passwords differ.', ja: '2つの新しいパスワードが一致しません。'},
    refused: {en: 'This password cannot be used: {why}', ja: 'このパスワードは使えません：{why}'}
  };

  let lang = () => 'en';
  let onSignedIn = () => {};

  function t(key, params) {
    let text = WORDS[key][lang()] || WORDS[key].en;
    for (const [name, value] of Object.entries(params || {})) text = text.split('{' + name + '}').join(value);
    return text;
  }

  function token() {
    return sessionStorage.getItem(tokenKey);
  }

  function claims() {
    try {
      const part = token().split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0))));
    } catch (e) {
      return {};
    }
  }

  /** The signed-in user's name, from the token's claims. */
  function userName() {
    const c = claims();
    return c.upn || c.preferred_username || c.sub || '';
  }

  /** The signed-in user's roles (the token's groups): what a page offers; the server decides what it allows. */
  function roles() {
    return Array.isArray(claims().groups) ? claims().groups : [];
  }

  /** An element with attributes (true: present, as hidden and required) and children. */
  function make(tag, attributes, ...children) {
    const e = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) e.setAttribute(name, value === true ? '' : value);
    e.append(...children);
    return e;
  }

  /** A labelled field; its word's key in data-words (the page's words) or data-signin-words (this module's). */
  function labelled(words, input) {
    return make('label', {}, make('span', words), ' ', make('input', input));
  }

  function field(id, key) {
    return labelled({'data-signin-words': key}, {id, type: 'password', autocomplete: 'new-password'});
  }

  // What every staff page has, written here once: in the header's .bar (after the page's own links) who is signed in,
  // the JA/EN switch and sign-out; and the sign-in form #signin. A page leaves them out of its HTML; the words module
  // writes their words (data-words), as it does the page's own.
  (function scaffold() {
    const bar = document.querySelector('header .bar');
    if (bar && !$('who')) {
      bar.append(make('span', {id: 'who'}),
        make('span', {class: 'langs', role: 'group', 'data-words-label': 'languages'},
          make('button', {id: 'lang-ja', type: 'button', lang: 'ja'}, 'JA 日本語'), ' ',
          make('button', {id: 'lang-en', type: 'button', lang: 'en'}, 'EN English')),
        make('button', {id: 'signout', type: 'button', hidden: true, 'data-words': 'signOut'}));
    }
    const form = $('signin');
    if (form && !form.children.length) {
      form.append(make('h2', {'data-words': 'signIn'}),
        labelled({'data-words': 'username'}, {id: 'username', autocomplete: 'username', required: true}),
        labelled({'data-words': 'password'}, {id: 'password', type: 'password', autocomplete: 'current-password', required: true}),
        make('button', {type: 'submit', 'data-words': 'signIn'}),
        make('p', {id: 'signin-error', class: 'error', role: 'alert'}));
    }
  })();

  // The fields for the user's own password, hidden until the server asks for it.
  function changeFields() {
    let box = $('signin-new');
    if (box) return box;
    box = document.createElement('div');
    box.id = 'signin-new';
    box.hidden = true;
    box.append(field('new-password', 'newPassword'), field('new-password-again', 'newPasswordAgain'));
    $('signin').insertBefore(box, $('signin').querySelector('button[type="submit"], button:not([type])'));
    return box;
  }

  /** Writes the module's words in the page's language again (after a JA/EN switch). */
  function applyWords() {
    for (const e of document.querySelectorAll('[data-signin-words]')) e.textContent = t(e.dataset.signinWords);
  }

  async function post(path, body) {
    return fetch(new URL(path, root), {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
  }

  function say(text) {
    $('signin-error').textContent = text;
  }

  async function submit(event) {
    event.preventDefault();
    say('');
    const box = changeFields();
    const username = $('username').value;
    const password = $('password').value;
    let reply;
    try {
      if (box.hidden) {
        reply = await post('api/auth/token', {username, password});
      } else {
        if ($('new-password').value !== $('new-password-again').value) { say(t('mismatch')); $('new-password-again').focus(); return; }
        reply = await post('api/auth/password', {username, password, newPassword: $('new-password').value});
      }
    } catch (e) {
      say(t(navigator.onLine === false ? 'offline' : 'network'));
      return;
    }
    const body = await reply.json().catch(() => ({}));
    if (reply.ok && body.access_token) {
      sessionStorage.setItem(tokenKey, body.access_token);
      for (const id of ['username', 'password', 'new-password', 'new-password-again']) $(id).value = '';
      box.hidden = true;
      onSignedIn();
    } else if (reply.status === 403 && body.code === 'PASSWORD_CHANGE_REQUIRED') {
      box.hidden = false;
      for (const id of ['new-password', 'new-password-again']) $(id).required = true;
      say(t('changeRequired'));
      $('new-password').focus();
    } else if (reply.status === 429) {
      say(t('locked', {s: reply.headers.get('Retry-After') || '?'}));
    } else if (!box.hidden && (reply.status === 422 || reply.status === 400)) {
      const why = (body.errors || []).map((e) => e.message).join('; ') || body.detail || '';
      say(t('refused', {why}));
      $('new-password').focus();
    } else {
      say(t('failed'));
    }
  }

  /**
   * Wires the page's #signin form. {@code language} tells the page's language ('ja' or 'en'); {@code signedIn} runs
   * after each sign-in, with the token stored.
   */
  function bind(language, signedIn) {
    lang = language;
    onSignedIn = signedIn;
    changeFields();
    applyWords();
    $('signin').addEventListener('submit', submit);
  }

  /** Forgets the tab's token and revokes the user's tokens on the server (an answer that never comes changes nothing here). */
  function signOut() {
    const current = token();
    sessionStorage.removeItem(tokenKey);
    if (current) {
      fetch(new URL('api/auth/sign-out', root), {method: 'POST', headers: {Authorization: 'Bearer ' + current}}).catch(() => {});
    }
  }

  /** Forgets the tab's token only (the server said it is no longer valid). */
  function forget() {
    sessionStorage.removeItem(tokenKey);
  }

  return {token, userName, roles, bind, applyWords, signOut, forget};
})();
