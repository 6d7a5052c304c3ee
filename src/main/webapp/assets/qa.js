'use strict';
// What the inventory and QA pages (/stock, /lots, /lots/{lotNumber}) share: sign-in and who is signed in, calls to the
// API with the token, lot status and problems in words (Japanese or English, assets/words.js), messages that are
// written again in the other language after a switch, and building page elements from API data. Every text from the
// API goes in as textContent. Signing out, and any 401 or 403, empty the page's data (its clear()): nothing of one
// user's view is left for the next. A page with an element #attention shows the temperature excursion banner
// (attention below, ADR 0047).
window.ExoTraceQa = (function () {
  // The application's root, from this script's own address (…/assets/qa.js), so the pages work at any depth and
  // under any context root.
  const root = new URL('../', document.currentScript.src);
  const $ = (id) => document.getElementById(id);
  const words = window.ExoTraceWords;
  const t = words.t;
  const session = window.ExoTraceSignIn;
  const token = session.token;

  const STATUS = ['QUARANTINED', 'RELEASED', 'REJECTED', 'RECALLED'];
  const UNUSABLE = ['QUARANTINED', 'REJECTED', 'RECALLED'];

  // The words these pages share; a page's own dictionary is merged over them.
  const WORDS = {
    QUARANTINED: {en: 'Awaiting release (not usable)', ja: '出荷判定前（使用不可）'},
    RELEASED: {en: 'Released for use', ja: '出荷可'},
    REJECTED: {en: 'Rejected (not usable)', ja: '不合格（使用不可）'},
    RECALLED: {en: 'Recalled (not usable)', ja: '回収（使用不可）'},
    IN_STOCK: {en: 'in stock', ja: '在庫'},
    ADMINISTERED: {en: 'given', ja: '投与済み'},
    DISPENSED: {en: 'dispensed', ja: '払出済み'},
    WASTED: {en: 'wasted', ja: '廃棄'},
    CORD_BLOOD: {en: 'Cord blood', ja: '臍帯血'},
    ADIPOSE: {en: 'Adipose tissue', ja: '脂肪組織'},
    DENTAL_PULP: {en: 'Dental pulp', ja: '歯髄'},
    BONE_MARROW: {en: 'Bone marrow', ja: '骨髄'},
    UMBILICAL_CORD: {en: 'Umbilical cord', ja: '臍帯'},
    cpc: {en: 'CPC', ja: 'CPC'},
    donorSource: {en: 'Donor source', ja: '由来'},
    manufactured: {en: 'Manufactured', ja: '製造日'},
    received: {en: 'Received', ja: '受入'},
    receivedBy: {en: '{at} by {by}', ja: '{at}　担当：{by}'},
    location: {en: 'Location', ja: '保管場所'},
    state: {en: 'State', ja: '状態'},
    sections: {en: 'Sections', ja: 'セクション'},
    doNotUse: {en: 'Do not use – set aside', ja: '使用禁止・取り分け'},
    expired: {en: 'Expired', ja: '期限切れ'},
    expiresSoon: {en: 'Expires soon', ja: '期限間近'},
    // results of an assay (the lot page's QC, the administration page's specification)
    unit: {en: 'Unit', ja: '単位'},
    NEGATIVE: {en: 'Negative', ja: '陰性'},
    POSITIVE: {en: 'Positive', ja: '陽性'},
    CONFORMS: {en: 'Conforms', ja: '適合'},
    DOES_NOT_CONFORM: {en: 'Does not conform', ja: '不適合'},
    timesIn: {en: 'Times are in {zone}.', ja: '時刻は {zone} で表示しています。'},
    noAnswer: {en: 'No answer from the server. Check the network and try again.', ja: 'サーバーから応答がありません。ネットワークを確認して、もう一度お試しください。'},
    failedStatus: {en: 'The server could not do this ({status}).', ja: 'サーバーが処理できませんでした（{status}）。'},
    QC_INCOMPLETE: {en: 'Release refused: QC is incomplete. No current result for {assays}.', ja: '出荷判定できません：QCが未完了です。現在の結果がない試験：{assays}'},
    QC_FAILED: {en: 'Release refused: QC failed for {assays}.', ja: '出荷判定できません：QC不適合の試験：{assays}'},
    LOT_STATUS_CONFLICT: {en: 'Not possible while the lot is {state}.', ja: 'ロットが「{state}」の間はできません。'},
    SIGNER_IS_ADMIN: {en: 'An ADMIN account may not sign a release.', ja: '管理者（ADMIN）アカウントは出荷判定に署名できません。'},
    SECOND_SIGNER_REQUIRED: {en: 'A second QA user must sign this release.', ja: 'この出荷判定には、別のQA担当者の署名が必要です。'},
    LOT_EXPIRED: {en: 'The lot is past its expiry date: it cannot be released.', ja: 'このロットは有効期限切れのため、出荷判定できません。'},
    NOT_A_RECIPIENT: {en: 'This patient received no vial of this lot.', ja: 'この患者はこのロットのバイアルを受けていません。'},
    FORBIDDEN: {en: 'Not allowed: your account does not have the role this needs.', ja: '権限がありません：このアカウントにはこの操作に必要な役割がありません。'},
    UNAUTHENTICATED: {en: 'Your session has ended. Sign in again.', ja: 'セッションが終了しました。もう一度サインインしてください。'},
    NOT_FOUND: {en: 'Not found.', ja: '見つかりません。'},
    LOT_AMBIGUOUS: {en: 'Several products share this lot number.', ja: '複数の製品がこのロット番号を使っています。'},
    VALIDATION_FAILED: {en: 'Some of what was entered is not accepted.', ja: '入力内容の一部が受け付けられません。'},
    MALFORMED_JSON: {en: 'The request could not be read.', ja: '要求を読み取れませんでした。'},
    RESULT_EXISTS: {en: 'This assay already has a current result: correct that result (with a reason) instead.', ja: 'この試験にはすでに現在の結果があります。新規入力ではなく、その結果を訂正（理由を記入）してください。'},
    RESULT_SUPERSEDED: {en: 'That result has already been corrected: correct the current one.', ja: 'その結果はすでに訂正されています。現在の結果を訂正してください。'},
    UNIT_MISMATCH: {en: 'The unit is not the specification\'s unit.', ja: '単位が規格の単位と異なります。'},
    RESULT_KIND_MISMATCH: {en: 'This assay takes the other kind of result (a value, or an outcome).', ja: 'この試験の結果の種類（数値か判定）が違います。'},
    ASSAY_NOT_SPECIFIED: {en: 'The product\'s specification does not require this assay.', ja: 'この製品の規格にはこの試験がありません。'},
    UNKNOWN_RESULT: {en: 'The corrected result is not a result of this lot.', ja: '訂正対象の結果はこのロットのものではありません。'},
    VALUE_OUT_OF_RANGE: {en: 'The value has too many digits.', ja: '数値の桁数が多すぎます。'},
    NEGATIVE_VALUE: {en: 'The value may not be below zero.', ja: '数値を0未満にはできません。'},
    PAYLOAD_TOO_LARGE: {en: 'The file is too large.', ja: 'ファイルが大きすぎます。'},
    // the temperature excursion banner and the places' pages (ADR 0047)
    placesLink: {en: 'Storage places', ja: '保管場所'},
    stockLink: {en: 'Stock on hand', ja: '在庫'},
    FREEZER: {en: 'Freezer', ja: '冷凍庫'},
    REFRIGERATOR: {en: 'Refrigerator', ja: '冷蔵庫'},
    ROOM: {en: 'Room', ja: '室温'},
    rangeC: {en: '{min} to {max} °C', ja: '{min} ～ {max} °C'},
    minutes: {en: '{n} min', ja: '{n}分'},
    kind: {en: 'Kind', ja: '種類'},
    range: {en: 'Allowed range', ja: '許容範囲'},
    maxGap: {en: 'Longest silence of its loggers', ja: 'ロガーの最大無記録時間'},
    notRegistered: {en: 'In use, no temperature range registered', ja: '使用中（温度範囲の登録なし）'},
    excursionBanner: {en: 'Temperature excursion', ja: '温度逸脱'},
    OUT_OF_RANGE: {en: 'temperature out of range', ja: '温度が許容範囲外'},
    NO_READINGS: {en: 'no readings from the logger', ja: 'ロガーからの記録なし'},
    excursionOpen: {en: 'still open', ja: '継続中'},
    excursionEnded: {en: 'ended {at}', ja: '{at} に終了'},
    excursionSince: {en: 'since {at}', ja: '{at} から'},
    vialsHeld: {en: '{n} vial(s) on hold', ja: '保留中のバイアル {n}本'},
    noVialsHeld: {en: 'no vial on hold', ja: '保留中のバイアルなし'},
    placePage: {en: 'Open {place}', ja: '{place} を開く'},
    moreExcursions: {en: '{n} more: all places', ja: 'ほか {n}件：保管場所の一覧'},
    UNSUPPORTED_MEDIA_TYPE: {en: 'This kind of file is not accepted.', ja: 'この種類のファイルは受け付けられません。'}
  };

  function url(path) {
    return new URL(path, root).toString();
  }

  let page = {load: () => {}, clear: () => {}};

  /**
   * Calls the API: {status, ok, body, blob}. JSON (and problem+json) answers are parsed; with asBlob the body is a Blob;
   * text sends a body as it is (with its Content-Type in headers). No answer at all is status 0. 401 signs the page
   * out (and so empties the page's data); a page empties its data itself on a 403 (forbidden()).
   */
  async function call(path, options) {
    const o = options || {};
    const headers = Object.assign({Accept: 'application/json', Authorization: 'Bearer ' + token()}, o.headers || {});
    if (o.json !== undefined) headers['Content-Type'] = 'application/json';
    const body = o.json !== undefined ? JSON.stringify(o.json) : o.text;
    let reply;
    try {
      reply = await fetch(url(path), {method: o.method || 'GET', headers, body});
    } catch (e) {
      return {status: 0, ok: false, body: {}};
    }
    if (reply.status === 401) signedOut();
    const type = reply.headers.get('Content-Type') || '';
    if (o.asBlob && reply.ok) return {status: reply.status, ok: true, type, blob: await reply.blob()};
    const answer = type.includes('json') ? await reply.json().catch(() => ({})) : {};
    return {status: reply.status, ok: reply.ok, type, body: answer};
  }

  /**
   * Every item of a paged list (GET path?page&size, {items, total}), read 500 at a time: the page's reply with all the
   * items in body.items, or the first reply that was refused.
   */
  async function every(path) {
    const items = [];
    for (let p = 0; ; p++) {
      const reply = await call(path + (path.includes('?') ? '&' : '?') + 'size=500&page=' + p);
      if (!reply.ok) return reply;
      items.push(...reply.body.items);
      if (reply.body.items.length === 0 || items.length >= reply.body.total) return {status: reply.status, ok: true, body: {items}};
    }
  }

  function roles() {
    return session.roles();
  }

  function hasRole(role) {
    return roles().includes(role);
  }

  function showWho() {
    const name = session.userName();
    $('who').textContent = token() && name ? t('signedInAs', {user: name + (roles().length ? ' (' + roles().join(', ') + ')' : '')}) : '';
  }

  function show(signedIn) {
    if (!signedIn) {
      page.clear();
      for (const box of messages) unsay(box);
      attention.stop();
    }
    $('signin').hidden = signedIn;
    $('content').hidden = !signedIn;
    $('signout').hidden = !signedIn;
    showWho();
    if (!signedIn) $('username').focus();
  }

  // The temperature excursion banner (ADR 0047): what GET api/locations/excursions answers, polled every
  // attentionPollSeconds of GET api/clinic (30 s) and whenever the page comes back into view, shown in #attention
  // (role=status: announced politely, never taking the focus), open excursions first, newest first. Stops and empties on
  // sign-out, a 401 or a 403; offered to INVENTORY and QA only.
  const attention = (function () {
    const SHOWN = 3;
    let items = null;
    let timer = null;
    let every = 30;
    let seq = 0;
    let written = '';
    const listeners = [];

    function box() {
      return $('attention');
    }

    function stop() {
      seq++;
      clearTimeout(timer);
      timer = null;
      items = null;
      render();
    }

    async function poll() {
      if (!box() || !token() || !(hasRole('INVENTORY') || hasRole('QA'))) return;
      const mine = ++seq;
      clearTimeout(timer);
      const reply = await call('api/locations/excursions');
      if (mine !== seq) return;
      if (reply.status === 401 || reply.status === 403) {
        stop();
        return;
      }
      if (reply.ok) {
        items = reply.body.items || [];
        render();
      }
      timer = setTimeout(poll, every * 1000); // an answer that never came is asked again at the next turn
    }

    function start(seconds) {
      if (seconds > 0) every = seconds;
      poll();
    }

    function line(x) {
      const li = el('li');
      li.dataset.place = x.placeCode;
      li.dataset.kind = x.kind;
      li.className = x.endedAt ? 'ended' : 'open';
      li.append(el('strong', x.placeCode + ' ' + x.placeName), ': ', word(x.kind), ' · ', t('excursionSince', {at: words.when(x.startedAt)}),
        ' · ', x.endedAt ? t('excursionEnded', {at: words.when(x.endedAt)}) : el('strong', t('excursionOpen')), ' · ',
        x.heldVials > 0 ? t('vialsHeld', {n: x.heldVials}) : t('noVialsHeld'), ' ');
      const link = el('a', t('placePage', {place: x.placeCode}));
      link.href = url('places/' + encodeURIComponent(x.placeCode));
      li.append(link);
      return li;
    }

    function render() {
      const b = box();
      if (!b) return;
      const list = (items || []).slice().sort((a, c) => (a.endedAt ? 1 : 0) - (c.endedAt ? 1 : 0)
        || String(c.startedAt).localeCompare(String(a.startedAt)));
      // written again only when what it says changes, so that a poll does not announce the same words again
      const key = words.lang() + words.zone() + JSON.stringify(list);
      if (key === written) return;
      written = key;
      if (list.length === 0) {
        b.replaceChildren();
      } else {
        const inner = el('div', null, 'attention ' + (list.some((x) => !x.endedAt) ? 'attention-open' : 'attention-ended'));
        const ul = el('ul');
        ul.append(...list.slice(0, SHOWN).map(line));
        inner.append(el('p', t('excursionBanner') + ' (' + list.length + ')', 'headline'), ul);
        if (list.length > SHOWN) {
          const more = el('a', t('moreExcursions', {n: list.length - SHOWN}));
          more.href = url('places');
          const p = el('p');
          p.append(more);
          inner.append(p);
        }
        b.replaceChildren(inner);
      }
      for (const listen of listeners) listen(items);
    }

    window.addEventListener('focus', () => { if (timer) poll(); });
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible' && timer) poll(); });

    return {start, stop, poll, render, latest: () => items, listen: (f) => listeners.push(f)};
  })();

  function signedOut() {
    session.forget();
    show(false);
    $('signin-error').textContent = t('signInAgain');
  }

  /** The clinic's time zone (GET api/clinic): every time on the page is shown in it, and the page says so. */
  async function learnZone() {
    const reply = await call('api/clinic');
    if (reply.ok && reply.body.clinicTimeZone) words.zone(reply.body.clinicTimeZone);
    if (reply.ok) attention.start(reply.body.attentionPollSeconds);
    const note = $('zone');
    if (note) note.textContent = t('timesIn', {zone: words.zone()});
  }

  /**
   * Wires the sign-in form, the sign-out button and the language; load runs now when signed in, and after each
   * sign-in; clear empties every piece of the page's data (sign-out, 401, 403); render writes the data again in the
   * other language.
   */
  function start(dictionary, handlers) {
    page = Object.assign({load: () => {}, clear: () => {}, render: () => {}}, handlers);
    words.use(Object.assign({}, WORDS, dictionary), () => { showWho(); rewriteMessages(); page.render(); learnZoneNote(); attention.render(); });
    session.bind(words.lang, () => { show(true); begin(); });
    $('signout').addEventListener('click', () => { session.signOut(); show(false); $('signin-error').textContent = ''; });
    show(Boolean(token()));
    if (token()) begin();
  }

  async function begin() {
    await learnZone();
    if (token()) page.load(); // a session that had ended is signed out by now
  }

  function learnZoneNote() {
    const note = $('zone');
    if (note && token()) note.textContent = t('timesIn', {zone: words.zone()});
  }

  /** A new element with text (never parsed as HTML) and a class. */
  function el(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (className) e.className = className;
    return e;
  }

  /** A lot status in colour and words ("出荷判定前（使用不可）"), the code kept in data-status. */
  function statusBadge(status) {
    const badge = el('span', words.has(status) ? t(status) : status, 'status status-' + String(status).toLowerCase());
    badge.dataset.status = status;
    return badge;
  }

  /** A code of the API in words when there are words for it, else the code itself. */
  function word(code) {
    return code && words.has(code) ? t(code) : (code || '');
  }

  function list(codes) {
    return (codes || []).join(', ');
  }

  /** The lines that say what went wrong: the code in words, named assays, offending fields, the server's detail. */
  function problemLines(reply) {
    const p = reply.body || {};
    if (reply.status === 0) return [t('noAnswer')];
    const lines = [];
    if (p.code && words.has(p.code)) {
      lines.push(t(p.code, {assays: list(p.assays), state: p.currentState ? word(p.currentState) : '—'}));
    } else {
      lines.push(t('failedStatus', {status: reply.status}));
    }
    for (const e of p.errors || []) lines.push({en: e.field + ': ' + e.message});
    for (const r of p.reasons || []) lines.push({en: r});
    if (p.detail) lines.push({en: p.detail});
    return lines;
  }

  // A message box keeps what makes its lines, so that a switch of language writes them again.
  const messages = new Set();

  function writeMessage(box) {
    const lines = box.exotraceLines();
    box.replaceChildren(...lines.map((line, i) => {
      const p = el('p', typeof line === 'string' ? line : line.en, i === 0 ? 'headline' : '');
      if (typeof line !== 'string') p.lang = 'en'; // the server's own English
      return p;
    }));
    for (const extra of box.exotraceExtra || []) box.appendChild(extra());
    box.hidden = lines.length === 0;
  }

  function rewriteMessages() {
    for (const box of messages) if (!box.hidden && box.exotraceLines) writeMessage(box);
  }

  /**
   * Shows a message in box: kind is ok, problem or notice; lines() makes its lines (plain text, or {en} for the server's
   * English), again after a switch of language; extra are makers of elements put after the lines.
   */
  function say(box, kind, lines, extra) {
    box.exotraceLines = typeof lines === 'function' ? lines : () => lines;
    box.exotraceExtra = extra || [];
    box.className = 'message ' + kind;
    delete box.dataset.code;
    messages.add(box);
    writeMessage(box);
  }

  function sayProblem(box, reply) {
    say(box, 'problem', () => problemLines(reply));
    if ((reply.body || {}).code) box.dataset.code = reply.body.code;
  }

  function unsay(box) {
    box.hidden = true;
    box.replaceChildren();
    messages.delete(box);
  }

  /** Fills a select with options ([value, text] pairs), the value chosen before kept when it is still offered. */
  function options(select, pairs) {
    const keep = select.value;
    select.replaceChildren(...pairs.map(([value, text]) => new Option(text, value)));
    if (pairs.some(([value]) => value === keep)) select.value = keep;
  }

  /**
   * Offers a file fetched with the token (a plain link would carry none) from its blob as this link's download, the
   * link's blob before let go: the blob's address.
   */
  function offer(link, blob, file) {
    if (link.href.startsWith('blob:')) URL.revokeObjectURL(link.href);
    link.href = URL.createObjectURL(blob);
    link.download = file;
    link.hidden = false;
    return link.href;
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

  /**
   * The answer to a page's action: true when it was refused, said at the top (#problem) with any success message
   * (#action-result) taken away; a role refusal (403) empties the page's data first. A 401 has signed the page out.
   */
  function refused(reply) {
    if (reply.ok) return false;
    if (reply.status === 401) return true;
    if (forbidden(reply)) page.clear();
    const result = $('action-result');
    if (result) unsay(result);
    sayProblem($('problem'), reply);
    $('problem').scrollIntoView({block: 'nearest'});
    return true;
  }

  /** An action done: its words in #action-result, in the page's language (again after a switch), the top's problem gone. */
  function done(key, params) {
    unsay($('problem'));
    say($('action-result'), 'ok', () => [t(key, params)]);
  }

  /** The account may not do this (a role refusal, not a refused signature, also 403): the page then shows nothing of its data. */
  function forbidden(reply) {
    return reply.status === 403 && (!reply.body || !reply.body.code || reply.body.code === 'FORBIDDEN');
  }

  /** A lot expired: today (in the clinic's zone) is after its expiry date, as the server judges it. */
  function expired(expiresOn, today) {
    return Boolean(expiresOn) && expiresOn < (today || words.today());
  }

  return {$, t, call, every, refused, attention, done, start, el, statusBadge, word, problemLines, say, sayProblem, unsay, options, offer, row, url, roles, hasRole, expired, forbidden,
    when: words.when, counts: words.counts, STATUS, UNUSABLE};
})();
