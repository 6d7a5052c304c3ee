'use strict';
// The lot report, /lots/{lotNumber}: identity, status and vials (GET /api/lots/{n}), the QC dossier (…/qc-results), the
// forward trace (…/trace, QA), and QA's actions, each in a form of its own: a QC result, a correction with its reason,
// a CPC's certificate CSV, release with an electronic signature (offered only when the dossier says it can succeed),
// reject, recall, a recall notification, and the printable PDF. INVENTORY sees the report without QA's actions. While
// a recalled, rejected or expired lot has vials on hand, the list of vials to set aside, by location, stays on the page.
(function () {
  const qa = window.ExoTraceQa;
  const $ = qa.$;
  const el = qa.el;
  const t = qa.t;
  const CHANNELS = ['PHONE', 'EMAIL', 'LETTER', 'SMS', 'IN_PERSON'];
  const OUTCOMES = ['REACHED', 'NOT_REACHED'];
  const QUALITATIVE = [['NEGATIVE', 'POSITIVE'], ['CONFORMS', 'DOES_NOT_CONFORM']];
  const FORMS = ['release-form', 'decision-form', 'notify-form', 'qc-form', 'correct-form'];
  const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?$/; // a JSON number

  const WORDS = {
    title: {en: 'ExoTrace · Lot report', ja: 'ExoTrace · ロットの記録'},
    allLots: {en: 'All lots', ja: 'ロット一覧'},
    release: {en: 'Release…', ja: '出荷判定（署名）…'},
    reject: {en: 'Reject…', ja: '不合格にする…'},
    recall: {en: 'Recall…', ja: '回収する…'},
    enterQc: {en: 'Enter QC…', ja: 'QC結果を入力…'},
    pdf: {en: 'Printable PDF', ja: '印刷用PDF'},
    openPdf: {en: 'Open the PDF', ja: 'PDFを開く'},
    releaseTitle: {en: 'Release this lot: electronic signature', ja: 'このロットの出荷判定：電子署名'},
    releaseText: {
      en: 'You sign that lot {lot} is released for clinical use. Enter your password again and say what your signature means.',
      ja: 'ロット {lot} を臨床使用可として出荷判定することに署名します。パスワードをもう一度入力し、署名の意味を記入してください。'
    },
    meaning: {en: 'Meaning of the signature', ja: '署名の意味'},
    meaningExample: {en: 'e.g. Released for clinical use: QC reviewed against specification', ja: '例：規格に照らしてQCを確認し、臨床使用可と判定'},
    signRelease: {en: 'Sign and release', ja: '署名して出荷判定'},
    cancel: {en: 'Cancel', ja: 'キャンセル'},
    reason: {en: 'Reason', ja: '理由'},
    rejectTitle: {en: 'Reject lot {lot}', ja: 'ロット {lot} を不合格にする'},
    rejectConfirm: {en: 'Reject the lot', ja: '不合格にする'},
    rejectWarning: {en: 'A rejected lot can never be released; its vials can never be given.', ja: '不合格のロットは出荷判定できず、そのバイアルは投与できなくなります。'},
    recallTitle: {en: 'Recall lot {lot}', ja: 'ロット {lot} を回収する'},
    recallConfirm: {en: 'Recall the lot', ja: '回収する'},
    recallWarning: {
      en: 'From now on every vial of the lot is blocked at the bedside, and every patient who received it must be notified.',
      ja: 'これ以降、このロットのすべてのバイアルはベッドサイドで使用できなくなり、投与を受けた患者全員への連絡が必要になります。'
    },
    notifyTitle: {en: 'Record a recall notification', ja: '回収の連絡を記録'},
    patient: {en: 'Patient', ja: '患者'},
    channel: {en: 'Channel', ja: '連絡方法'},
    outcome: {en: 'Outcome', ja: '結果'},
    noteOptional: {en: 'Note (optional)', ja: 'メモ（任意）'},
    recordNotification: {en: 'Record notification', ja: '連絡を記録'},
    PHONE: {en: 'Phone', ja: '電話'},
    EMAIL: {en: 'Email', ja: 'メール'},
    LETTER: {en: 'Letter', ja: '郵送'},
    SMS: {en: 'SMS', ja: 'SMS'},
    IN_PERSON: {en: 'In person', ja: '対面'},
    REACHED: {en: 'Reached', ja: '連絡がついた'},
    NOT_REACHED: {en: 'Not reached', ja: '連絡がつかない'},
    PASS: {en: 'Pass', ja: '適合'},
    FAIL: {en: 'Fail', ja: '不適合'},
    MISSING: {en: 'No result', ja: '結果なし'},
    API: {en: 'entered', ja: '入力'},
    CSV: {en: 'certificate CSV', ja: '試験成績書CSV'},
    qcNewTitle: {en: 'Enter a QC result', ja: 'QC結果を入力'},
    qcCorrectTitle: {en: 'Correct the {assay} result', ja: '{assay} の結果を訂正'},
    qcCorrects: {en: 'This corrects the result entered {at} by {by}: {reading}. The old result stays on record.', ja: '{at} に {by} が入力した結果（{reading}）を訂正します。元の結果は記録に残ります。'},
    assay: {en: 'Assay', ja: '試験項目'},
    value: {en: 'Value', ja: '数値'},
    method: {en: 'Method (e.g. NTA, LAL)', ja: '試験方法（例：NTA、LAL）'},
    performedAt: {en: 'Performed at ({zone})', ja: '実施日時（{zone}）'},
    performer: {en: 'Performed by (optional)', ja: '実施者（任意）'},
    correctionReason: {en: 'Reason for the correction', ja: '訂正の理由'},
    enterResult: {en: 'Enter the result', ja: '結果を登録'},
    certificateTitle: {en: 'Or: a CPC\'s certificate of analysis (CSV)', ja: 'または：CPCの試験成績書（CSV）'},
    certificateHelp: {
      en: 'Header assay,value,unit,outcome,method,performedAt,performer (supersedes, reason optional), one row per assay. All rows are entered, or none.',
      ja: '見出し行 assay,value,unit,outcome,method,performedAt,performer（supersedes, reason は任意）、試験ごとに1行。全行が登録されるか、1行も登録されません。'
    },
    certificateFile: {en: 'Certificate file (CSV)', ja: '試験成績書ファイル（CSV）'},
    upload: {en: 'Upload the certificate', ja: '試験成績書を登録'},
    chooseFile: {en: 'Choose the certificate\'s CSV file first.', ja: '先に試験成績書のCSVファイルを選んでください。'},
    valueNumber: {en: 'Enter the value as a number (e.g. 0.1 or 3.9e11).', ja: '数値を半角数字で入力してください（例：0.1、3.9e11）。'},
    chooseOutcome: {en: 'Choose the outcome.', ja: '結果を選んでください。'},
    needReason: {en: 'Give the reason for the correction.', ja: '訂正の理由を記入してください。'},
    entered: {en: 'Entered: {results}.', ja: '登録しました：{results}'},
    enteredCsv: {en: 'Certificate entered: {results}.', ja: '試験成績書を登録しました：{results}'},
    qcOutcome: {en: '{assay} {reading} — {judgement}', ja: '{assay} {reading} — {judgement}'},
    correct: {en: 'Correct…', ja: '訂正…'},
    correctNamed: {en: 'Correct… the {assay} result', ja: '訂正… {assay} の結果'},
    notify: {en: 'Notify…', ja: '連絡を記録…'},
    notifyNamed: {en: 'Notify… patient {patient}', ja: '連絡を記録… 患者 {patient}'},
    dossier: {en: 'QC dossier', ja: 'QC記録'},
    specification: {en: 'Specification', ja: '規格'},
    judgement: {en: 'Judgement', ja: '判定'},
    currentReading: {en: 'Current reading', ja: '現在の結果'},
    allResults: {en: 'Every result entered', ja: '入力されたすべての結果'},
    reading: {en: 'Reading', ja: '結果'},
    methodPerformed: {en: 'Method, performed', ja: '方法・実施'},
    standing: {en: 'Standing', ja: '有効性'},
    enteredCol: {en: 'Entered', ja: '入力'},
    action: {en: 'Action', ja: '操作'},
    signatures: {en: 'Signatures', ja: '署名'},
    signer: {en: 'Signer', ja: '署名者'},
    signedAt: {en: 'Signed at', ja: '署名日時'},
    decisions: {en: 'Status decisions', ja: '状態の判定'},
    from: {en: 'From', ja: '変更前'},
    to: {en: 'To', ja: '変更後'},
    when: {en: 'When', ja: '日時'},
    by: {en: 'By', ja: '担当'},
    traceTitle: {en: 'Forward trace', ja: '投与先の追跡'},
    // a dose recorded in error, corrected by QA (ADR 0040)
    correct: {en: 'Correct', ja: '訂正'},
    correctNamed: {en: 'Correct the dose of {patient}', ja: '{patient} の投与を訂正'},
    correctTitle: {en: 'Correct the dose of {patient} at {at}', ja: '{patient} の投与（{at}）を訂正'},
    correctionKind: {en: 'What happened', ja: '実際の状況'},
    correctVoid: {en: 'Not given: void the dose', ja: '投与していない：投与記録を取り消す'},
    correctPatient: {en: 'Given to another patient', ja: '別の患者に投与した'},
    rightPatient: {en: 'Patient ID of the patient who received it', ja: '実際に投与した患者のID'},
    correctConfirm: {en: 'Sign the correction', ja: '訂正に署名'},
    needReplacementPatient: {en: 'Enter the patient ID of the patient who received it.', ja: '実際に投与した患者のIDを入力してください。'},
    correctedVoided: {en: 'Corrected: the dose of {patient} is void.', ja: '訂正しました：{patient} の投与記録を取り消しました。'},
    correctedReplaced: {en: 'Corrected: the dose recorded for {patient} is now {right}\'s.', ja: '訂正しました：{patient} の投与を {right} の投与に訂正しました。'},
    correctedRecalled: {en: 'The lot is recalled: check the patients to reach.', ja: 'このロットは回収中です。連絡すべき患者を確認してください。'},
    correctionsTitle: {en: 'Corrected doses', ja: '訂正された投与'},
    noCorrections: {en: 'No dose of this lot has been corrected.', ja: 'このロットの投与に訂正はありません。'},
    correction: {en: 'Correction', ja: '訂正'},
    voided: {en: 'voided', ja: '取消'},
    replacedBy: {en: 'replaced by dose {id}', ja: '投与 {id} に訂正'},
    patients: {en: 'Patients', ja: '患者'},
    vials: {en: 'Vials', ja: 'バイアル'},
    lastDose: {en: 'Last dose', ja: '最終投与'},
    attempts: {en: 'Notification attempts', ja: '連絡の試み'},
    reached: {en: 'Reached', ja: '連絡済み'},
    doses: {en: 'Doses', ja: '投与'},
    time: {en: 'Time', ja: '日時'},
    site: {en: 'Site', ja: '部位'},
    nurse: {en: 'Nurse', ja: '看護師'},
    vial: {en: 'Vial', ja: 'バイアル'},
    scanned: {en: 'Scanned', ja: 'スキャン'},
    gtin: {en: 'GTIN', ja: 'GTIN'},
    licence: {en: '{code} · {name} · licence {licence}', ja: '{code}・{name}・許可番号 {licence}'},
    counts: {en: 'Vials: {counts}', ja: 'バイアル：{counts}'},
    expiredLot: {en: 'Expired on {date}: do not use – set aside.', ja: '有効期限切れ（{date}）：使用禁止・取り分け'},
    setAsideTitle: {en: 'Do not use – set aside these vials, by location:', ja: '使用禁止・次のバイアルを保管場所ごとに取り分けてください：'},
    onHandLine: {en: '{location}: {n} {vials} — {serials}', ja: '{location}：{n}本 — {serials}'},
    vialOne: {en: 'vial', ja: '本'},
    vialMany: {en: 'vials', ja: '本'},
    noLot: {en: 'This address names no lot.', ja: 'このアドレスはロットを示していません。'},
    notAllowed: {en: 'Not allowed: your account may not see lot reports (QA or INVENTORY).', ja: '権限がありません：このアカウントはロットの記録を見られません（QAまたはINVENTORY）。'},
    unknownLot: {en: 'No lot {lot} is known.', ja: 'ロット {lot} は登録されていません。'},
    releasable: {en: 'QC complete: every required assay passes.', ja: 'QC完了：必要なすべての試験が適合です。'},
    notReleasable: {en: 'Not releasable.', ja: '出荷判定できません。'},
    missing: {en: 'Missing: {assays}.', ja: '結果なし：{assays}'},
    failing: {en: 'Failing: {assays}.', ja: '不適合：{assays}'},
    releaseWhy: {en: 'Release is not offered: {why}', ja: '出荷判定はできません：{why}'},
    whyQc: {en: 'QC is not complete or not passed (see the QC dossier).', ja: 'QCが未完了または不適合です（QC記録を参照）。'},
    whyExpired: {en: 'the lot is past its expiry date.', ja: 'ロットが有効期限切れです。'},
    whySigned: {en: 'you have signed; a second QA user must sign.', ja: 'あなたは署名済みです。別のQA担当者の署名が必要です。'},
    current: {en: 'current', ja: '有効'},
    supersededBy: {en: 'superseded by {id}', ja: '{id} により訂正済み'},
    corrects: {en: 'corrects {id}', ja: '{id} を訂正'},
    dispensed: {en: '(dispensed)', ja: '（払出）'},
    scannedYes: {en: 'scanned', ja: 'スキャン'},
    scannedNo: {en: 'chosen by hand', ja: '手入力'},
    yes: {en: 'yes', ja: 'はい'},
    no: {en: 'no', ja: 'いいえ'},
    lastAttempt: {en: '{n} (last: {outcome} {at})', ja: '{n}（最終：{outcome} {at}）'},
    traceSummary: {en: '{vials} vials · {doses} doses · {patients} patients', ja: 'バイアル {vials}本・投与 {doses}件・患者 {patients}人'},
    toReach: {en: 'patients still to reach: ', ja: 'まだ連絡がついていない患者：'},
    recalledBy: {en: 'Recalled {at} by {by}: {reason}', ja: '{at} に {by} が回収：{reason}'},
    released: {en: 'Released. Signed by {signer} at {at}: {meaning}', ja: '出荷判定しました。{at} に {signer} が署名：{meaning}'},
    awaitingSecond: {en: 'Your signature is recorded. A second QA user must sign before the lot is released.', ja: '署名を記録しました。出荷判定には別のQA担当者の署名が必要です。'},
    recalled: {en: 'Recalled. Reason: {reason}', ja: '回収しました。理由：{reason}'},
    rejected: {en: 'Rejected. Reason: {reason}', ja: '不合格にしました。理由：{reason}'},
    setAsideCount: {en: 'Set aside the {n} vials still on a shelf (listed at the top).', ja: '棚に残っている {n}本のバイアルを取り分けてください（上部の一覧）。'},
    noneOnShelf: {en: 'No vial of the lot is on a shelf.', ja: '棚にこのロットのバイアルはありません。'},
    notified: {en: 'Recorded: {patient} {outcome} by {channel}.', ja: '記録しました：{patient}　{channel}　{outcome}'},
    pdfMissing: {en: 'The printable PDF is not available on this server yet.', ja: 'このサーバーでは印刷用PDFをまだ利用できません。'}
  };

  let lotNumber = null;
  try {
    lotNumber = decodeURIComponent(location.pathname.substring(location.pathname.lastIndexOf('/') + 1));
  } catch (e) {
    lotNumber = null;
  }
  const lotPath = 'api/lots/' + encodeURIComponent(lotNumber || '');
  const state = {lot: null, vials: [], dossier: null, trace: null};
  let decision = null; // 'reject' or 'recall' while its form is open
  let correcting = null; // the result a correction supersedes while the QC form is open for it
  let correctingDose = null; // the dose (GET api/administrations/{id}) the correction form is open for
  let opener = null; // the button that opened the form that is open
  let seq = 0;

  function isQa() {
    return qa.hasRole('QA');
  }

  function today() {
    return window.ExoTraceWords.today();
  }

  function closeForms() {
    for (const id of FORMS) $(id).hidden = true;
    decision = null;
    correcting = null;
    correctingDose = null;
  }

  function open(id) {
    opener = document.activeElement;
    closeForms();
    qa.unsay($('action-result'));
    $(id).hidden = false;
    $(id).querySelector('input:not([type=file]):enabled, select:enabled, textarea').focus();
  }

  function short(id) {
    return id ? String(id).substring(0, 8) : '';
  }

  function fill(tbody, rows) {
    $(tbody).replaceChildren(...rows);
  }

  function fact(name, value) {
    return [el('dt', t(name)), el('dd', value === null || value === undefined ? '—' : value)];
  }

  function unusable() {
    const lot = state.lot;
    return lot && (lot.status === 'RECALLED' || lot.status === 'REJECTED' || qa.expired(lot.expiresOn, today()));
  }

  function onHandList() {
    const byLocation = new Map();
    for (const v of state.vials.filter((x) => x.state === 'IN_STOCK')) byLocation.set(v.location, (byLocation.get(v.location) || []).concat(v.serial));
    return [...byLocation].map(([loc, serials]) => {
      const item = el('li', t('onHandLine', {location: loc, n: serials.length, vials: t(serials.length === 1 ? 'vialOne' : 'vialMany'),
        serials: serials.join(', ')}));
      item.dataset.location = loc;
      return item;
    });
  }

  // The signed-in user has signed the current results already (a release then needs a second QA user's signature).
  function alreadySigned() {
    if (!state.dossier) return false;
    const me = window.ExoTraceSignIn.userName();
    const current = state.dossier.results.filter((r) => r.current).map((r) => r.resultId).sort().join();
    return state.dossier.signatures.some((s) => s.signer === me
      && (s.signedResults || []).map((r) => r.resultId).sort().join() === current);
  }

  function renderLot() {
    const lot = state.lot;
    document.title = t('title') + ' · ' + lot.lotNumber;
    $('lot-number').textContent = lot.lotNumber;
    $('lot-status').replaceChildren(qa.statusBadge(lot.status));
    const expired = qa.expired(lot.expiresOn, today());
    $('expiry-mark').hidden = !expired;
    $('expiry-mark').textContent = expired ? t('expiredLot', {date: lot.expiresOn}) : '';
    const items = unusable() ? onHandList() : [];
    $('on-hand').replaceChildren(...items);
    $('set-aside').hidden = items.length === 0;
    $('identity').replaceChildren(
      ...fact('product', lot.productName + ' (' + lot.productCode + ')'), ...fact('gtin', lot.gtin),
      ...fact('cpc', t('licence', {code: lot.cpcCode, name: lot.cpcName, licence: lot.cpcLicenceNumber})),
      ...fact('donorSource', qa.word(lot.donorSource)), ...fact('manufactured', lot.manufacturedOn), ...fact('expires', lot.expiresOn),
      ...fact('received', t('receivedBy', {at: qa.when(lot.receivedAt), by: lot.receivedBy})));
    $('counts').textContent = t('counts', {counts: Object.entries(lot.counts || {}).filter(([, n]) => n > 0)
      .map(([s, n]) => n + ' ' + qa.word(s)).join(' · ')});
    const quarantined = lot.status === 'QUARANTINED';
    const qc = state.dossier && state.dossier.qc;
    const canRelease = isQa() && quarantined && Boolean(qc && qc.releasable) && !expired && !alreadySigned();
    $('act-release').hidden = !canRelease;
    $('act-reject').hidden = !(isQa() && quarantined);
    $('act-recall').hidden = !(isQa() && lot.status === 'RELEASED');
    $('act-qc').hidden = !(isQa() && quarantined && state.dossier);
    $('pdf').hidden = !isQa();
    if (!isQa()) $('pdf-link').hidden = true;
    const why = isQa() && quarantined && state.dossier && !canRelease
      ? t(expired ? 'whyExpired' : alreadySigned() ? 'whySigned' : 'whyQc') : '';
    $('release-why').hidden = !why;
    $('release-why').textContent = why ? t('releaseWhy', {why}) : '';
    $('vials').replaceChildren(...state.vials.map((v) => qa.row([v.serial, qa.word(v.state), v.location])));
  }

  function judgement(word) {
    const badge = el('span', t(word), 'judgement judgement-' + String(word).toLowerCase());
    badge.dataset.judgement = word;
    return badge;
  }

  function reading(r) {
    return r.value !== null && r.value !== undefined ? qa.counts(r.value) + ' ' + (r.unit || '') : qa.word(r.outcome);
  }

  function specReading(text) {
    return QUALITATIVE.flat().includes(text) ? t(text) : qa.counts(text);
  }

  function correctButton(r) {
    const button = el('button', t('correct'));
    button.type = 'button';
    button.setAttribute('aria-label', t('correctNamed', {assay: r.assay}));
    button.addEventListener('click', () => openQc(r));
    return button;
  }

  function renderDossier() {
    const d = state.dossier;
    const qc = d.qc;
    $('qc-summary').textContent = qc.releasable ? t('releasable')
      : [t('notReleasable'), qc.missing.length ? t('missing', {assays: qc.missing.join(', ')}) : '',
        qc.failing.length ? t('failing', {assays: qc.failing.join(', ')}) : ''].filter(Boolean).join(' ');
    fill('spec', d.specification.map((s) => {
      const tr = qa.row([s.assay, specReading(s.specification), judgement(s.judgement), s.reading ? specReading(s.reading) : '']);
      tr.dataset.assay = s.assay;
      return tr;
    }));
    const correctable = isQa() && d.status === 'QUARANTINED';
    fill('results', d.results.map((r) => {
      const tr = qa.row([r.assay, reading(r), judgement(r.judgement),
        [r.method, qa.when(r.performedAt), r.performer].filter(Boolean).join(' · '),
        (r.current ? t('current') : t('supersededBy', {id: short(r.supersededBy)}))
          + (r.supersedes ? ' · ' + t('corrects', {id: short(r.supersedes)}) + (r.reason ? ': ' + r.reason : '') : ''),
        t('receivedBy', {at: qa.when(r.enteredAt), by: r.enteredBy}) + ' (' + qa.word(r.source) + ')',
        correctable && r.current ? correctButton(r) : '']);
      tr.dataset.result = r.resultId;
      tr.dataset.assay = r.assay;
      return tr;
    }));
    fill('signatures', d.signatures.map((s) => qa.row([s.signer, qa.when(s.signedAt), s.meaning])));
    fill('decisions', d.decisions.map((x) => qa.row([x.from ? qa.statusBadge(x.from) : '', qa.statusBadge(x.to), x.reason,
      qa.when(x.decidedAt), x.decidedBy])));
  }

  function renderTrace() {
    const tr = state.trace;
    const recalled = tr.status === 'RECALLED';
    $('trace-summary').replaceChildren(el('span', t('traceSummary', {vials: tr.vialCount, doses: tr.doseCount, patients: tr.patientCount})));
    if (recalled) {
      const toReach = el('strong', tr.patientsToReach, tr.patientsToReach > 0 ? 'to-reach' : 'all-reached');
      toReach.id = 'to-reach';
      $('trace-summary').append(' · ' + t('toReach'), toReach);
    }
    $('recall').textContent = tr.recall ? t('recalledBy', {at: qa.when(tr.recall.recalledAt), by: tr.recall.recalledBy, reason: tr.recall.reason}) : '';
    fill('patients', tr.patients.map((p) => {
      const notify = el('button', t('notify'));
      notify.type = 'button';
      notify.setAttribute('aria-label', t('notifyNamed', {patient: p.patientId}));
      notify.hidden = !recalled;
      notify.addEventListener('click', () => { open('notify-form'); $('notify-patient').value = p.patientId; });
      const row = qa.row([p.patientId, p.vials, qa.when(p.lastDoseAt),
        p.lastOutcome ? t('lastAttempt', {n: p.attempts, outcome: qa.word(p.lastOutcome), at: qa.when(p.lastAttemptAt)}) : String(p.attempts),
        el('span', t(p.reached ? 'yes' : 'no'), p.reached ? 'reached' : 'not-reached'), notify]);
      row.dataset.patient = p.patientId;
      return row;
    }));
    const chosen = $('notify-patient').value;
    $('notify-patient').replaceChildren(...tr.patients.map((p) => new Option(p.patientId, p.patientId)));
    if (chosen) $('notify-patient').value = chosen;
    fill('doses', tr.doses.map((d) => {
      const correct = el('button', t('correct'));
      correct.type = 'button';
      correct.setAttribute('aria-label', t('correctNamed', {patient: d.patientId}));
      correct.addEventListener('click', () => openCorrection(d));
      const row = qa.row([d.patientId, qa.when(d.administeredAt), qa.word(d.route) + (d.kind === 'DISPENSED' ? ' ' + t('dispensed') : ''),
        [qa.word(d.site), d.siteDetail].filter(Boolean).join(' · '), d.volumeMl, d.nurse, qa.word(d.purpose), d.serial,
        t(d.scanned ? 'scannedYes' : 'scannedNo'), correct]);
      row.dataset.dose = d.administrationId;
      return row;
    }));
    const corrections = tr.corrections || [];
    $('no-corrections').hidden = corrections.length > 0;
    $('corrections-table').hidden = corrections.length === 0;
    fill('corrections', corrections.map((c) => {
      const row = qa.row([c.patientId, c.serial, c.correction === 'VOID' ? t('voided') : t('replacedBy', {id: short(c.replacedBy)}),
        qa.when(c.correctedAt), c.reason]);
      row.dataset.dose = c.administrationId;
      return row;
    }));
  }

  function options(select, values) {
    qa.options(select, values.map((v) => [v, v ? t(v) : t('choose')]));
  }

  function render() {
    options($('notify-channel'), CHANNELS);
    options($('notify-outcome'), OUTCOMES);
    $('release-text').textContent = t('releaseText', {lot: lotNumber});
    if (decision) decisionWords();
    if (!$('qc-form').hidden) qcWords();
    if (state.lot) renderLot();
    if (state.dossier) renderDossier();
    if (state.trace) renderTrace();
  }

  function clear() {
    seq++;
    closeForms();
    state.lot = null;
    state.vials = [];
    state.dossier = null;
    state.trace = null;
    $('lot').hidden = true;
    for (const id of ['spec', 'results', 'signatures', 'decisions', 'patients', 'doses', 'vials', 'on-hand']) $(id).replaceChildren();
    for (const id of ['lot-number', 'lot-status', 'identity', 'counts', 'qc-summary', 'trace-summary', 'recall']) $(id).replaceChildren();
    $('pdf-link').hidden = true;
  }

  /** Loads one part of the report; a refusal is said in that part's own box. */
  async function part(path, box, key, mine) {
    const reply = await qa.call(path);
    if (mine !== seq) return reply;
    qa.unsay($(box));
    if (reply.ok) state[key] = reply.body; else if (reply.status !== 401 && !qa.forbidden(reply)) qa.sayProblem($(box), reply);
    return reply;
  }

  /** The account may not see this: nothing of the lot stays on the page, and the refusal is said at the top. */
  function refused(reply) {
    clear();
    qa.say($('problem'), 'problem', () => [t('notAllowed')]);
    $('problem').dataset.code = (reply.body && reply.body.code) || 'FORBIDDEN';
  }

  async function vials(mine) {
    const all = [];
    for (let page = 0; ; page++) {
      const reply = await qa.call(lotPath + '?size=500&page=' + page);
      if (!reply.ok || mine !== seq) return reply;
      all.push(...reply.body.vials);
      if (page === 0) state.lot = reply.body;
      if (reply.body.vials.length < 500) break;
    }
    state.vials = all;
    return {ok: true};
  }

  async function load() {
    const mine = ++seq;
    closeForms();
    if (!lotNumber) {
      qa.say($('problem'), 'problem', () => [t('noLot')]);
      return;
    }
    const reply = await vials(mine);
    if (mine !== seq || reply.status === 401) return;
    if (!reply.ok) {
      clear();
      if (reply.status === 403) refused(reply);
      else if (reply.status === 404) qa.say($('problem'), 'problem', () => [t('unknownLot', {lot: lotNumber})]);
      else qa.sayProblem($('problem'), reply);
      return;
    }
    qa.unsay($('problem'));
    const parts = [part(lotPath + '/qc-results', 'qc-problem', 'dossier', mine)];
    if (isQa()) parts.push(part(lotPath + '/trace', 'trace-problem', 'trace', mine));
    const replies = await Promise.all(parts);
    if (mine !== seq) return;
    const forbidden = replies.find(qa.forbidden);
    if (forbidden) {
      refused(forbidden);
      return;
    }
    $('trace').hidden = !isQa();
    $('lot').hidden = false;
    render();
  }

  /** Sends an action on the lot; on success reloads the report and says what happened, otherwise says why not (at the top). */
  function act(path, options, done) {
    return actAt(lotPath + path, options, done);
  }

  /** Sends an action to {@code path} of the API, as {@link act} does. */
  async function actAt(path, options, done) {
    const button = document.activeElement;
    if (button && button.tagName === 'BUTTON') button.disabled = true;
    const reply = await qa.call(path, Object.assign({method: 'POST'}, options));
    if (button && button.tagName === 'BUTTON') button.disabled = false;
    if (reply.status === 401) return;
    if (qa.forbidden(reply)) {
      refused(reply);
      return;
    }
    if (!reply.ok) {
      qa.sayProblem($('action-result'), reply);
      $('action-result').scrollIntoView({block: 'nearest'});
      return;
    }
    await load();
    done(reply);
    $('action-result').scrollIntoView({block: 'nearest'});
  }

  function sayLocally(key) {
    qa.say($('action-result'), 'problem', () => [t(key)]);
  }

  function release(event) {
    event.preventDefault();
    const body = {password: $('release-password').value, meaning: $('release-meaning').value.trim()};
    $('release-password').value = '';
    act('/release', {json: body}, (reply) => {
      const s = reply.body.signature || {};
      qa.say($('action-result'), reply.status === 200 ? 'ok' : 'notice', () => [reply.status === 200
        ? t('released', {signer: s.signer, at: qa.when(s.signedAt), meaning: s.meaning}) : t('awaitingSecond')]);
    });
  }

  function decide(event) {
    event.preventDefault();
    const kind = decision;
    act('/' + kind, {json: {reason: $('decision-reason').value.trim()}}, (reply) => {
      const n = (reply.body.onHand || []).length;
      qa.say($('action-result'), kind === 'recall' ? 'notice' : 'ok', () => [t(kind === 'recall' ? 'recalled' : 'rejected', {reason: reply.body.decision.reason}),
        n ? t('setAsideCount', {n}) : t('noneOnShelf')]);
    });
  }

  function decisionWords() {
    $('decision-title').textContent = t(decision + 'Title', {lot: lotNumber});
    $('decision-warning').textContent = t(decision + 'Warning');
    $('decision-confirm').textContent = t(decision + 'Confirm');
  }

  function openDecision(kind) {
    open('decision-form');
    decision = kind;
    decisionWords();
    $('decision-reason').value = '';
  }

  function notify(event) {
    event.preventDefault();
    const body = {patientId: $('notify-patient').value, channel: $('notify-channel').value, outcome: $('notify-outcome').value};
    if ($('notify-note').value.trim()) body.note = $('notify-note').value.trim();
    act('/notifications', {json: body}, (reply) => {
      $('notify-note').value = '';
      qa.say($('action-result'), 'ok', () => [t('notified', {patient: reply.body.patientId, outcome: qa.word(reply.body.outcome), channel: qa.word(reply.body.channel)})]);
    });
  }

  // A dose of the trace corrected by QA: voided, or given to another patient (the dose as read from the API, for another
  // patient); signed with QA's password (POST api/administrations/{id}/corrections).
  async function openCorrection(d) {
    const reply = await qa.call('api/administrations/' + encodeURIComponent(d.administrationId));
    if (reply.status === 401) return;
    if (!reply.ok) { qa.sayProblem($('action-result'), reply); return; }
    open('correct-form');
    correctingDose = reply.body;
    $('correct-title').textContent = t('correctTitle', {patient: d.patientId, at: qa.when(d.administeredAt)});
    for (const id of ['correct-void', 'correct-replace', 'correct-unopened', 'correct-opened']) $(id).checked = false;
    $('correct-void').checked = true;
    $('correct-patient').value = '';
    $('correct-reason').value = '';
    correctionKind();
    $('correct-void').focus();
  }

  function correctionKind() {
    const replace = $('correct-replace').checked;
    $('correct-patient-field').hidden = !replace;
    $('correct-vial-field').hidden = replace;
  }

  function correctDose(event) {
    event.preventDefault();
    const d = correctingDose;
    if (!d) return;
    const replace = $('correct-replace').checked;
    const opened = $('correct-opened').checked ? true : $('correct-unopened').checked ? false : null;
    const right = $('correct-patient').value.trim();
    if (replace && !right) { sayLocally('needReplacementPatient'); $('correct-patient').focus(); return; }
    if (!replace && opened === null) { sayLocally('needVialState'); $('correct-unopened').focus(); return; }
    const body = {action: replace ? 'REPLACE' : 'VOID', reason: $('correct-reason').value.trim(), password: $('correct-password').value};
    if (replace) {
      body.replacement = {patientId: right, route: d.route, volumeMl: d.volumeMl, purpose: d.purpose};
      for (const f of ['site', 'siteDetail', 'indication', 'sessionRef', 'physician', 'consentRef', 'provisionPlanNumber']) {
        if (d[f]) body.replacement[f] = d[f];
      }
    } else {
      body.vialOpened = opened;
    }
    $('correct-password').value = '';
    actAt('api/administrations/' + encodeURIComponent(d.administrationId) + '/corrections', {json: body}, (reply) => {
      closeForms();
      const said = [t(replace ? 'correctedReplaced' : 'correctedVoided', {patient: d.patientId, right})];
      if (reply.body.correction && reply.body.correction.recalledLot) said.push(t('correctedRecalled'));
      qa.say($('action-result'), reply.body.correction && reply.body.correction.recalledLot ? 'notice' : 'ok', () => said);
    });
  }

  // The QC form: a new result, or a correction of one (its assay fixed, a reason required), or a certificate CSV.

  function spec(assay) {
    return (state.dossier ? state.dossier.specification : []).find((s) => s.assay === assay);
  }

  function outcomesOf(s) {
    return s ? QUALITATIVE.find((pair) => pair.includes(s.specification)) : null;
  }

  function unitOf(s) {
    const m = s && /^(?:>= |<= )?-?[\d.]+(?: to -?[\d.]+)? (.+)$/.exec(s.specification);
    return m ? m[1] : '';
  }

  function qcWords() {
    $('qc-title').textContent = correcting ? t('qcCorrectTitle', {assay: correcting.assay}) : t('qcNewTitle');
    $('qc-corrects').hidden = !correcting;
    $('qc-corrects').textContent = correcting ? t('qcCorrects', {at: qa.when(correcting.enteredAt), by: correcting.enteredBy, reading: reading(correcting)}) : '';
    $('qc-performed-label').textContent = t('performedAt', {zone: window.ExoTraceWords.zone()});
    const assay = $('qc-assay').value;
    options($('qc-assay'), [''].concat(state.dossier ? state.dossier.specification.map((s) => s.assay) : []));
    for (const option of $('qc-assay').options) if (option.value) option.textContent = option.value;
    $('qc-assay').value = assay;
    kindOfResult();
  }

  // Shows the fields of the chosen assay's kind of result: a value with its unit, or an outcome.
  function kindOfResult() {
    const s = spec($('qc-assay').value);
    const outcomes = outcomesOf(s);
    $('qc-quantity').hidden = Boolean(outcomes);
    $('qc-outcome-field').hidden = !outcomes;
    options($('qc-outcome'), [''].concat(outcomes || []));
    const quantitative = Boolean(s) && !outcomes;
    $('qc-value').required = quantitative;
    $('qc-unit').required = quantitative;
    $('qc-method').required = quantitative;
    $('qc-performed').required = quantitative;
    $('qc-outcome').required = Boolean(outcomes);
    if (quantitative && !$('qc-unit').value) $('qc-unit').value = unitOf(s);
  }

  function openQc(result) {
    open('qc-form');
    correcting = result || null;
    for (const id of ['qc-value', 'qc-unit', 'qc-method', 'qc-performed', 'qc-performer', 'qc-reason', 'qc-file']) $(id).value = '';
    qcWords();
    $('qc-assay').value = correcting ? correcting.assay : '';
    $('qc-assay').disabled = Boolean(correcting);
    $('qc-reason-field').hidden = !correcting;
    $('qc-reason').required = Boolean(correcting);
    kindOfResult();
    (correcting ? ($('qc-outcome-field').hidden ? $('qc-value') : $('qc-outcome')) : $('qc-assay')).focus();
  }

  function enteredLines(key, reply) {
    return () => [t(key, {results: reply.body.results.map((r) => t('qcOutcome', {assay: r.assay, reading: reading(r), judgement: t(r.judgement)})).join('; ')})];
  }

  function enterQc(event) {
    event.preventDefault();
    const assay = $('qc-assay').value;
    const outcomes = outcomesOf(spec(assay));
    const fields = {assay};
    let value = null;
    if (outcomes) {
      if (!$('qc-outcome').value) { sayLocally('chooseOutcome'); $('qc-outcome').focus(); return; }
      fields.outcome = $('qc-outcome').value;
    } else {
      value = $('qc-value').value.trim();
      if (!NUMBER.test(value)) { sayLocally('valueNumber'); $('qc-value').focus(); return; }
      fields.unit = $('qc-unit').value.trim();
    }
    if ($('qc-method').value.trim()) fields.method = $('qc-method').value.trim();
    if ($('qc-performed').value) fields.performedAt = window.ExoTraceWords.instantOf($('qc-performed').value);
    if ($('qc-performer').value.trim()) fields.performer = $('qc-performer').value.trim();
    if (correcting) {
      if (!$('qc-reason').value.trim()) { sayLocally('needReason'); $('qc-reason').focus(); return; }
      fields.supersedes = correcting.resultId;
      fields.reason = $('qc-reason').value.trim();
    }
    // The value goes as the number typed, digit for digit (a JavaScript number would round a long one).
    const json = JSON.stringify(fields);
    const text = value === null ? json : json.replace(/^\{/, '{"value":' + value + ',');
    act('/qc-results', {text, headers: {'Content-Type': 'application/json'}}, (reply) => {
      qa.say($('action-result'), 'ok', enteredLines('entered', reply));
    });
  }

  async function uploadCertificate() {
    const file = $('qc-file').files[0];
    if (!file) { sayLocally('chooseFile'); $('qc-file').focus(); return; }
    const text = await file.text();
    act('/qc-results', {text, headers: {'Content-Type': 'text/csv'}}, (reply) => {
      qa.say($('action-result'), 'ok', enteredLines('enteredCsv', reply));
    });
  }

  // The report as PDF, fetched with the token (a plain link would carry none) and opened from a blob.
  async function pdf() {
    $('pdf-link').hidden = true;
    const reply = await qa.call(lotPath + '/report', {headers: {Accept: 'application/pdf'}, asBlob: true});
    if (reply.status === 401) return;
    if (reply.status === 404 || reply.status === 406 || (reply.ok && !reply.type.startsWith('application/pdf'))) {
      qa.say($('action-result'), 'notice', () => [t('pdfMissing')]);
      return;
    }
    if (!reply.ok) {
      qa.sayProblem($('action-result'), reply);
      return;
    }
    const address = qa.offer($('pdf-link'), reply.blob, 'lot-' + lotNumber + '.pdf');
    qa.unsay($('action-result'));
    window.open(address, '_blank', 'noopener');
  }

  function cancel() {
    closeForms();
    if (opener && document.contains(opener) && !opener.hidden) opener.focus();
  }

  $('act-release').addEventListener('click', () => open('release-form'));
  $('act-reject').addEventListener('click', () => openDecision('reject'));
  $('act-recall').addEventListener('click', () => openDecision('recall'));
  $('act-qc').addEventListener('click', () => openQc(null));
  $('release-form').addEventListener('submit', release);
  $('decision-form').addEventListener('submit', decide);
  $('notify-form').addEventListener('submit', notify);
  $('qc-form').addEventListener('submit', enterQc);
  $('correct-form').addEventListener('submit', correctDose);
  for (const id of ['correct-void', 'correct-replace']) $(id).addEventListener('change', correctionKind);
  $('qc-assay').addEventListener('change', () => { $('qc-unit').value = ''; kindOfResult(); });
  $('qc-upload').addEventListener('click', uploadCertificate);
  for (const button of document.querySelectorAll('.confirm .cancel')) button.addEventListener('click', cancel);
  // Escape closes the open form, as its Cancel does.
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && FORMS.some((id) => !$(id).hidden)) { event.preventDefault(); cancel(); }
  });
  $('pdf').addEventListener('click', pdf);
  qa.start(WORDS, {load, clear, render});
})();
