'use strict';
// The inventory staff's page (/inventory): receive a lot (serials scanned from the CPC's labels, or a count with labels
// printed), move vials by scanning them, waste a vial with a reason, and count a location by scanning everything on it,
// seeing what the count finds before it is applied. Every label is read by the server (POST api/stock/scans), never
// parsed here; every refusal is the API's problem code in words, at the top. QA may look; the actions are INVENTORY's.
(function () {
  const qa = window.ExoTraceQa;
  const $ = qa.$;
  const t = qa.t;

  const WORDS = {
    title: {en: 'ExoTrace · Inventory', ja: 'ExoTrace · 在庫作業'},
    readOnly: {en: 'Receiving, moving, waste and counts need the INVENTORY role: this account can only look.',
      ja: '受入・移動・廃棄・棚卸には在庫管理（INVENTORY）の役割が必要です。このアカウントは閲覧のみです。'},
    receiveTitle: {en: 'Receive a lot', ja: 'ロットの受入'},
    moveTitle: {en: 'Move vials', ja: 'バイアルの移動'},
    wasteTitle: {en: 'Waste a vial', ja: 'バイアルの廃棄'},
    countTitle: {en: 'Count a location', ja: '保管場所の棚卸'},
    howLabelled: {en: 'Vial labels', ja: 'バイアルのラベル'},
    modeScan: {en: 'Scan each vial\'s label from the CPC', ja: 'CPCのラベルを1本ずつスキャン'},
    modeCount: {en: 'No serial on the labels: give the count and print labels', ja: 'ラベルにシリアルがない：本数を入力しラベルを印刷'},
    scanLabel: {en: 'Scan a vial label', ja: 'バイアルのラベルをスキャン'},
    scanHere: {en: 'scan here', ja: 'ここにスキャン'},
    undoLast: {en: 'Remove the last scan', ja: '最後のスキャンを取り消す'},
    vialCount: {en: 'Number of vials', ja: 'バイアル本数'},
    receive: {en: 'Receive the lot (into quarantine)', ja: 'ロットを受け入れる（出荷判定前）'},
    scanned: {en: '{n} vials scanned', ja: 'スキャン済み {n} 本'},
    duplicate: {en: 'Refused: serial {serial} was already scanned. Set this vial apart and check its label.',
      ja: '受け付けません：シリアル {serial} はすでにスキャン済みです。このバイアルを別にしてラベルを確認してください。'},
    otherProduct: {en: 'Refused: this label is of another product (GTIN {gtin}).', ja: '受け付けません：このラベルは別の製品のものです（GTIN {gtin}）。'},
    otherLot: {en: 'Refused: this label is of lot {lot}, not {expected}.', ja: '受け付けません：このラベルはロット {lot} のもので、{expected} ではありません。'},
    otherExpiry: {en: 'Refused: the label says it expires on {date}, not {expected}.', ja: '受け付けません：ラベルの有効期限は {date} で、{expected} ではありません。'},
    alreadyReceived: {en: 'Refused: vial {serial} was received before (lot {lot}, {location}).', ja: '受け付けません：バイアル {serial} はすでに受入済みです（ロット {lot}、{location}）。'},
    chooseProductFirst: {en: 'Choose the product first.', ja: '先に製品を選んでください。'},
    noScans: {en: 'Scan at least one vial label first.', ja: '先にバイアルのラベルを1本以上スキャンしてください。'},
    lotReceived: {en: 'Lot {lot} received: {n} vials at {location}, awaiting QA release.', ja: 'ロット {lot} を受け入れました：{location} に {n} 本（QAの出荷判定待ち）。'},
    labelsTitle: {en: 'Print the labels', ja: 'ラベルの印刷'},
    labelLayout: {en: 'Label stock', ja: 'ラベル用紙'},
    layoutLabel: {en: 'Label printer: one 30 × 15 mm label a page', ja: 'ラベルプリンター：30 × 15 mm を1枚ずつ'},
    layoutA4: {en: 'A4 sheets', ja: 'A4シート'},
    labelsPdf: {en: 'Labels as PDF', ja: 'ラベル（PDF）'},
    labelsZpl: {en: 'Labels as ZPL (thermal printer)', ja: 'ラベル（ZPL、感熱プリンター）'},
    labelsDownload: {en: 'Download the labels again', ja: 'ラベルをもう一度ダウンロード'},
    labelsOf: {en: 'Lot {lot}: every vial in stock.', ja: 'ロット {lot}：在庫のすべてのバイアル。'},
    labelsReady: {en: 'Labels ready: {file}', ja: 'ラベルを作成しました：{file}'},
    moveHow: {en: 'Give the place the vials go to, then scan each vial (a whole shelf: scan every vial on it). Each is moved as it is scanned.',
      ja: '移動先を入力し、バイアルを1本ずつスキャンしてください（棚ごとの場合は棚のすべてのバイアルをスキャン）。スキャンするたびに移動します。'},
    moveTo: {en: 'Move to (location)', ja: '移動先（保管場所）'},
    moveFirst: {en: 'Give the location to move to first.', ja: '先に移動先を入力してください。'},
    moved: {en: '{serial} (lot {lot}): {from} → {to}', ja: '{serial}（ロット {lot}）：{from} → {to}'},
    movedTally: {en: '{n} vials moved', ja: '移動済み {n} 本'},
    wasteReason: {en: 'Reason', ja: '理由'},
    wasteNote: {en: 'Note (optional)', ja: 'メモ（任意）'},
    recordWaste: {en: 'Record as waste', ja: '廃棄として記録'},
    wasted: {en: 'Vial {serial} (lot {lot}) recorded as waste: {reason}.', ja: 'バイアル {serial}（ロット {lot}）を廃棄として記録しました：{reason}。'},
    BROKEN: {en: 'Broken', ja: '破損'},
    EXPIRED: {en: 'Expired', ja: '期限切れ'},
    OPENED_NOT_USED: {en: 'Opened, not used', ja: '開封後未使用'},
    TEMPERATURE_EXCURSION: {en: 'Temperature excursion', ja: '温度逸脱'},
    CONTAMINATED: {en: 'Contaminated', ja: '汚染'},
    PARTIAL_USE_REMAINDER: {en: 'Remainder of a partial use', ja: '一部使用の残り'},
    countHow: {en: 'Give the location, scan every vial on it, then check: the result is shown before anything is recorded.',
      ja: '保管場所を入力し、そこにあるすべてのバイアルをスキャンしてから確認してください。記録する前に結果を表示します。'},
    countAt: {en: 'Location counted', ja: '棚卸する保管場所'},
    countCheck: {en: 'Check the count', ja: '棚卸結果を確認'},
    countReset: {en: 'Start again', ja: 'やり直す'},
    countApply: {en: 'Apply the count to the stock', ja: '棚卸結果を在庫に反映'},
    countFirst: {en: 'Give the location counted first.', ja: '先に棚卸する保管場所を入力してください。'},
    countTally: {en: '{n} vials scanned at {location}', ja: '{location} でスキャン済み {n} 本'},
    countTwice: {en: 'Serial {serial} was already counted: counted once.', ja: 'シリアル {serial} はすでに数えています（1本として数えます）。'},
    unknownLabel: {en: 'No vial with this label was received: set it apart for checking.', ja: 'このラベルのバイアルは受入記録がありません。確認のため別にしてください。'},
    countHeadline: {en: 'Count at {location}: {matched} of {expected} found where recorded', ja: '{location} の棚卸：記録 {expected} 本のうち {matched} 本を確認'},
    countApplied: {en: 'Count at {location} applied: {missing} missing left the stock, {moved} moved here.', ja: '{location} の棚卸を反映しました：不足 {missing} 本を在庫から除外、{moved} 本をここへ移動。'},
    countChanged: {en: 'The scans changed after the check: check again before applying.', ja: '確認後にスキャンが変わりました。反映する前にもう一度確認してください。'},
    missingList: {en: 'Missing: recorded here, not found ({n}) – will leave the stock', ja: '不足：記録はあるが見つからない（{n} 本）– 在庫から除外されます'},
    movedList: {en: 'Found here, recorded elsewhere ({n}) – will be moved here', ja: '別の場所の記録だがここで発見（{n} 本）– ここへ移動されます'},
    notInStockList: {en: 'Scanned but no longer in stock ({n}) – set apart', ja: 'スキャンしたが在庫にない（{n} 本）– 別にしてください'},
    recordedAt: {en: 'recorded at {location}', ja: '記録上の場所：{location}'},
    BARCODE_INVALID: {en: 'This label cannot be read, or carries no serial number. Scan it again or set the vial apart.',
      ja: 'このラベルは読み取れないか、シリアル番号がありません。もう一度スキャンするか、バイアルを別にしてください。'},
    VIAL_NOT_IN_STOCK: {en: 'Refused: this vial is no longer in stock (given, dispensed or wasted).', ja: '受け付けません：このバイアルはすでに在庫にありません（投与・払出・廃棄済み）。'},
    STORAGE_RANGE_MISMATCH: {en: 'Refused: that storage place keeps a temperature outside the product\'s storage range. Choose another place.', ja: '受け付けません：その保管場所の温度範囲は製品の保管温度に合いません。別の保管場所を選んでください。'},
    ALREADY_THERE: {en: 'This vial is already at that location.', ja: 'このバイアルはすでにその保管場所にあります。'},
    LOT_EXISTS: {en: 'Refused: this lot number is already received for this product.', ja: '受け付けません：この製品のこのロット番号はすでに受入済みです。'},
    SERIAL_EXISTS: {en: 'Refused: a serial is already registered for this product.', ja: '受け付けません：この製品にはすでに登録済みのシリアルがあります。'},
    UNKNOWN_PRODUCT: {en: 'Refused: unknown product.', ja: '受け付けません：製品が登録されていません。'},
    UNKNOWN_CPC: {en: 'Refused: unknown CPC.', ja: '受け付けません：CPCが登録されていません。'},
    NO_VIALS_IN_STOCK: {en: 'No vial of this lot is in stock: nothing to print.', ja: 'このロットの在庫バイアルがないため、印刷するものがありません。'}
  };

  const REASONS = ['BROKEN', 'EXPIRED', 'OPENED_NOT_USED', 'TEMPERATURE_EXCURSION', 'CONTAMINATED', 'PARTIAL_USE_REMAINDER', 'OTHER'];
  const RECEIVE_FIELDS = ['receive-product', 'receive-cpc', 'receive-lot', 'receive-source', 'receive-made', 'receive-expires', 'receive-location'];

  let products = [];
  let cpcs = [];
  let places = []; // the storage places, offered in the location fields (ADR 0048)
  let receiving = []; // {serial, expiresOn}: the labels scanned for the lot being received
  let labelsLot = null; // {lotNumber, productCode}: the lot whose labels are offered
  let movedRows = [];
  let wasteVial = null;
  let counting = new Map(); // vialId -> serial
  let countResult = null; // {location, ids, body}: the checked count
  let seq = 0;

  function product() {
    return products.find((p) => p.code === $('receive-product').value);
  }

  function fillSelect(select, items, valueOf, textOf) {
    qa.options(select, [['', t('choose')], ...items.map((i) => [valueOf(i), textOf(i)])]);
  }

  function renderChoices() {
    fillSelect($('receive-product'), products, (p) => p.code, (p) => p.code + ' · ' + p.name);
    fillSelect($('receive-cpc'), cpcs, (c) => c.code, (c) => c.code + ' · ' + c.name);
    const p = product();
    fillSelect($('receive-source'), p ? p.donorSources : [], (s) => s, (s) => qa.word(s));
    if (p && p.donorSources.length === 1) $('receive-source').value = p.donorSources[0];
    fillSelect($('waste-reason'), REASONS, (r) => r, (r) => qa.word(r));
    // each place by its code, with its name and the range it keeps; a location not registered may still be typed
    $('places').replaceChildren(...places.map((place) => new Option(place.name + ' · ' + (place.registered
      ? t('rangeC', {min: place.minC, max: place.maxC}) : t('notRegistered')), place.code)));
  }

  /** A note beside a scan field: said at once, in the page's language (written again after a switch). */
  function note(id, key, params) {
    const box = $(id);
    box.exotraceNote = key ? () => t(key, params) : null;
    box.textContent = key ? t(key, params) : '';
  }

  function renderNotes() {
    for (const box of document.querySelectorAll('.scan-note')) box.textContent = box.exotraceNote ? box.exotraceNote() : '';
  }

  function renderReceiving() {
    $('receive-serials').replaceChildren(...receiving.map((r) => qa.el('li', r.serial)));
    $('receive-tally').textContent = t('scanned', {n: receiving.length});
    $('receive-undo').disabled = receiving.length === 0;
    const counted = $('mode-count').checked;
    $('receive-scanning').hidden = counted;
    $('receive-counting').hidden = !counted;
    $('labels').hidden = !labelsLot;
    if (labelsLot) $('labels-lot').textContent = t('labelsOf', {lot: labelsLot.lotNumber});
  }

  function renderMoves() {
    $('move-done').replaceChildren(...movedRows.map((m) => qa.el('li', t('moved', m))));
    $('move-tally').textContent = movedRows.length ? t('movedTally', {n: movedRows.length}) : '';
  }

  function renderWaste() {
    const box = $('waste-vial');
    box.hidden = !wasteVial;
    $('waste-submit').disabled = !wasteVial || !qa.hasRole('INVENTORY');
    box.replaceChildren();
    if (!wasteVial) return;
    const v = wasteVial;
    for (const [key, value] of [['serial', v.serial], ['lot', v.lotNumber + ' · ' + v.productCode], ['location', v.location || '—'],
      ['state', qa.word(v.state)], ['expires', v.expiresOn]]) {
      box.append(qa.el('dt', t(key)), qa.el('dd', value));
    }
  }

  function vialLine(v) {
    return v.serial + (v.location ? ' · ' + t('recordedAt', {location: v.location}) : '');
  }

  function renderCount() {
    const location = $('count-at').value.trim();
    $('count-tally').textContent = counting.size || location ? t('countTally', {n: counting.size, location: location || '—'}) : '';
    $('count-result').hidden = !countResult;
    if (!countResult) return;
    const r = countResult.body;
    $('count-headline').textContent = t('countHeadline', {location: r.location, matched: r.matched, expected: r.expected});
    const lists = [];
    for (const [key, items, kind] of [['missingList', r.missing, 'missing'], ['movedList', r.relocated, 'moved'], ['notInStockList', r.notInStock, 'not-in-stock']]) {
      const section = qa.el('div');
      section.dataset.list = kind;
      section.append(qa.el('h4', t(key, {n: items.length})));
      const ul = qa.el('ul');
      ul.append(...items.map((v) => qa.el('li', vialLine(v))));
      section.append(ul);
      lists.push(section);
    }
    $('count-lists').replaceChildren(...lists);
  }

  function render() {
    renderChoices();
    renderNotes();
    renderReceiving();
    renderMoves();
    renderWaste();
    renderCount();
  }

  function clear() {
    seq++;
    products = [];
    cpcs = [];
    places = [];
    receiving = [];
    labelsLot = null;
    movedRows = [];
    wasteVial = null;
    counting = new Map();
    countResult = null;
    for (const id of RECEIVE_FIELDS.concat(['receive-scan', 'receive-count', 'move-to', 'move-scan', 'waste-scan', 'waste-text', 'count-at', 'count-scan'])) {
      $(id).value = '';
    }
    for (const box of document.querySelectorAll('.scan-note')) box.exotraceNote = null;
    qa.unsay($('action-result'));
    render();
  }

  async function load() {
    const mine = ++seq;
    const [p, c, l] = await Promise.all([qa.every('api/products'), qa.every('api/cpcs'), qa.call('api/locations')]);
    if (mine !== seq || p.status === 401 || c.status === 401 || l.status === 401) return;
    if (qa.refused(p) || qa.refused(c) || qa.refused(l)) return;
    qa.unsay($('problem'));
    products = p.body.items;
    cpcs = c.body.items;
    places = l.body.items;
    $('read-only').hidden = qa.hasRole('INVENTORY');
    for (const form of document.querySelectorAll('form.work')) {
      for (const e of form.querySelectorAll('input, select, button')) e.disabled = !qa.hasRole('INVENTORY');
    }
    render();
  }

  /** Reads a scanned label on the server: {label} when it could be read, else the refusal is said in the section's note. */
  async function readLabel(barcode, noteId) {
    const reply = await qa.call('api/stock/scans', {method: 'POST', json: {barcode}});
    if (reply.status === 422 && reply.body.code === 'BARCODE_INVALID') {
      note(noteId, 'BARCODE_INVALID');
      return null;
    }
    if (qa.refused(reply)) return null;
    return reply.body;
  }

  /** Wires a scan field: a scanner types the code (its group separators kept: assets/scanner.js) and Enter; the field is emptied at once, ready for the next vial. */
  function onScan(id, handle) {
    $(id).addEventListener('keydown', (event) => {
      if (window.ExoTraceScanner.separator(event, $(id)) || event.key !== 'Enter') return;
      event.preventDefault();
      const code = $(id).value.trim();
      $(id).value = '';
      if (code) handle(code);
    });
    $(id).addEventListener('keypress', (event) => window.ExoTraceScanner.separator(event, $(id)));
  }

  // --- receiving
  async function scanForReceipt(code) {
    note('receive-note');
    const p = product();
    if (!p) { note('receive-note', 'chooseProductFirst'); return; }
    const label = await readLabel(code, 'receive-note');
    if (!label) return;
    if (label.gtin !== p.gtin) { note('receive-note', 'otherProduct', {gtin: label.gtin}); return; }
    if (receiving.some((r) => r.serial === label.serial)) { note('receive-note', 'duplicate', {serial: label.serial}); return; }
    if (label.vial) {
      note('receive-note', 'alreadyReceived', {serial: label.serial, lot: label.vial.lotNumber, location: label.vial.location || '—'});
      return;
    }
    const lot = $('receive-lot').value.trim();
    if (label.lotNumber && lot && label.lotNumber !== lot) { note('receive-note', 'otherLot', {lot: label.lotNumber, expected: lot}); return; }
    if (label.lotNumber && !lot) $('receive-lot').value = label.lotNumber;
    const expires = $('receive-expires').value;
    if (label.expiresOn && expires && label.expiresOn !== expires) {
      note('receive-note', 'otherExpiry', {date: label.expiresOn, expected: expires});
      return;
    }
    if (label.expiresOn && !expires) $('receive-expires').value = label.expiresOn;
    receiving.push({serial: label.serial});
    renderReceiving();
  }

  async function receive(event) {
    event.preventDefault();
    const counted = $('mode-count').checked;
    if (!counted && receiving.length === 0) { note('receive-note', 'noScans'); return; }
    const body = {
      lotNumber: $('receive-lot').value.trim(), productCode: $('receive-product').value, cpcCode: $('receive-cpc').value,
      donorSource: $('receive-source').value || null, manufacturedOn: $('receive-made').value || null,
      expiresOn: $('receive-expires').value || null, location: $('receive-location').value.trim()
    };
    if (counted) body.vialCount = Number($('receive-count').value) || null; else body.serials = receiving.map((r) => r.serial);
    const reply = await qa.call('api/lots', {method: 'POST', json: body});
    if (qa.refused(reply)) return;
    const n = reply.body.vials;
    qa.done('lotReceived', {lot: body.lotNumber, n, location: body.location});
    labelsLot = counted ? {lotNumber: body.lotNumber, productCode: body.productCode} : null;
    receiving = [];
    note('receive-note');
    for (const id of ['receive-lot', 'receive-count', 'receive-made', 'receive-expires']) $(id).value = '';
    renderReceiving();
  }

  async function printLabels(format) {
    const lot = labelsLot;
    const path = 'api/lots/' + encodeURIComponent(lot.lotNumber) + '/labels?productCode=' + encodeURIComponent(lot.productCode);
    const accept = (format === 'PDF' ? 'application/pdf' : 'text/plain') + ', application/problem+json';
    const reply = await qa.call(path, {method: 'POST', json: {format, layout: $('labels-layout').value}, headers: {Accept: accept}, asBlob: true});
    if (qa.refused(reply)) return;
    const file = 'labels-' + lot.lotNumber + (format === 'PDF' ? '.pdf' : '.zpl');
    const link = $('labels-link');
    qa.offer(link, reply.blob, file);
    qa.done('labelsReady', {file});
    link.click();
  }

  // --- moving
  async function scanForMove(code) {
    note('move-note');
    const to = $('move-to').value.trim();
    if (!to) { note('move-note', 'moveFirst'); $('move-to').focus(); return; }
    const label = await readLabel(code, 'move-note');
    if (!label) return;
    if (!label.vial) { note('move-note', 'unknownLabel'); return; }
    const reply = await qa.call('api/vials/' + label.vial.vialId + '/moves', {method: 'POST', json: {location: to}});
    if (qa.refused(reply)) return;
    qa.unsay($('problem'));
    movedRows.unshift({serial: label.serial, lot: label.vial.lotNumber, from: label.vial.location || '—', to});
    renderMoves();
  }

  // --- waste
  async function scanForWaste(code) {
    note('waste-note');
    wasteVial = null;
    renderWaste();
    const label = await readLabel(code, 'waste-note');
    if (!label) return;
    if (!label.vial) { note('waste-note', 'unknownLabel'); return; }
    wasteVial = label.vial;
    renderWaste();
    $('waste-reason').focus();
  }

  async function waste(event) {
    event.preventDefault();
    const v = wasteVial;
    if (!v) return;
    const reason = $('waste-reason').value;
    const reply = await qa.call('api/vials/' + v.vialId + '/waste', {method: 'POST', json: {reason: reason || null, note: $('waste-text').value || null}});
    if (qa.refused(reply)) return;
    qa.done('wasted', {serial: v.serial, lot: v.lotNumber, reason: qa.word(reason)});
    wasteVial = null;
    $('waste-text').value = '';
    renderWaste();
    $('waste-scan').focus();
  }

  // --- counting
  async function scanForCount(code) {
    note('count-note');
    if (!$('count-at').value.trim()) { note('count-note', 'countFirst'); $('count-at').focus(); return; }
    const label = await readLabel(code, 'count-note');
    if (!label) return;
    if (!label.vial) { note('count-note', 'unknownLabel'); return; }
    if (counting.has(label.vial.vialId)) { note('count-note', 'countTwice', {serial: label.serial}); return; }
    counting.set(label.vial.vialId, label.serial);
    countResult = null;
    renderCount();
  }

  function countBody() {
    return {location: $('count-at').value.trim(), vialIds: [...counting.keys()]};
  }

  async function checkCount(event) {
    event.preventDefault();
    const body = countBody();
    if (!body.location) { note('count-note', 'countFirst'); return; }
    const reply = await qa.call('api/stock/counts/preview', {method: 'POST', json: body});
    if (qa.refused(reply)) return;
    qa.unsay($('problem'));
    countResult = {key: JSON.stringify(body), body: reply.body};
    renderCount();
    $('count-apply').focus();
  }

  async function applyCount() {
    const body = countBody();
    if (!countResult || JSON.stringify(body) !== countResult.key) {
      countResult = null;
      renderCount();
      note('count-note', 'countChanged');
      return;
    }
    const reply = await qa.call('api/stock/counts', {method: 'POST', json: body});
    if (qa.refused(reply)) return;
    qa.done('countApplied', {location: reply.body.location, missing: reply.body.missing.length, moved: reply.body.relocated.length});
    resetCount();
  }

  function resetCount() {
    counting = new Map();
    countResult = null;
    note('count-note');
    renderCount();
  }

  $('receive-product').addEventListener('change', () => { receiving = []; note('receive-note'); render(); });
  for (const radio of document.getElementsByName('receive-mode')) radio.addEventListener('change', renderReceiving);
  $('receive-undo').addEventListener('click', () => { receiving.pop(); note('receive-note'); renderReceiving(); });
  $('receive').addEventListener('submit', receive);
  $('labels-pdf').addEventListener('click', () => printLabels('PDF'));
  $('labels-zpl').addEventListener('click', () => printLabels('ZPL'));
  $('move').addEventListener('submit', (event) => event.preventDefault());
  $('waste').addEventListener('submit', waste);
  $('count').addEventListener('submit', checkCount);
  $('count-apply').addEventListener('click', applyCount);
  $('count-reset').addEventListener('click', resetCount);
  $('count-at').addEventListener('change', () => { countResult = null; renderCount(); });
  onScan('receive-scan', scanForReceipt);
  onScan('move-scan', scanForMove);
  onScan('waste-scan', scanForWaste);
  onScan('count-scan', scanForCount);
  qa.start(WORDS, {load, clear, render});
})();
