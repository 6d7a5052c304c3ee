'use strict';
// QA's lot search: GET /api/lots with the filters the API offers (part of the lot number, product, status, expiry
// before a date), newest first, a page at a time; each lot links to its report page, /lots/{lotNumber}.
(function () {
  const qa = window.ExoTraceQa;
  const $ = qa.$;
  const SIZE = 50;
  let page = 0;
  let seq = 0; // the newest search; an older answer arriving late is dropped

  for (const status of qa.STATUS) $('f-status').appendChild(new Option(status, status));

  function query() {
    const q = new URLSearchParams({page: String(page), size: String(SIZE)});
    const filters = {lotNumber: $('f-lot').value.trim(), productCode: $('f-product').value.trim(),
      status: $('f-status').value, expiresBefore: $('f-expires').value};
    for (const [name, value] of Object.entries(filters)) if (value) q.set(name, value);
    return q;
  }

  async function load() {
    const mine = ++seq;
    const reply = await qa.call('api/lots?' + query());
    if (mine !== seq || reply.status === 401) return;
    $('lots').replaceChildren();
    if (!reply.ok) {
      qa.sayProblem($('problem'), reply);
      $('count').textContent = '';
      return;
    }
    $('problem').hidden = true;
    const found = reply.body;
    for (const lot of found.items) {
      const link = qa.el('a', lot.lotNumber);
      link.href = 'lots/' + encodeURIComponent(lot.lotNumber);
      const tr = qa.row([link, qa.statusBadge(lot.status), lot.productCode, lot.cpcCode, lot.donorSource, lot.manufacturedOn,
        lot.expiresOn, qa.when(lot.receivedAt) + ' · ' + lot.receivedBy]);
      tr.dataset.lot = lot.lotNumber;
      $('lots').appendChild(tr);
    }
    const last = Math.max(0, Math.ceil(found.total / SIZE) - 1);
    $('count').textContent = found.total === 0 ? 'No lot matches.' : found.total + (found.total === 1 ? ' lot' : ' lots');
    $('pageno').textContent = 'Page ' + (page + 1) + ' of ' + (last + 1);
    $('prev').disabled = page === 0;
    $('next').disabled = page >= last;
  }

  $('search').addEventListener('submit', (event) => { event.preventDefault(); page = 0; load(); });
  $('search').addEventListener('reset', () => { page = 0; setTimeout(load); });
  $('prev').addEventListener('click', () => { page = Math.max(0, page - 1); load(); });
  $('next').addEventListener('click', () => { page += 1; load(); });
  qa.start(load);
})();
