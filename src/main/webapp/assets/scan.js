'use strict';
// The nurse's scan station: sign in, enter the patient id, scan a vial (POST /api/scans), see the verdict
// at once, record the dose (POST /api/administrations) or hand out a home-use product (POST /api/dispenses).
// A keyboard-wedge scanner types the code and Enter; whatever it types outside a text field lands in the barcode
// field. Enter in the empty barcode field records the vial scanned last (only when its verdict is OK).
//
// Each answer belongs to the request and the vial it was sent for (docs/adr/0030): a record's outcome is kept on
// that vial and shown naming it, so a vial scanned while another is being recorded is shown at once and is never
// marked by the other's answer. A new patient, sign-out, sign-in and a session's end clear every dose field.
(function () {
  const $ = (id) => document.getElementById(id);
  const words = window.ExoTraceWords;
  const GS = window.ExoTraceScanner.GS;
  const ROUTES = ['IV_DRIP', 'INJECTION', 'NASAL', 'EYE_DROP'];
  const SITES = ['FACE', 'SCALP', 'JOINT', 'INTRAMUSCULAR', 'SUBCUTANEOUS', 'OTHER'];
  const PURPOSES = ['THERAPY', 'COSMETIC', 'WELLNESS'];
  // The fields of one dose; a new patient, sign-out, sign-in and a session's end empty them all.
  const DOSE_FIELDS = ['route', 'site', 'site-detail', 'volume', 'purpose', 'indication', 'physician', 'consent-ref', 'plan-number'];

  // Every word the page shows, keyed by the API's reason word or a key of the page's own. A refusal says what to do next.
  const WORDS = {
    BARCODE_INVALID: {
      en: 'The barcode cannot be read as a GS1 label (unreadable, wrong check digit or impossible date). Scan again or type the code.',
      ja: 'バーコードをGS1ラベルとして読み取れません（読取不良、チェックデジット誤り、または存在しない日付）。もう一度スキャンするか、コードを入力してください。'
    },
    UNKNOWN_VIAL: {
      en: 'This vial is not registered in ExoTrace. Do not use it: set it aside and hand it to inventory.',
      ja: 'このバイアルはExoTraceに登録されていません。使用せず、取り分けて在庫管理担当に渡してください。'
    },
    LABEL_MISMATCH: {
      en: 'The lot number or expiry date on the label differs from the record. Do not use it: set it aside and report to QA.',
      ja: 'ラベルのロット番号または有効期限が記録と一致しません。使用せず、取り分けて品質保証（QA）に報告してください。'
    },
    LOT_QUARANTINED: {
      en: 'The lot is awaiting QA release (not usable). Do not use it: hand it to inventory or QA.',
      ja: 'このロットは出荷判定前（使用不可）です。使用せず、在庫管理担当またはQAに渡してください。'
    },
    LOT_REJECTED: {
      en: 'The lot was rejected by QA. Do not use it: set it aside and hand it to inventory or QA.',
      ja: 'このロットはQAの判定で不合格です。使用せず、取り分けて在庫管理担当またはQAに渡してください。'
    },
    LOT_RECALLED: {
      en: 'The lot has been recalled. Do not use it: set it aside and hand it to inventory or QA.',
      ja: 'このロットは回収対象です。使用せず、取り分けて在庫管理担当またはQAに渡してください。'
    },
    EXPIRED: {
      en: 'The vial is past its expiry date. Do not use it: set it aside for inventory.',
      ja: 'このバイアルは有効期限切れです。使用せず、取り分けて在庫管理担当に渡してください。'
    },
    TEMPERATURE_HOLD: {
      en: 'On hold: this vial was in a storage place during a temperature excursion. Do not use it: set it aside until QA decides.',
      ja: '保留中：このバイアルは温度逸脱が起きた保管場所にありました。使用せず、QAの判断まで取り分けてください。'
    },
    ALREADY_USED: {
      en: 'This vial has already been used (given, dispensed or discarded). Do not use it: set it aside and report to inventory.',
      ja: 'このバイアルは使用済みです（投与済み、払出済み、または廃棄済み）。使用せず、取り分けて在庫管理担当に報告してください。'
    },
    ROUTE_NOT_ALLOWED: {
      en: 'This product may not be given by the chosen route. Choose one of the routes offered.',
      ja: 'この製品は選択した投与経路では使用できません。表示される投与経路から選んでください。'
    },
    EXPIRES_SOON: {en: 'Expires soon.', ja: 'まもなく有効期限が切れます。'},
    NOT_FIRST_EXPIRY: {
      en: 'A vial of this product that expires earlier is on hand here: use that one first if you can.',
      ja: '同じ製品で有効期限がより早いバイアルがこの場所にあります。可能ならそちらを先に使ってください。'
    },
    VIAL_BLOCKED: {en: 'The vial may not be given. Do not use it: hand it to inventory or QA.', ja: 'このバイアルは使用できません。使用せず、在庫管理担当またはQAに渡してください。'},
    IDEMPOTENCY_KEY_REUSED: {
      en: 'This dose was already sent with other details. Check the patient\'s doses before recording again.',
      ja: 'この投与は別の内容ですでに送信されています。もう一度記録する前に、患者の投与記録を確認してください。'
    },
    title: {en: 'ExoTrace · Scan station', ja: 'ExoTrace · スキャンステーション'},
    notNurse: {en: 'This account may not use the scan station (role NURSE needed).', ja: 'このアカウントはスキャンステーションを使えません（NURSE権限が必要です）。'},
    patientId: {en: 'Patient ID', ja: '患者ID'},
    barcode: {en: 'Vial barcode', ja: 'バイアルのバーコード'},
    howTo: {
      en: 'Enter or scan the patient ID, then scan the vial. To record: press Record dose (Dispense for a home-use product), or press Enter again with the barcode field empty. Only a vial marked OK can be recorded.',
      ja: '患者IDを入力またはスキャンしてから、バイアルをスキャンしてください。記録するには「投与を記録」（在宅用製品は「払出を記録」）ボタンを押すか、バーコード欄が空のままもう一度Enterを押します。記録できるのは「投与可」のバイアルだけです。'
    },
    vialInPatient: {
      en: 'That was a vial code, not a patient ID. Enter or scan the patient ID here; scan vials in the barcode field.',
      ja: 'これはバイアルのコードです（患者IDではありません）。ここには患者IDを入力またはスキャンし、バイアルはバーコード欄でスキャンしてください。'
    },
    ok: {en: 'OK — may be given', ja: 'OK — 投与可'},
    okDispense: {en: 'OK — may be dispensed', ja: 'OK — 払出可'},
    blocked: {en: 'BLOCKED — do not give', ja: 'BLOCKED — 投与不可'},
    expiry: {en: 'Expiry', ja: '有効期限'},
    volume: {en: 'Volume', ja: '容量'},
    site: {en: 'Injection site', ja: '注射部位'},
    siteDetail: {en: 'Site detail (e.g. left knee)', ja: '部位の詳細（例：左膝）'},
    volumeMl: {en: 'Volume (mL)', ja: '投与量（mL）'},
    indication: {en: 'Indication (required for therapy)', ja: '適応（治療の場合は必須）'},
    physician: {en: 'Physician', ja: '担当医師'},
    consentRef: {en: 'Consent reference', ja: '同意書番号'},
    provisionPlanNumber: {en: 'Provision plan number', ja: '提供計画番号'},
    needProvision: {en: 'This clinic records {field} with every dose: enter it.', ja: 'この施設では投与ごとに「{field}」を記録します。入力してください。'},
    record: {en: 'Record dose', ja: '投与を記録'},
    dispense: {en: 'Dispense', ja: '払出を記録'},
    recording: {en: 'Recording…', ja: '記録中…'},
    recordedDone: {en: 'Recorded', ja: '記録済み'},
    recorded: {en: 'Recorded', ja: '記録しました'},
    dispensed: {en: 'Dispensed', ja: '払出を記録しました'},
    vialNamed: {en: '{product} · lot {lot} · serial {serial}', ja: '{product}・ロット {lot}・シリアル {serial}'},
    doseLine: {en: '{ml} mL · {route} · patient ID {patient}', ja: '{ml} mL・{route}・患者ID {patient}'},
    recordedAt: {en: 'at {at} by {nurse}', ja: '{at}　担当：{nurse}'},
    remainder: {en: 'Remainder in the vial: {ml} mL.', ja: 'バイアルの残量：{ml} mL'},
    notRecorded: {en: 'Not recorded', ja: '記録されていません'},
    details: {en: 'Details', ja: '詳細'},
    namedAfter: {en: ': ', ja: '：'},
    notChecked: {en: 'The vial could not be checked: do not give it yet.', ja: 'バイアルを確認できませんでした。まだ投与しないでください。'},
    cannotRecord: {en: 'Only a vial scanned and marked OK can be recorded. Scan the vial.', ja: '記録できるのは、スキャンして「投与可」と表示されたバイアルだけです。バイアルをスキャンしてください。'},
    alreadyRecorded: {en: 'This vial has been recorded. Scan the next vial.', ja: 'このバイアルは記録済みです。次のバイアルをスキャンしてください。'},
    needPatient: {en: 'Enter the patient ID.', ja: '患者IDを入力してください。'},
    needRoute: {en: 'Choose the route.', ja: '投与経路を選んでください。'},
    needSite: {en: 'Choose the injection site.', ja: '注射部位を選んでください。'},
    needVolume: {en: 'Enter the volume in mL (more than 0).', ja: '投与量をmLで入力してください（0より大きい値）。'},
    needPurpose: {en: 'Choose the purpose.', ja: '目的を選んでください。'},
    needIndication: {en: 'Enter the indication (required for therapy).', ja: '適応を入力してください（治療の場合は必須）。'},
    fieldRefused: {en: '{field}: not accepted. Check it and record again.', ja: '「{field}」の入力内容が受け付けられませんでした。確認してもう一度記録してください。'},
    networkRetry: {
      en: 'No answer from the server, so this dose is not confirmed. Press Record again: it is sent as the same record and can never be recorded twice.',
      ja: 'サーバーから応答がなく、記録を確認できていません。もう一度「記録」を押してください（同じ記録として再送され、二重に記録されることはありません）。'
    },
    sessionEnded: {
      en: 'Your session ended before this dose was recorded. Enter the patient ID, scan the vial again and record it.',
      ja: 'セッションが終了したため、この投与は記録されていません。患者IDを入力し、バイアルをもう一度スキャンして記録してください。'
    },
    networkScan: {en: 'No answer from the server. Scan again.', ja: 'サーバーから応答がありません。もう一度スキャンしてください。'},
    failed: {en: 'The server could not answer ({status}). Do not give the vial yet; ask the administrator.', ja: 'サーバーが処理できませんでした（{status}）。まだ投与せず、管理者に連絡してください。'},
    // Undo: the nurse voids the dose she has just recorded (POST api/administrations/{id}/corrections, ADR 0040)
    undoTitle: {en: 'Undo – this dose was not given', ja: '取り消し – この投与は行っていない'},
    undoHow: {en: 'Recorded by mistake? Give the reason, say whether the vial was opened, and sign with your password.', ja: '誤って記録した場合は、理由を入力し、バイアルを開封したかを選び、パスワードで署名してください。'},
    undoReason: {en: 'Reason', ja: '理由'},
    undoPassword: {en: 'Your password (signature)', ja: 'パスワード（署名）'},
    undo: {en: 'Undo this dose', ja: 'この投与を取り消す'},
    undoing: {en: 'Undoing…', ja: '取り消し中…'},
    needUndoReason: {en: 'Enter the reason.', ja: '理由を入力してください。'},
    needUndoPassword: {en: 'Enter your password to sign.', ja: '署名のためパスワードを入力してください。'},
    undone: {en: 'Undone: the dose no longer counts', ja: '取り消しました：この投与は記録から除かれます'},
    undoneBack: {en: 'The vial is back in stock at {location}: return it there.', ja: 'バイアルは在庫（{location}）に戻りました。元の場所に戻してください。'},
    networkUndo: {en: 'No answer from the server: the dose may not be undone. Check the message above, then try again.', ja: 'サーバーから応答がありません。取り消されていない可能性があります。表示を確認してから、もう一度お試しください。'},
    undoneWasted: {en: 'The vial is wasted (recorded in error): discard it.', ja: 'バイアルは廃棄（誤記録）になりました。廃棄してください。'}
  };

  // What the page shows, kept as data so that the JA/EN switch can show it again in the other language.
  const station = {
    patient: '',     // the patient id entered (Enter or leaving the field)
    scan: null,      // the vial on screen: {barcode, answer, recorded}; a record's answer marks only its own scan
    scanSeq: 0,      // the newest scan request; older answers are ignored
    pending: null,   // the scan whose record is in flight (one at a time)
    retry: null,     // {scan, key}: a record whose answer was lost; Record sends it again with the same Idempotency-Key
    message: null,   // {kind, ...} shown under the verdict, naming the vial it is about
    interrupted: null, // the message to show after signing in again (a record the session's end stopped)
    undoing: false   // an undo of the last dose is on its way
  };

  const t = words.t;

  const session = window.ExoTraceSignIn;
  const token = session.token;

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

  // A new patient, sign-out, sign-in or a session's end: nothing of the previous dose is carried to the next.
  function clearDose() {
    for (const id of DOSE_FIELDS) $(id).value = '';
    clearUndo();
    station.scan = null;
    station.retry = null;
    station.message = null;
  }

  function clearStation() {
    station.patient = '';
    $('patient').value = '';
    $('barcode').value = '';
    station.scanSeq++; // an answer to a scan sent before is no longer shown
    clearDose();
    render();
  }

  function show(signedIn) {
    clearStation();
    $('signin').hidden = signedIn;
    $('station').hidden = !signedIn;
    $('signout').hidden = !signedIn;
    $('who').textContent = signedIn ? session.userName() : '';
    if (signedIn) {
      station.message = station.interrupted;
      station.interrupted = null;
      render();
      loadSettings();
      $('patient').focus();
    } else {
      $('username').focus();
    }
  }

  function signedOut() {
    session.forget();
    show(false);
    $('signin-error').textContent = t('signInAgain');
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
    return Boolean(station.scan && station.scan.answer.verdict === 'OK' && !station.scan.recorded && !station.pending);
  }

  // The vial a scan answered for, as the messages name it: product, lot and serial.
  function vialOf(answer) {
    const p = answer.product || {};
    const lot = answer.lot || {};
    const label = answer.label || {};
    return {product: p.name || '—', lot: lot.lotNumber || label.lot || '—', serial: (answer.vial && answer.vial.serial) || label.serial || '—'};
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

  // The server's own English text, behind a "Details" toggle: the nurse reads the words above it in her language.
  function details(parent, texts) {
    const shown = texts.filter(Boolean);
    if (!shown.length) return;
    const box = document.createElement('details');
    box.className = 'details';
    const summary = document.createElement('summary');
    summary.textContent = t('details');
    box.appendChild(summary);
    for (const text of shown) {
      const p = document.createElement('p');
      p.lang = 'en';
      p.textContent = text;
      box.appendChild(p);
    }
    parent.appendChild(box);
  }

  function renderVerdict() {
    const scan = station.scan;
    $('verdict').hidden = !scan;
    $('verdict-details').replaceChildren();
    if (!scan) return;
    const a = scan.answer;
    const ok = a.verdict === 'OK';
    $('verdict').className = 'verdict ' + (ok ? 'ok' : 'blocked') + (scan.recorded ? ' done' : '');
    $('symbol').textContent = ok ? '✓' : '✕';
    $('headline').textContent = t(ok ? (homeUse() ? 'okDispense' : 'ok') : 'blocked') + (scan.recorded ? ' · ' + t('recordedDone') : '');
    listItems($('reasons'), a.reasons, 'reason');
    listItems($('warnings'), a.warnings, 'warning');
    details($('verdict-details'), [a.detail]);
    const p = a.product || {};
    const v = vialOf(a);
    $('product-name').textContent = p.name ? p.name + (p.code ? ' (' + p.code + ')' : '') : '—';
    $('lot-number').textContent = v.lot;
    $('expiry').textContent = (a.lot && a.lot.expiresOn) || (a.label && a.label.expiry) || '—';
    $('vial-volume').textContent = p.volumeMl != null ? p.volumeMl + ' mL' : '—';
    $('serial').textContent = v.serial;
  }

  function renderDose() {
    const p = product();
    fillSelect($('route'), p && p.routes && p.routes.length ? p.routes : ROUTES, true);
    fillSelect($('site'), SITES, true);
    fillSelect($('purpose'), PURPOSES, true);
    $('site-field').hidden = $('route').value !== 'INJECTION';
    $('site-detail-field').hidden = $('route').value !== 'INJECTION';
    $('indication-field').classList.toggle('required', $('purpose').value === 'THERAPY');
    const recording = station.pending && station.pending === station.scan;
    $('record').textContent = t(recording ? 'recording' : (homeUse() ? 'dispense' : 'record'));
    $('record').disabled = !canRecord();
    $('signout').disabled = Boolean(station.pending); // an answer on its way is shown to the nurse who sent it
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
    // the nurse's last dose may be undone until the next vial is scanned or the patient changes
    $('undo').hidden = !m || m.kind !== 'recorded';
    $('undo-button').textContent = t(station.undoing ? 'undoing' : 'undo');
    $('undo-button').disabled = Boolean(station.undoing);
    if (!m) return;
    box.className = 'result ' + m.kind;
    if (m.vial && m.kind !== 'undone') line(box, (m.kind === 'recorded' ? '✓ ' + t(m.dispense ? 'dispensed' : 'recorded') : m.kind === 'problem' ? '✕ ' + t(m.headline || 'notRecorded') : t('recording'))
      + t('namedAfter') + t('vialNamed', m.vial), 'headline');
    if (m.kind === 'recorded') {
      const r = m.body;
      const at = r.administeredAt || r.dispensedAt;
      const when = at ? new Date(at).toLocaleString(words.lang() === 'ja' ? 'ja-JP' : 'en-GB', {timeZone: clinicTimeZone})
        + (clinicTimeZone ? ' (' + clinicTimeZone + ')' : '') : '';
      line(box, t('doseLine', {ml: r.volumeMl, route: t(r.route) + (r.site ? ' · ' + t(r.site) : ''), patient: r.patientId}), 'dose-line');
      line(box, t('recordedAt', {at: when, nurse: r.nurse || ''}), 'at');
      for (const vial of r.vials || []) {
        if (Number(vial.remainderMl) > 0) line(box, t('remainder', {ml: vial.remainderMl}));
      }
      for (const word of r.warnings || []) line(box, '⚠ ' + t(word), 'warning');
    } else if (m.kind === 'problem') {
      const p = m.problem || {};
      if (!m.vial) line(box, '✕ ' + t(m.headline || 'notRecorded'), 'headline');
      if (m.key) line(box, t(m.key), 'reason');
      const reasons = p.reasons && p.reasons.length ? p.reasons : (words.has(p.code) ? [p.code] : []);
      for (const word of reasons) line(box, t(word), 'reason').dataset.word = word;
      for (const e of p.errors || []) line(box, t('fieldRefused', {field: words.has(e.field) ? t(e.field) : e.field}), 'reason');
      if (!m.key && !reasons.length && !(p.errors || []).length) line(box, t('failed', {status: m.status}), 'reason');
      details(box, [p.detail].concat((p.errors || []).map((e) => e.field + ': ' + e.message)));
    } else if (m.kind === 'notice') {
      line(box, t(m.key, m.params), 'headline');
    } else if (m.kind === 'undone') {
      if (m.vial) line(box, '✓ ' + t('undone') + t('namedAfter') + t('vialNamed', m.vial), 'headline');
      for (const back of m.back) line(box, back.state === 'IN_STOCK' ? t('undoneBack', {location: back.location}) : t('undoneWasted'), 'reason');
    }
  }

  function clearUndo() {
    $('undo-reason').value = '';
    $('undo-password').value = '';
    $('undo-unopened').checked = false;
    $('undo-opened').checked = false;
    $('undo-error').textContent = '';
  }

  async function undo(event) {
    event.preventDefault();
    const m = station.message;
    if (!m || m.kind !== 'recorded' || station.undoing) return;
    const reason = $('undo-reason').value.trim();
    const opened = $('undo-opened').checked ? true : $('undo-unopened').checked ? false : null;
    const missing = !reason ? ['needUndoReason', 'undo-reason'] : opened === null ? ['needVialState', 'undo-unopened']
      : !$('undo-password').value ? ['needUndoPassword', 'undo-password'] : null;
    if (missing) { $('undo-error').textContent = t(missing[0]); $(missing[1]).focus(); return; }
    station.undoing = true;
    render();
    let reply;
    let answer = {};
    try {
      reply = await post('api/administrations/' + encodeURIComponent(m.body.administrationId) + '/corrections',
        {action: 'VOID', reason, vialOpened: opened, password: $('undo-password').value});
      answer = await reply.json().catch(() => ({}));
    } catch (e) {
      reply = null;
    }
    station.undoing = false;
    $('undo-password').value = '';
    if (reply && reply.status === 401) { signedOut(); return; }
    if (reply && reply.status === 201) {
      clearUndo();
      station.scan = null; // the verdict shown was the vial's before the undo
      station.message = {kind: 'undone', vial: m.vial, back: answer.vialsGivenBack || []};
      render();
      focusBarcode();
      return;
    }
    render();
    const code = answer.code;
    $('undo-error').textContent = !reply ? t('networkUndo') : words.has(code) ? t(code) : t('failed', {status: reply.status});
  }

  function render() {
    renderVerdict();
    renderDose();
    renderMessage();
  }

  function say(key, params) {
    station.message = {kind: 'notice', key, params};
    render();
  }

  async function scan(barcode) {
    const seq = ++station.scanSeq;
    station.scan = null;
    if (!station.pending) station.message = null; // a record on its way keeps its line until it is answered
    render();
    // No route goes with the scan: the route is chosen for the vial once its verdict is shown, and the record is judged with it.
    const body = {barcode};
    if (station.patient) body.patientId = station.patient;
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
      station.scan = {barcode, answer, recorded: false};
      $('volume').value = answer.product && answer.product.volumeMl != null ? answer.product.volumeMl : '';
      $('site').value = '';
      $('site-detail').value = '';
    }
    render();
    focusBarcode();
  }

  // A keyboard-wedge scanner fills whichever field has the focus: a vial's code in the patient field is caught.
  function looksLikeVialCode(text) {
    return text.includes(GS) || /^\]/.test(text) || /^\(\d{2,4}\)/.test(text) || /^01\d{14}/.test(text) || /^https?:\/\//i.test(text);
  }

  function commitPatient() {
    const value = $('patient').value.trim();
    if (looksLikeVialCode(value)) {
      $('patient').value = '';
      if (station.patient) { station.patient = ''; clearDose(); }
      say('vialInPatient');
      $('patient').focus();
      return false;
    }
    if (value !== station.patient) {
      station.patient = value;
      station.scanSeq++;
      clearDose();
      render();
    }
    return true;
  }

  // Provision-record fields this clinic requires with every dose (GET api/scans/settings).
  const provisionInputs = {physician: 'physician', consentRef: 'consent-ref', provisionPlanNumber: 'plan-number'};
  const provisionLabels = {physician: 'physician-field', consentRef: 'consent-field', provisionPlanNumber: 'plan-field'};
  let requiredProvision = [];
  let clinicTimeZone; // the clinic's zone, in which times are shown (undefined: the tablet's own, until the settings have come)

  async function loadSettings() {
    try {
      const reply = await fetch('api/scans/settings', {headers: {Authorization: 'Bearer ' + token()}});
      if (!reply.ok) return;
      const settings = await reply.json();
      requiredProvision = (settings.requiredFields || []).filter(f => provisionInputs[f]);
      clinicTimeZone = settings.clinicTimeZone || undefined;
    } catch (e) {
      requiredProvision = [];
    }
    Object.keys(provisionLabels).forEach(f => $(provisionLabels[f]).classList.toggle('required', requiredProvision.includes(f)));
  }

  function missingField() {
    const route = $('route').value;
    const purpose = $('purpose').value;
    const volume = Number($('volume').value);
    if (!station.patient) return ['needPatient', 'patient'];
    if (!route) return ['needRoute', 'route'];
    if (route === 'INJECTION' && !$('site').value) return ['needSite', 'site'];
    if (!(volume > 0)) return ['needVolume', 'volume'];
    if (!purpose) return ['needPurpose', 'purpose'];
    if (purpose === 'THERAPY' && !$('indication').value.trim()) return ['needIndication', 'indication'];
    const provision = requiredProvision.find(f => !$(provisionInputs[f]).value.trim());
    if (provision) return ['needProvision', provisionInputs[provision], {field: t(provision)}];
    return null;
  }

  function doseBody(scan) {
    const route = $('route').value;
    const body = {barcode: scan.barcode, patientId: station.patient, route, volumeMl: Number($('volume').value), purpose: $('purpose').value};
    if (route === 'INJECTION') body.site = $('site').value;
    if (route === 'INJECTION' && $('site-detail').value.trim()) body.siteDetail = $('site-detail').value.trim();
    if ($('indication').value.trim()) body.indication = $('indication').value.trim();
    Object.keys(provisionInputs).forEach(f => {
      const value = $(provisionInputs[f]).value.trim();
      if (value) body[f] = value;
    });
    return body;
  }

  async function record() {
    if (station.pending) return;
    const target = station.scan;
    if (!target || target.answer.verdict !== 'OK') { say('cannotRecord'); focusBarcode(); return; }
    if (target.recorded) { say('alreadyRecorded'); focusBarcode(); return; }
    const missing = missingField();
    if (missing) { say(missing[0], missing[2]); $(missing[1]).focus(); return; }
    const dispense = homeUse();
    const path = dispense ? 'api/dispenses' : 'api/administrations';
    // A record of this vial whose answer was lost is sent again with its key, so the server records it once.
    const key = station.retry && station.retry.scan === target ? station.retry.key : newKey();
    const vial = vialOf(target.answer);
    station.retry = null;
    station.pending = target;
    station.message = {kind: 'pending', vial};
    render();
    let reply;
    let answer;
    try {
      reply = await post(path, doseBody(target), {'Idempotency-Key': key});
      answer = await reply.json().catch(() => ({}));
    } catch (e) {
      reply = null;
    }
    station.pending = null;
    if (reply && reply.status === 401) {
      // The server checks the token before anything else: nothing was recorded.
      station.interrupted = {kind: 'problem', vial, key: 'sessionEnded'};
      signedOut();
      return;
    }
    if (!reply || reply.status >= 500) {
      station.retry = {scan: target, key};
      station.message = {kind: 'problem', vial, key: 'networkRetry', problem: answer && reply && reply.status !== 503 ? answer : {}, status: reply && reply.status};
    } else if (reply.ok) {
      target.recorded = true;
      clearUndo();
      station.message = {kind: 'recorded', vial, body: answer, dispense};
    } else {
      station.message = {kind: 'problem', vial, problem: answer, status: reply.status, key: reply.status === 403 ? 'notNurse' : null};
    }
    render();
    focusBarcode();
  }

  // A group separator typed by the scanner goes into the field (assets/scanner.js).
  function onBarcodeSeparator(event) {
    return window.ExoTraceScanner.separator(event, $('barcode'));
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

  // A scan typed while a select or a button has the focus (after choosing a route with the keyboard, which leaves
  // the focus there: WCAG 3.2.2) goes to the barcode field, its first character included.
  function onStationKey(event) {
    const target = event.target;
    if (!['SELECT', 'BUTTON'].includes(target.tagName) || event.altKey || event.metaKey) return;
    const printable = event.key.length === 1 && event.key !== ' ' && !event.ctrlKey;
    if (!printable && !window.ExoTraceScanner.isGroupSeparator(event)) return;
    event.preventDefault();
    $('barcode').focus();
    if (printable) $('barcode').setRangeText(event.key, $('barcode').selectionStart, $('barcode').selectionEnd, 'end');
    else onBarcodeSeparator(event);
  }

  session.bind(words.lang, () => show(true));
  $('signout').addEventListener('click', () => { session.signOut(); show(false); });
  for (const code of ['ja', 'en']) $('lang-' + code).addEventListener('click', focusBarcode);
  $('patient').addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (commitPatient()) focusBarcode();
  });
  $('patient').addEventListener('change', commitPatient);
  $('barcode').addEventListener('keydown', onBarcodeKey);
  $('barcode').addEventListener('keypress', onBarcodeSeparator);
  $('station').addEventListener('keydown', onStationKey);
  $('record').addEventListener('click', () => record());
  $('undo').addEventListener('submit', undo);
  for (const id of ['route', 'site', 'purpose']) $(id).addEventListener('change', renderDose);
  words.use(WORDS, render);
  show(Boolean(token()));
})();
