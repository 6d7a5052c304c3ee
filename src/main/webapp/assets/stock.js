'use strict';
// Stock on hand (GET /api/stock, first expiry first, and GET /api/stock/expiring): vials that may not be used come first,
// in colour and words — lots RECALLED, REJECTED or QUARANTINED, then lots past their expiry — "使用禁止・取り分け /
// Do not use – set aside"; lots expiring within the chosen days are marked as such.
(function () {
  const qa = window.ExoTraceQa;
  const $ = qa.$;
  const t = qa.t;
  let shown = null; // {stock, expiring, places}: what the table shows; places: the storage places' codes
  let seq = 0;

  const WORDS = {
    title: {en: 'ExoTrace · Stock on hand', ja: 'ExoTrace · 在庫'},
    order: {
      en: 'Vials that may not be used come first, then first expiry first.',
      ja: '使用してはいけないバイアルを先頭に、その後は有効期限の早い順に表示します。'
    },
    days: {en: 'Mark lots expiring within (days)', ja: '期限間近として表示する日数'},
    refresh: {en: 'Refresh', ja: '更新'},
    inventoryLink: {en: 'Inventory work', ja: '在庫作業'},
    stockTable: {en: 'Stock on hand', ja: '在庫一覧'},
    note: {en: 'Note', ja: '注意'},
    lotStatus: {en: 'Lot status', ja: 'ロットの状態'},
    vials: {en: 'Vials', ja: '本数'},
    asOf: {en: 'As of {date} · {lines} lines · {unusable} of them not to be used', ja: '{date} 現在・{lines}行（うち使用禁止 {unusable}行）'},
    loadFailed: {en: 'The stock could not be loaded.', ja: '在庫を読み込めませんでした。'}
  };

  function key(line) {
    return line.productCode + '|' + line.lotNumber + '|' + line.location;
  }

  /** 0: the lot may not be used (status), 1: past its expiry, 2: usable. */
  function rank(line, asOf) {
    if (qa.UNUSABLE.includes(line.lotStatus)) return 0;
    return qa.expired(line.expiresOn, asOf) ? 1 : 2;
  }

  function note(line, asOf, soon) {
    const words = [];
    if (rank(line, asOf) < 2) words.push(t('doNotUse'));
    if (qa.expired(line.expiresOn, asOf)) words.push(t('expired'));
    else if (soon) words.push(t('expiresSoon'));
    return words;
  }

  function render() {
    const body = $('lines');
    body.replaceChildren();
    if (!shown) {
      $('asof').textContent = '';
      return;
    }
    const {stock, expiring} = shown;
    // Array.prototype.sort is stable: within each group the API's first-expiry-first order stays.
    const lines = stock.lines.slice().sort((a, b) => rank(a, stock.asOf) - rank(b, stock.asOf));
    let unusable = 0;
    for (const line of lines) {
      const blocked = rank(line, stock.asOf) < 2;
      const soon = !blocked && expiring.has(key(line));
      if (blocked) unusable++;
      const words = note(line, stock.asOf, soon);
      const mark = qa.el('span', words.join(' · '), words.length ? (blocked ? 'do-not-use' : 'soon') : '');
      // what decides whether a vial may be used comes first, so that a phone shows it without scrolling the table
      let where = line.location;
      if (shown.places.has(line.location)) { // a storage place's code: its page, with its temperatures
        where = qa.el('a', line.location);
        where.href = 'places/' + encodeURIComponent(line.location);
      }
      const tr = qa.row([mark, line.lotNumber, qa.statusBadge(line.lotStatus), line.expiresOn, String(line.vials), where,
        line.productCode + ' · ' + line.productName]);
      tr.children[4].className = 'num';
      tr.className = blocked ? 'unusable' + (qa.expired(line.expiresOn, stock.asOf) ? ' expired' : '') : (soon ? 'soon' : '');
      tr.dataset.lot = line.lotNumber;
      tr.dataset.location = line.location;
      body.appendChild(tr);
    }
    $('asof').textContent = t('asOf', {date: stock.asOf, lines: lines.length, unusable});
  }

  function clear() {
    seq++;
    shown = null;
    render();
  }

  async function load() {
    const mine = ++seq;
    const days = encodeURIComponent($('days').value || '30');
    const [all, soon, places] = await Promise.all([qa.call('api/stock?size=500'), qa.call('api/stock/expiring?size=500&withinDays=' + days),
      qa.call('api/locations')]);
    if (mine !== seq || all.status === 401 || soon.status === 401) return;
    if (!all.ok || !soon.ok) {
      clear();
      qa.sayProblem($('problem'), all.ok ? soon : all);
      return;
    }
    qa.unsay($('problem'));
    shown = {stock: all.body, expiring: new Set(soon.body.lines.map(key)), places: new Set(places.ok ? places.body.items.map((p) => p.code) : [])};
    render();
  }

  $('refresh').addEventListener('click', load);
  $('days').addEventListener('change', load);
  qa.start(WORDS, {load, clear, render});
})();
