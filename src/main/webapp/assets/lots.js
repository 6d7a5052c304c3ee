'use strict';
// The lot search: GET /api/lots with the filters the API offers (part of the lot number, product, status, expiry
// before a date), newest first, a page at a time; each lot links to its report page, /lots/{lotNumber}. A lot past
// its expiry (in the clinic's zone) is marked so, whatever its status.
(function () {
  const qa = window.ExoTraceQa;
  const $ = qa.$;
  const t = qa.t;
  const SIZE = 50;
  let page = 0;
  let seq = 0; // the newest search; an older answer arriving late is dropped
  let found = null; // the page of lots shown

  const WORDS = {
    title: {en: 'ExoTrace · Lots', ja: 'ExoTrace · ロット一覧'},
    fLot: {en: 'Lot number (or part)', ja: 'ロット番号（一部でも可）'},
    fProduct: {en: 'Product code', ja: '製品コード'},
    fStatus: {en: 'Status', ja: '状態'},
    fExpires: {en: 'Expires before', ja: '有効期限がこの日より前'},
    any: {en: 'any', ja: 'すべて'},
    find: {en: 'Search', ja: '検索'},
    clear: {en: 'Clear', ja: 'クリア'},
    lotsTable: {en: 'Lots found', ja: '検索結果のロット'},
    status: {en: 'Status', ja: '状態'},
    none: {en: 'No lot matches.', ja: '該当するロットはありません。'},
    one: {en: '1 lot', ja: '1ロット'},
    many: {en: '{n} lots', ja: '{n}ロット'},
    pageOf: {en: 'Page {page} of {pages}', ja: '{page} / {pages} ページ'},
    prev: {en: '← Previous', ja: '← 前へ'},
    next: {en: 'Next →', ja: '次へ →'}
  };

  function statusOptions() {
    const current = $('f-status').value;
    $('f-status').replaceChildren(new Option(t('any'), ''), ...qa.STATUS.map((s) => new Option(t(s), s)));
    $('f-status').value = current;
  }

  function query() {
    const q = new URLSearchParams({page: String(page), size: String(SIZE)});
    const filters = {lotNumber: $('f-lot').value.trim(), productCode: $('f-product').value.trim(),
      status: $('f-status').value, expiresBefore: $('f-expires').value};
    for (const [name, value] of Object.entries(filters)) if (value) q.set(name, value);
    return q;
  }

  function expiry(lot) {
    if (!qa.expired(lot.expiresOn)) return lot.expiresOn;
    const cell = document.createDocumentFragment();
    cell.append(lot.expiresOn, ' ', qa.el('span', t('expired'), 'expired-mark'));
    return cell;
  }

  function render() {
    statusOptions();
    $('lots').replaceChildren();
    if (!found) {
      for (const id of ['count', 'pageno']) $(id).textContent = '';
      return;
    }
    for (const lot of found.items) {
      const link = qa.el('a', lot.lotNumber);
      link.href = 'lots/' + encodeURIComponent(lot.lotNumber);
      const tr = qa.row([link, qa.statusBadge(lot.status), lot.productCode, lot.cpcCode, qa.word(lot.donorSource), lot.manufacturedOn,
        expiry(lot), t('receivedBy', {at: qa.when(lot.receivedAt), by: lot.receivedBy})]);
      tr.dataset.lot = lot.lotNumber;
      if (qa.expired(lot.expiresOn)) tr.className = 'expired';
      $('lots').appendChild(tr);
    }
    const last = Math.max(0, Math.ceil(found.total / SIZE) - 1);
    $('count').textContent = found.total === 0 ? t('none') : found.total === 1 ? t('one') : t('many', {n: found.total});
    $('pageno').textContent = t('pageOf', {page: page + 1, pages: last + 1});
    $('prev').disabled = page === 0;
    $('next').disabled = page >= last;
  }

  function clear() {
    seq++;
    found = null;
    render();
  }

  async function load() {
    const mine = ++seq;
    const reply = await qa.call('api/lots?' + query());
    if (mine !== seq || reply.status === 401) return;
    if (!reply.ok) {
      clear();
      qa.sayProblem($('problem'), reply);
      return;
    }
    qa.unsay($('problem'));
    found = reply.body;
    render();
  }

  $('search').addEventListener('submit', (event) => { event.preventDefault(); page = 0; load(); });
  $('search').addEventListener('reset', () => { page = 0; setTimeout(load); });
  $('prev').addEventListener('click', () => { page = Math.max(0, page - 1); load(); });
  $('next').addEventListener('click', () => { page += 1; load(); });
  qa.start(WORDS, {load, clear, render});
})();
