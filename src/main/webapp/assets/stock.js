'use strict';
// Inventory's stock page: signs in with the same accounts as the API and shows GET /api/stock, FEFO.
(function () {
  const $ = (id) => document.getElementById(id);
  const session = window.ExoTraceSignIn;

  function show(signedIn) {
    $('signin').hidden = signedIn;
    $('stock').hidden = !signedIn;
  }

  function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    row.appendChild(td);
  }

  async function load() {
    const token = session.token();
    if (!token) { show(false); return; }
    const headers = {Authorization: 'Bearer ' + token};
    const [all, soon] = await Promise.all([
      fetch('api/stock?size=500', {headers}),
      fetch('api/stock/expiring?size=500&withinDays=' + encodeURIComponent($('days').value || '30'), {headers})
    ]);
    if (all.status === 401) { session.forget(); show(false); return; }
    show(true);
    if (!all.ok || !soon.ok) {
      const problem = await (all.ok ? soon : all).json().catch(() => ({}));
      $('stock-error').textContent = problem.detail || 'The stock could not be loaded.';
      return;
    }
    $('stock-error').textContent = '';
    const stock = await all.json();
    const expiring = new Set((await soon.json()).lines.map((l) => l.productCode + '|' + l.lotNumber + '|' + l.location));
    $('asof').textContent = 'As of ' + stock.asOf + ' · ' + stock.lines.length + ' lines';
    const body = $('lines');
    body.replaceChildren();
    for (const line of stock.lines) {
      const row = document.createElement('tr');
      const expired = line.expiresOn <= stock.asOf;
      const isSoon = !expired && expiring.has(line.productCode + '|' + line.lotNumber + '|' + line.location);
      if (expired) row.className = 'expired'; else if (isSoon) row.className = 'soon';
      cell(row, line.productCode + ' · ' + line.productName);
      cell(row, line.lotNumber);
      cell(row, line.lotStatus);
      cell(row, line.expiresOn);
      cell(row, line.location);
      cell(row, String(line.vials), 'num');
      cell(row, expired ? 'EXPIRED' : (isSoon ? 'EXPIRES SOON' : ''), expired ? 'expired' : (isSoon ? 'soon' : ''));
      body.appendChild(row);
    }
  }

  session.bind(() => 'en', load);
  $('refresh').addEventListener('click', load);
  $('days').addEventListener('change', load);
  $('signout').addEventListener('click', () => { session.signOut(); show(false); });
  load();
})();
