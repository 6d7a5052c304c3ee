'use strict';
// The nurse's scan station: sign in, enter the patient id, scan a vial (POST /api/scans), see the verdict
// at once, record the dose (POST /api/administrations) or hand out a home-use product (POST /api/dispenses).
// The barcode field keeps the focus. A keyboard-wedge scanner types the code and Enter; Enter in the empty
// barcode field records the vial scanned last (only when its verdict is OK).
(function () {
  const $ = (id) => document.getElementById(id);
  const tokenKey = 'exotrace.token';
  const langKey = 'exotrace.lang';
  const GS = '\u001d';
  const ROUTES = ['IV_DRIP', 'INJECTION', 'NASAL', 'EYE_DROP'];
  const SITES = ['FACE', 'SCALP', 'JOINT', 'INTRAMUSCULAR', 'SUBCUTANEOUS', 'OTHER'];
  const PURPOSES = ['THERAPY', 'COSMETIC', 'WELLNESS'];

  // Every word the page shows, keyed by the API's reason word or a key of the page's own.
  const WORDS = {
    BARCODE_INVALID: {
      en: 'The barcode cannot be read as a GS1 label (unreadable, wrong check digit or impossible date). Scan again or type the code.',
      ja: 'バーコードをGS1ラベルとして読み取れません（読取不良、チェックデジット誤り、または存在しない日付）。もう一度スキャンするか、コードを入力してください。'
    },
    UNKNOWN_VIAL: {
      en: 'This vial is not registered in ExoTrace. Do not use it; hand it to inventory.',
      ja: 'このバイアルはExoTraceに登録されていません。使用せず、在庫管理担当に渡してください。'
    },
    LABEL_MISMATCH: {
      en: 'The lot number or expiry date on the label differs from the record. Do not use it; report to QA.',
      ja: 'ラベルのロット番号または有効期限が記録と一致しません。使用せず、品質保証（QA）に報告してください。'
    },
    LOT_QUARANTINED: {en: 'The lot is in quarantine: QA has not released it.', ja: 'このロットは隔離中です（QAの出荷判定前）。'},
    LOT_REJECTED: {en: 'The lot was rejected by QA.', ja: 'このロットはQAにより不合格とされました。'},
    LOT_RECALLED: {en: 'The lot has been recalled.', ja: 'このロットは回収対象です。'},
    EXPIRED: {en: 'The vial is past its expiry date.', ja: 'このバイアルは有効期限切れです。'},
    ALREADY_USED: {
      en: 'This vial has already been used (given, dispensed or discarded).',
      ja: 'このバイアルは使用済みです（投与済み、払出済み、または廃棄済み）。'
    },
    ROUTE_NOT_ALLOWED: {en: 'This product may not be given by the chosen route.', ja: 'この製品は選択した投与経路では使用できません。'},
    EXPIRES_SOON: {en: 'Expires soon.', ja: 'まもなく有効期限が切れます。'},
    NOT_FIRST_EXPIRY: {
      en: 'A vial of this product that expires earlier is on hand here: use that one first if you can.',
      ja: '同じ製品で有効期限がより早いバイアルがこの場所にあります。可能ならそちらを先に使ってください。'
    },
    VIAL_BLOCKED: {en: 'The vial is blocked.', ja: 'このバイアルは使用できません。'},
    IV_DRIP: {en: 'IV drip', ja: '点滴静注'},
    INJECTION: {en: 'Injection', ja: '注射'},
    NASAL: {en: 'Nasal', ja: '点鼻'},
    EYE_DROP: {en: 'Eye drops', ja: '点眼'},
    FACE: {en: 'Face', ja: '顔'},
    SCALP: {en: 'Scalp', ja: '頭皮'},
    JOINT: {en: 'Joint', ja: '関節'},
    INTRAMUSCULAR: {en: 'Intramuscular', ja: '筋肉内'},
    SUBCUTANEOUS: {en: 'Subcutaneous', ja: '皮下'},
    OTHER: {en: 'Other', ja: 'その他'},
    THERAPY: {en: 'Therapy', ja: '治療'},
    COSMETIC: {en: 'Cosmetic', ja: '美容'},
    WELLNESS: {en: 'Wellness', ja: 'ウェルネス'},
    title: {en: 'ExoTrace · Scan station', ja: 'ExoTrace · スキャンステーション'},
    signIn: {en: 'Sign in', ja: 'サインイン'},
    signOut: {en: 'Sign out', ja: 'サインアウト'},
    username: {en: 'User name', ja: 'ユーザー名'},
    password: {en: 'Password', ja: 'パスワード'},
    signInFailed: {en: 'Sign-in failed: unknown user or wrong password.', ja: 'サインインできません：ユーザー名またはパスワードが違います。'},
    signInLocked: {en: 'Sign-in is locked after repeated failures: try again in {s} s, or ask an ADMIN.', ja: 'サインインの失敗が続いたためロックされています：{s}秒後に再試行するか、管理者に連絡してください。'},
    signInAgain: {en: 'Your session has ended. Sign in again.', ja: 'セッションが終了しました。もう一度サインインしてください。'},
    notNurse: {en: 'This account may not use the scan station (role NURSE needed).', ja: 'このアカウントはスキャンステーションを使えません（NURSE権限が必要です）。'},
    patientId: {en: 'Patient ID', ja: '患者ID'},
    barcode: {en: 'Vial barcode', ja: 'バイアルのバーコード'},
    howTo: {
      en: 'Enter or scan the patient ID, then scan the vial. To record: press Record dose (Dispense for a home-use product), or press Enter again with the barcode field empty. Only a vial marked OK can be recorded.',
      ja: '患者IDを入力またはスキャンしてから、バイアルをスキャンしてください。記録するには「投与を記録」（在宅用製品は「払出を記録」）ボタンを押すか、バーコード欄が空のままもう一度Enterを押します。記録できるのは「投与可」のバイアルだけです。'
    },
    ok: {en: 'OK — may be given', ja: 'OK — 投与可'},
    okDispense: {en: 'OK — may be dispensed', ja: 'OK — 払出可'},
    blocked: {en: 'BLOCKED — do not give', ja: 'BLOCKED — 投与不可'},
    product: {en: 'Product', ja: '製品'},
    lot: {en: 'Lot', ja: 'ロット'},
    expiry: {en: 'Expiry', ja: '有効期限'},
    volume: {en: 'Volume', ja: '容量'},
    serial: {en: 'Serial', ja: 'シリアル'},
    route: {en: 'Route', ja: '投与経路'},
    site: {en: 'Injection site', ja: '注射部位'},
    siteDetail: {en: 'Site detail (e.g. left knee)', ja: '部位の詳細（例：左膝）'},
    volumeMl: {en: 'Volume (mL)', ja: '投与量（mL）'},
    purpose: {en: 'Purpose', ja: '目的'},
    indication: {en: 'Indication (required for therapy)', ja: '適応（治療の場合は必須）'},
    physician: {en: 'Physician', ja: '担当医師'},
    consentRef: {en: 'Consent reference', ja: '同意書番号'},
    provisionPlanNumber: {en: 'Provision plan number', ja: '提供計画番号'},
    needProvision: {en: 'This clinic records {field} with every dose: enter it.', ja: 'この施設では投与ごとに「{field}」を記録します。入力してください。'},
    choose: {en: '— choose —', ja: '— 選択 —'},
    record: {en: 'Record dose', ja: '投与を記録'},
    dispense: {en: 'Dispense', ja: '払出を記録'},
    recording: {en: 'Recording…', ja: '記録中…'},
    recorded: {en: 'Recorded', ja: '記録しました'},
    dispensed: {en: 'Dispensed', ja: '払出を記録しました'},
    recordedAt: {en: 'at {at} by {nurse}', ja: '{at}　担当：{nurse}'},
    recordNo: {en: 'Record no. {id}', ja: '記録番号 {id}'},
    remainder: {en: 'Remainder in the vial: {ml} mL.', ja: 'バイアルの残量：{ml} mL'},
    notRecorded: {en: 'NOT recorded', ja: '記録されていません'},
    notChecked: {en: 'The vial could not be checked: do not give it yet.', ja: 'バイアルを確認できませんでした。まだ投与しないでください。'},
    cannotRecord: {en: 'Only a vial scanned and marked OK can be recorded. Scan the vial.', ja: '記録できるのは、スキャンして「投与可」と表示されたバイアルだけです。バイアルをスキャンしてください。'},
    alreadyRecorded: {en: 'This vial has been recorded. Scan the next vial.', ja: 'このバイアルは記録済みです。次のバイアルをスキャンしてください。'},
    needPatient: {en: 'Enter the patient ID.', ja: '患者IDを入力してください。'},
    needRoute: {en: 'Choose the route.', ja: '投与経路を選んでください。'},
    needSite: {en: 'Choose the injection site.', ja: '注射部位を選んでください。'},
    needVolume: {en: 'Enter the volume in mL (more than 0).', ja: '投与量をmLで入力してください（0より大きい値）。'},
    needPurpose: {en: 'Choose the purpose.', ja: '目的を選んでください。'},
    needIndication: {en: 'Enter the indication (required for therapy).', ja: '適応を入力してください（治療の場合は必須）。'},
    networkRetry: {
      en: 'No answer from the server: the dose may or may not be recorded. Press Record again to retry; it will not be recorded twice.',
      ja: 'サーバーから応答がありません。記録されたかどうか不明です。もう一度「記録」を押してください（二重には記録されません）。'
    },
    networkScan: {en: 'No answer from the server. Scan again.', ja: 'サーバーから応答がありません。もう一度スキャンしてください。'},
    failed: {en: 'The server could not answer ({status}).', ja: 'サーバーが処理できませんでした（{status}）。'}
  };

  let lang = sessionStorage.getItem(langKey) || ((navigator.language || 'en').toLowerCase().startsWith('ja') ? 'ja' : 'en');

  // What the page shows, kept as data so that the JA/EN switch can show it again in the other language.
  const station = {
    scan: null,      // {barcode, answer} of the vial scanned last
    scanSeq: 0,      // the newest scan request; older answers are ignored
    attempt: null,   // {path, text, key} of a record that the server has not answered yet (retried with the same key)
    recorded: false, // the vial scanned last has been recorded
    busy: false,     // a record request is in flight
    message: null    // {kind, ...} shown under the verdict
  };

  function t(key, params) {
    const entry = WORDS[key];
    let text = entry ? entry[lang] : String(key);
    for (const [name, value] of Object.entries(params || {})) text = text.split('{' + name + '}').join(value);
    return text;
  }

  function token() {
    return sessionStorage.getItem(tokenKey);
  }

  function userName(jwt) {
    try {
      const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const bytes = Uint8Array.from(atob(part), (c) => c.charCodeAt(0));
      const claims = JSON.parse(new TextDecoder().decode(bytes));
      return claims.upn || claims.preferred_username || claims.sub || '';
    } catch (e) {
      return '';
    }
  }

  // crypto.randomUUID exists only in secure contexts (https, localhost); a clinic's plain-http tablet has getRandomValues.
  function newKey() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  function focusBarcode() {
    if (!$('station').hidden) $('barcode').focus();
  }

  function show(signedIn) {
    $('signin').hidden = signedIn;
    $('station').hidden = !signedIn;
    $('signout').hidden = !signedIn;
    $('who').textContent = signedIn ? userName(token()) : '';
    if (signedIn) {
      loadSettings();
      if ($('patient').value) focusBarcode(); else $('patient').focus();
    } else {
      $('username').focus();
    }
  }

  function signedOut() {
    sessionStorage.removeItem(tokenKey);
    show(false);
    $('signin-error').textContent = t('signInAgain');
  }

  async function signIn(event) {
    event.preventDefault();
    $('signin-error').textContent = '';
    let reply;
    try {
      reply = await fetch('api/auth/token', {
        method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({username: $('username').value, password: $('password').value})
      });
    } catch (e) {
      $('signin-error').textContent = t('networkScan');
      return;
    }
    if (!reply.ok) {
      $('signin-error').textContent = reply.status === 429
        ? t('signInLocked').replace('{s}', reply.headers.get('Retry-After') || '?')
        : t('signInFailed');
      return;
    }
    sessionStorage.setItem(tokenKey, (await reply.json()).access_token);
    $('password').value = '';
    show(true);
  }

  function post(path, body, headers) {
    return fetch(path, {
      method: 'POST',
      headers: Object.assign({'Content-Type': 'application/json', Authorization: 'Bearer ' + token()}, headers || {}),
      body: typeof body === 'string' ? body : JSON.stringify(body)
    });
  }

  function fillSelect(select, values, withEmpty) {
    const current = select.value;
    select.replaceChildren();
    if (withEmpty) select.appendChild(new Option(t('choose'), ''));
    for (const value of values) select.appendChild(new Option(t(value), value));
    if (values.includes(current)) select.value = current;
    else if (values.length === 1) select.value = values[0];
  }

  function product() {
    return station.scan && station.scan.answer.product;
  }

  function homeUse() {
    return Boolean(product() && product().homeUse);
  }

  function canRecord() {
    return Boolean(station.scan && station.scan.answer.verdict === 'OK' && !station.recorded && !station.busy);
  }

  function listItems(list, words, className) {
    list.replaceChildren();
    for (const word of words || []) {
      const item = document.createElement('li');
      item.className = className;
      item.textContent = t(word);
      item.dataset.word = word;
      list.appendChild(item);
    }
  }

  function renderVerdict() {
    const scan = station.scan;
    $('verdict').hidden = !scan;
    if (!scan) return;
    const a = scan.answer;
    const ok = a.verdict === 'OK';
    $('verdict').className = 'verdict ' + (ok ? 'ok' : 'blocked') + (station.recorded ? ' done' : '');
    $('symbol').textContent = ok ? '✓' : '✕';
    $('headline').textContent = t(ok ? (homeUse() ? 'okDispense' : 'ok') : 'blocked');
    listItems($('reasons'), a.reasons, 'reason');
    if (a.detail) {
      const item = document.createElement('li');
      item.className = 'detail';
      item.textContent = a.detail;
      $('reasons').appendChild(item);
    }
    listItems($('warnings'), a.warnings, 'warning');
    const p = a.product || {};
    const lot = a.lot || {};
    const label = a.label || {};
    $('product-name').textContent = p.name ? p.name + (p.code ? ' (' + p.code + ')' : '') : '—';
    $('lot-number').textContent = lot.lotNumber || label.lot || '—';
    $('expiry').textContent = lot.expiresOn || label.expiry || '—';
    $('vial-volume').textContent = p.volumeMl != null ? p.volumeMl + ' mL' : '—';
    $('serial').textContent = (a.vial && a.vial.serial) || label.serial || '—';
  }

  function renderDose() {
    const p = product();
    fillSelect($('route'), p && p.routes && p.routes.length ? p.routes : ROUTES, true);
    fillSelect($('site'), SITES, true);
    fillSelect($('purpose'), PURPOSES, true);
    $('site-field').hidden = $('route').value !== 'INJECTION';
    $('site-detail-field').hidden = $('route').value !== 'INJECTION';
    $('indication-field').classList.toggle('required', $('purpose').value === 'THERAPY');
    $('record').textContent = t(station.busy ? 'recording' : (homeUse() ? 'dispense' : 'record'));
    $('record').disabled = !canRecord();
  }

  function line(parent, text, className) {
    const p = document.createElement('p');
    p.textContent = text;
    if (className) p.className = className;
    parent.appendChild(p);
    return p;
  }

  function renderMessage() {
    const box = $('result');
    const m = station.message;
    box.replaceChildren();
    box.hidden = !m;
    if (!m) return;
    box.className = 'result ' + m.kind;
    if (m.kind === 'recorded') {
      const r = m.body;
      const at = r.administeredAt || r.dispensedAt;
      const when = at ? new Date(at).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB') : '';
      line(box, '✓ ' + t(m.dispense ? 'dispensed' : 'recorded') + ': ' + r.volumeMl + ' mL · ' + t(r.route)
        + (r.site ? ' · ' + t(r.site) : '') + ' · ' + t('patientId') + ' ' + r.patientId, 'headline');
      line(box, t('recordedAt', {at: when, nurse: r.nurse || ''}), 'at');
      line(box, t('recordNo', {id: r.administrationId || r.dispenseId || ''}), 'id');
      for (const vial of r.vials || []) {
        if (Number(vial.remainderMl) > 0) line(box, t('remainder', {ml: vial.remainderMl}));
      }
      for (const word of r.warnings || []) line(box, '⚠ ' + t(word), 'warning');
    } else if (m.kind === 'problem') {
      const p = m.problem;
      line(box, '✕ ' + t(m.headline || 'notRecorded'), 'headline');
      const reasons = p.reasons && p.reasons.length ? p.reasons : (WORDS[p.code] ? [p.code] : []);
      for (const word of reasons) line(box, t(word), 'reason').dataset.word = word;
      for (const e of p.errors || []) line(box, (WORDS[e.field] ? t(e.field) : e.field) + ': ' + e.message, 'reason');
      if (!reasons.length && !(p.errors || []).length) line(box, p.detail || p.title || t('failed', {status: m.status}), 'reason');
    } else {
      line(box, t(m.key, m.params), 'headline');
    }
  }

  function render() {
    renderVerdict();
    renderDose();
    renderMessage();
  }

  function applyWords() {
    document.documentElement.lang = lang;
    for (const element of document.querySelectorAll('[data-words]')) element.textContent = t(element.dataset.words);
    $('lang-ja').setAttribute('aria-pressed', String(lang === 'ja'));
    $('lang-en').setAttribute('aria-pressed', String(lang === 'en'));
    render();
  }

  function setLang(next) {
    lang = next;
    sessionStorage.setItem(langKey, lang);
    applyWords();
    focusBarcode();
  }

  function say(key, params) {
    station.message = {kind: 'notice', key, params};
    render();
  }

  async function scan(barcode) {
    const seq = ++station.scanSeq;
    station.scan = null;
    station.recorded = false;
    station.attempt = null;
    station.message = null;
    render();
    const body = {barcode};
    if ($('patient').value.trim()) body.patientId = $('patient').value.trim();
    if ($('route').value) body.route = $('route').value;
    let reply;
    try {
      reply = await post('api/scans', body);
    } catch (e) {
      if (seq === station.scanSeq) say('networkScan');
      return;
    }
    if (seq !== station.scanSeq) return;
    if (reply.status === 401) { signedOut(); return; }
    if (reply.status === 403) { say('notNurse'); focusBarcode(); return; }
    const answer = await reply.json().catch(() => ({}));
    if (seq !== station.scanSeq) return;
    if (!reply.ok) {
      station.message = {kind: 'problem', problem: answer, status: reply.status, headline: 'notChecked'};
    } else {
      station.scan = {barcode, answer};
      if (answer.product && answer.product.volumeMl != null) $('volume').value = answer.product.volumeMl;
    }
    render();
    focusBarcode();
  }

  // Provision-record fields this clinic requires with every dose (GET api/scans/settings).
  const provisionInputs = {physician: 'physician', consentRef: 'consent-ref', provisionPlanNumber: 'plan-number'};
  const provisionLabels = {physician: 'physician-field', consentRef: 'consent-field', provisionPlanNumber: 'plan-field'};
  let requiredProvision = [];

  async function loadSettings() {
    try {
      const reply = await fetch('api/scans/settings', {headers: {Authorization: 'Bearer ' + token()}});
      if (!reply.ok) return;
      requiredProvision = ((await reply.json()).requiredFields || []).filter(f => provisionInputs[f]);
    } catch (e) {
      requiredProvision = [];
    }
    Object.keys(provisionLabels).forEach(f => $(provisionLabels[f]).classList.toggle('required', requiredProvision.includes(f)));
  }

  function missingField() {
    const route = $('route').value;
    const purpose = $('purpose').value;
    const volume = Number($('volume').value);
    if (!$('patient').value.trim()) return ['needPatient', 'patient'];
    if (!route) return ['needRoute', 'route'];
    if (route === 'INJECTION' && !$('site').value) return ['needSite', 'site'];
    if (!(volume > 0)) return ['needVolume', 'volume'];
    if (!purpose) return ['needPurpose', 'purpose'];
    if (purpose === 'THERAPY' && !$('indication').value.trim()) return ['needIndication', 'indication'];
    const provision = requiredProvision.find(f => !$(provisionInputs[f]).value.trim());
    if (provision) return ['needProvision', provisionInputs[provision], {field: t(provision)}];
    return null;
  }

  async function record() {
    if (station.busy) return;
    if (!station.scan || station.scan.answer.verdict !== 'OK') { say('cannotRecord'); focusBarcode(); return; }
    if (station.recorded) { say('alreadyRecorded'); focusBarcode(); return; }
    const missing = missingField();
    if (missing) { say(missing[0], missing[2]); $(missing[1]).focus(); return; }
    const route = $('route').value;
    const body = {
      barcode: station.scan.barcode,
      patientId: $('patient').value.trim(),
      route,
      volumeMl: Number($('volume').value),
      purpose: $('purpose').value
    };
    if (route === 'INJECTION') body.site = $('site').value;
    if (route === 'INJECTION' && $('site-detail').value.trim()) body.siteDetail = $('site-detail').value.trim();
    if ($('indication').value.trim()) body.indication = $('indication').value.trim();
    Object.keys(provisionInputs).forEach(f => {
      const value = $(provisionInputs[f]).value.trim();
      if (value) body[f] = value;
    });
    const path = homeUse() ? 'api/dispenses' : 'api/administrations';
    const text = JSON.stringify(body);
    // The same dose retried after a network error keeps its key, so the server records it once.
    if (!station.attempt || station.attempt.path !== path || station.attempt.text !== text) {
      station.attempt = {path, text, key: newKey()};
    }
    const dispense = homeUse();
    station.busy = true;
    station.message = null;
    render();
    let reply;
    try {
      reply = await post(path, text, {'Idempotency-Key': station.attempt.key});
    } catch (e) {
      station.busy = false;
      say('networkRetry');
      focusBarcode();
      return;
    }
    station.busy = false;
    if (reply.status === 401) { signedOut(); return; }
    const answer = await reply.json().catch(() => ({}));
    if (reply.status >= 500) {
      station.message = {kind: 'problem', problem: Object.assign({}, answer, {detail: t('networkRetry')}), status: reply.status};
    } else {
      station.attempt = null;
      if (reply.ok) {
        station.recorded = true;
        station.message = {kind: 'recorded', body: answer, dispense};
      } else {
        station.message = {kind: 'problem', problem: answer, status: reply.status};
      }
    }
    render();
    focusBarcode();
  }

  // Keyboard-wedge scanners type the GS1 group separator as the character itself (a keypress with char code
  // 29) or as Ctrl+]. Browsers never insert a typed control character, so the page puts it into the field.
  function isGroupSeparator(event) {
    return event.key === GS || event.charCode === 29 || (event.ctrlKey && (event.key === ']' || event.code === 'BracketRight'));
  }

  function onBarcodeSeparator(event) {
    if (!isGroupSeparator(event)) return false;
    event.preventDefault();
    const field = $('barcode');
    field.setRangeText(GS, field.selectionStart, field.selectionEnd, 'end');
    return true;
  }

  function onBarcodeKey(event) {
    if (onBarcodeSeparator(event) || event.key !== 'Enter') return;
    event.preventDefault();
    const field = $('barcode');
    const barcode = field.value;
    field.value = '';
    if (barcode.trim() === '') {
      if (canRecord()) record(); else focusBarcode();
      return;
    }
    scan(barcode);
  }

  $('signin').addEventListener('submit', signIn);
  $('signout').addEventListener('click', () => { sessionStorage.removeItem(tokenKey); station.scan = null; station.message = null; render(); show(false); });
  $('lang-ja').addEventListener('click', () => setLang('ja'));
  $('lang-en').addEventListener('click', () => setLang('en'));
  $('patient').addEventListener('keydown', (event) => {
    if (event.key === 'Enter') { event.preventDefault(); focusBarcode(); }
  });
  $('barcode').addEventListener('keydown', onBarcodeKey);
  $('barcode').addEventListener('keypress', onBarcodeSeparator);
  $('record').addEventListener('click', () => record());
  for (const id of ['route', 'site', 'purpose']) {
    $(id).addEventListener('change', () => { renderDose(); focusBarcode(); });
  }
  applyWords();
  show(Boolean(token()));
})();
