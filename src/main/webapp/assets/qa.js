'use strict';
// What QA's pages (/lots and /lots/{lotNumber}) share: sign-in, calls to the API with the token, lot status and
// problems in words, and building page elements from API data. Every text from the API goes in as textContent.
window.ExoTraceQa = (function () {
  // The application's root, from this script's own address (…/assets/qa.js), so the pages work at any depth and
  // under any context root.
  const root = new URL('../', document.currentScript.src);
  const $ = (id) => document.getElementById(id);

  const STATUS = {
    QUARANTINED: {en: 'Quarantined: not released yet', ja: '隔離中'},
    RELEASED: {en: 'Released for use', ja: '出荷可'},
    REJECTED: {en: 'Rejected by QA', ja: '不合格'},
    RECALLED: {en: 'Recalled: blocked, patients to notify', ja: '回収'}
  };

  function list(words) {
    return (words || []).join(', ');
  }

  // The API's problem codes in words; the problem's own detail follows on a line of its own.
  const PROBLEMS = {
    QC_INCOMPLETE: (p) => 'Release refused: QC is incomplete. No current result for ' + list(p.assays) + '.',
    QC_FAILED: (p) => 'Release refused: QC failed for ' + list(p.assays) + '.',
    LOT_STATUS_CONFLICT: (p) => 'Not possible while the lot is ' + (p.currentState || 'in its present state') + '.',
    SIGNATURE_REFUSED: () => 'Signature refused: the password is wrong. Nothing was signed.',
    SECOND_SIGNER_REQUIRED: () => 'A second QA user must sign this release.',
    LOT_EXPIRED: () => 'The lot is past its expiry date: it cannot be released.',
    NOT_A_RECIPIENT: () => 'This patient received no vial of this lot.',
    FORBIDDEN: () => 'Not allowed: your account does not have the role this needs (QA).',
    UNAUTHENTICATED: () => 'Your session has ended. Sign in again.',
    NOT_FOUND: () => 'Not found.',
    LOT_AMBIGUOUS: () => 'Several products share this lot number.',
    VALIDATION_FAILED: () => 'Some of what was entered is not accepted.',
    MALFORMED_JSON: () => 'The request could not be read.'
  };

  const session = window.ExoTraceSignIn;
  const token = session.token;
  const userName = session.userName;

  function url(path) {
    return new URL(path, root).toString();
  }

  /**
   * Calls the API: {status, ok, body, blob}. JSON (and problem+json) answers are parsed; with asBlob the body is a Blob.
   * No answer at all is status 0 with a problem in words. 401 signs the page out.
   */
  async function call(path, options) {
    const o = options || {};
    const headers = Object.assign({Accept: 'application/json', Authorization: 'Bearer ' + token()}, o.headers || {});
    if (o.json !== undefined) headers['Content-Type'] = 'application/json';
    let reply;
    try {
      reply = await fetch(url(path), {method: o.method || 'GET', headers, body: o.json === undefined ? undefined : JSON.stringify(o.json)});
    } catch (e) {
      return {status: 0, ok: false, body: {detail: 'No answer from the server. Check the network and try again.'}};
    }
    if (reply.status === 401) signedOut('Your session has ended. Sign in again.');
    const type = reply.headers.get('Content-Type') || '';
    if (o.asBlob && reply.ok) return {status: reply.status, ok: true, type, blob: await reply.blob()};
    const body = type.includes('json') ? await reply.json().catch(() => ({})) : {};
    return {status: reply.status, ok: reply.ok, type, body};
  }

  let onSignedIn = () => {};

  function show(signedIn) {
    $('signin').hidden = signedIn;
    $('content').hidden = !signedIn;
    $('signout').hidden = !signedIn;
    $('who').textContent = signedIn ? userName() : '';
    if (!signedIn) $('username').focus();
  }

  function signedOut(message) {
    session.forget();
    show(false);
    $('signin-error').textContent = message || '';
  }

  /** Wires the sign-in form and the sign-out button; calls load now when signed in, and after each sign-in. */
  function start(load) {
    onSignedIn = load;
    session.bind(() => 'en', () => { show(true); onSignedIn(); });
    $('signout').addEventListener('click', () => { session.signOut(); show(false); });
    show(Boolean(token()));
    if (token()) load();
  }

  /** A new element with text (never parsed as HTML) and a class. */
  function el(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (className) e.className = className;
    return e;
  }

  /** A lot status in colour and words: "RELEASED · 出荷可", with the English meaning as its title. */
  function statusBadge(status) {
    const words = STATUS[status];
    const badge = el('span', words ? status + ' · ' + words.ja : status, 'status status-' + String(status).toLowerCase());
    if (words) badge.title = words.en;
    badge.dataset.status = status;
    return badge;
  }

  /** The lines that say what went wrong: the code in words, named assays, offending fields, the server's detail. */
  function problemLines(reply) {
    const p = reply.body || {};
    const lines = [];
    const words = PROBLEMS[p.code];
    lines.push(words ? words(p) : (p.title || 'The server could not do this') + (reply.status ? ' (' + reply.status + ').' : '.'));
    for (const e of p.errors || []) lines.push(e.field + ': ' + e.message);
    for (const r of p.reasons || []) lines.push(r);
    if (p.detail) lines.push(p.detail);
    return lines;
  }

  /** Shows a message in box: kind is ok, problem or notice; lines are plain text. */
  function say(box, kind, lines) {
    box.replaceChildren(...lines.map((line, i) => el('p', line, i === 0 ? 'headline' : '')));
    box.className = 'message ' + kind;
    box.hidden = lines.length === 0;
  }

  function sayProblem(box, reply) {
    say(box, 'problem', problemLines(reply));
    if ((reply.body || {}).code) box.dataset.code = reply.body.code;
  }

  /** A table row of cells; a cell is text, or an element put in as it is. */
  function row(cells) {
    const tr = document.createElement('tr');
    for (const cell of cells) {
      const td = document.createElement('td');
      if (cell instanceof Node) td.appendChild(cell); else td.textContent = cell === null || cell === undefined ? '' : String(cell);
      tr.appendChild(td);
    }
    return tr;
  }

  /** An instant as the browser's local date and time, to the minute. */
  function when(instant) {
    if (!instant) return '';
    const d = new Date(instant);
    const two = (n) => String(n).padStart(2, '0');
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + ' ' + two(d.getHours()) + ':' + two(d.getMinutes());
  }

  return {$, call, start, el, statusBadge, problemLines, say, sayProblem, row, when, url, STATUS: Object.keys(STATUS)};
})();
