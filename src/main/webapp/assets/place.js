'use strict';
// A storage place, /places/{code} (ADR 0047): its temperature over a period (default the last 24 hours; from and to in
// the clinic's zone) drawn by assets/chart.js from GET /api/locations/{code}/readings and /excursions, with the same data
// in words and tables (a summary of the readings, the excursions); the vials its excursions hold (/holds); the readings
// and excursions as CSV (the same paths, Accept: text/csv); and for QA the signed disposition of an excursion
// (POST /dispositions): release the held vials once it has ended, with a justification, or waste them.
(function () {
  const qa = window.ExoTraceQa;
  const words = window.ExoTraceWords;
  const $ = qa.$;
  const t = qa.t;
  const code = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() || '');
  const placePath = 'api/locations/' + encodeURIComponent(code);
  const state = {place: null, readings: null, excursions: null, held: null, from: null, to: null};
  let period = null; // {from, to} as ISO instants when the user chose them; null: the last 24 hours
  let seq = 0;

  const WORDS = {
    title: {en: 'ExoTrace · Storage place', ja: 'ExoTrace · 保管場所'},
    from: {en: 'From', ja: '開始'},
    to: {en: 'To', ja: '終了'},
    show: {en: 'Show', ja: '表示'},
    lastDay: {en: 'Last 24 hours', ja: '直近24時間'},
    badPeriod: {en: 'Choose a start before the end, at most 31 days apart.', ja: '開始は終了より前に、31日以内で選んでください。'},
    chartTitle: {en: 'Temperature', ja: '温度の推移'},
    chartName: {en: 'Temperature at {place}, {from} to {to}', ja: '{place} の温度（{from} ～ {to}）'},
    chartDesc: {en: '{summary} Allowed range {min} to {max} °C (shaded band); {n} excursion(s) shaded in red.',
      ja: '{summary} 許容範囲 {min} ～ {max} °C（帯で表示）。温度逸脱 {n}件（赤で表示）。'},
    summary: {en: '{n} reading(s): lowest {low} °C, highest {high} °C, last {last} °C at {at}.',
      ja: '記録 {n}件：最低 {low} °C、最高 {high} °C、最新 {last} °C（{at}）。'},
    noReadings: {en: 'No readings in this period.', ja: 'この期間の記録はありません。'},
    keyLine: {en: 'Readings', ja: '記録'},
    keyBand: {en: 'Allowed range', ja: '許容範囲'},
    keyExcursion: {en: 'Excursion', ja: '温度逸脱'},
    csvReadings: {en: 'Readings (CSV)', ja: '記録（CSV）'},
    csvExcursions: {en: 'Excursions (CSV)', ja: '温度逸脱（CSV）'},
    csvSaved: {en: 'Saved {file}.', ja: '{file} を保存しました。'},
    excursionsTitle: {en: 'Excursions in this period', ja: 'この期間の温度逸脱'},
    noExcursions: {en: 'No excursion in this period.', ja: 'この期間に温度逸脱はありません。'},
    started: {en: 'Started', ja: '開始'},
    ended: {en: 'Ended', ja: '終了'},
    duration: {en: 'Duration', ja: '継続時間'},
    lowest: {en: 'Lowest', ja: '最低'},
    highest: {en: 'Highest', ja: '最高'},
    soFar: {en: '{d} so far', ja: '{d}（継続中）'},
    hm: {en: '{h} h {m} min', ja: '{h}時間{m}分'},
    m: {en: '{m} min', ja: '{m}分'},
    s: {en: '{s} s', ja: '{s}秒'},
    heldTitle: {en: 'Vials on hold', ja: '保留中のバイアル'},
    noHeld: {en: 'No vial is on hold for this place.', ja: 'この保管場所による保留中のバイアルはありません。'},
    locationNow: {en: 'Location now', ja: '現在の保管場所'},
    excursion: {en: 'Excursion', ja: '温度逸脱'},
    heldAt: {en: 'Held at', ja: '保留開始'},
    excursionOption: {en: '{kind} since {at} ({n} vial(s))', ja: '{kind}・{at} から（{n}本）'},
    disposeTitle: {en: 'QA disposition: electronic signature', ja: 'QAによる処置：電子署名'},
    disposeText: {
      en: 'Release the held vials back to use (only once the excursion has ended), or waste them. Say why, and enter your password again.',
      ja: '保留中のバイアルを使用可に戻す（温度逸脱の終了後のみ）か、廃棄します。理由を記入し、パスワードをもう一度入力してください。'
    },
    decision: {en: 'Decision', ja: '処置'},
    decideRelease: {en: 'Release: back to use', ja: '解除：使用可に戻す'},
    decideWaste: {en: 'Waste them (temperature excursion)', ja: '廃棄する（温度逸脱）'},
    justification: {en: 'Justification', ja: '理由'},
    signDisposition: {en: 'Sign', ja: '署名する'},
    released: {en: 'Released {n} vial(s). Signed by {signer} at {at}.', ja: '{n}本を使用可に戻しました。{at} に {signer} が署名。'},
    wastedDone: {en: 'Wasted {w} of {n} held vial(s). Signed by {signer} at {at}.', ja: '保留中の{n}本のうち{w}本を廃棄しました。{at} に {signer} が署名。'},
    EXCURSION_OPEN: {en: 'Not released: the excursion is still open; the place is not safe yet. Wait until it has ended, or waste the vials.',
      ja: '解除できません：温度逸脱がまだ続いており、保管場所はまだ安全ではありません。終了を待つか、廃棄してください。'},
    NOTHING_HELD: {en: 'This excursion holds no vial that QA has not disposed of.', ja: 'この温度逸脱で、未処置の保留中のバイアルはありません。'},
    unknownPlace: {en: 'No storage place has the code {code}.', ja: 'コード {code} の保管場所はありません。'},
    notAllowed: {en: 'Not allowed: your account does not have the role this page needs.', ja: '権限がありません：このアカウントにはこのページに必要な役割がありません。'}
  };

  const ms = (instant) => new Date(instant).getTime();
  const degrees = (n) => (n === null || n === undefined ? '—' : String(Number(n)));
  const local = (instant) => words.when(instant).replace(' ', 'T');

  function duration(from, to) {
    const s = Math.max(0, Math.round((ms(to) - ms(from)) / 1000));
    if (s < 60) return t('s', {s});
    const m = Math.floor(s / 60);
    return m < 60 ? t('m', {m}) : t('hm', {h: Math.floor(m / 60), m: m % 60});
  }

  function summary() {
    const r = state.readings;
    if (!r.length) return t('noReadings');
    const values = r.map((x) => Number(x.celsius));
    const last = r[r.length - 1];
    return t('summary', {n: r.length, low: degrees(Math.min(...values)), high: degrees(Math.max(...values)), last: degrees(last.celsius),
      at: qa.when(last.at)});
  }

  function renderPlace() {
    const p = state.place;
    $('place-name').textContent = p.code + ' · ' + p.name;
    const facts = p.registered ? [['kind', qa.word(p.kind)], ['range', t('rangeC', {min: p.minC, max: p.maxC})], ['maxGap', t('minutes', {n: p.maxGapMinutes})]]
      : [['range', t('notRegistered')]]; // a location in use: no kind, range or gap (ADR 0048)
    $('facts').replaceChildren(...facts.flatMap(([k, v]) => [qa.el('dt', t(k)), qa.el('dd', v)]));
    $('from').value = local(state.from);
    $('to').value = local(state.to);
  }

  function renderChart() {
    const p = state.place;
    $('summary').textContent = summary();
    $('chart').parentElement.hidden = !p.registered; // a location in use has no range and takes no readings
    if (!p.registered) return;
    $('chart-title').textContent = t('chartName', {place: p.code, from: qa.when(state.from), to: qa.when(state.to)});
    $('chart-desc').textContent = t('chartDesc', {summary: summary(), min: p.minC, max: p.maxC, n: state.excursions.length});
    window.ExoTraceChart.draw($('chart'), {
      from: ms(state.from), to: ms(state.to), minC: Number(p.minC), maxC: Number(p.maxC), maxGapMs: p.maxGapMinutes * 60000,
      readings: state.readings.map((r) => ({at: ms(r.at), celsius: Number(r.celsius)})),
      excursions: state.excursions.map((e) => ({start: ms(e.startedAt), end: e.endedAt ? ms(e.endedAt) : null, kind: e.kind})),
      when: words.when, degrees
    });
  }

  function renderExcursions() {
    const list = state.excursions;
    $('no-excursions').hidden = list.length > 0;
    $('excursions-table').hidden = list.length === 0;
    $('excursions').replaceChildren(...list.map((e) => {
      const tr = qa.row([qa.word(e.kind), qa.when(e.startedAt), e.endedAt ? qa.when(e.endedAt) : qa.el('strong', t('excursionOpen')),
        e.endedAt ? duration(e.startedAt, e.endedAt) : t('soFar', {d: duration(e.startedAt, Date.now())}), degrees(e.lowestC), degrees(e.highestC)]);
      tr.children[4].className = 'num';
      tr.children[5].className = 'num';
      tr.className = e.endedAt ? 'ended' : 'open';
      tr.dataset.kind = e.kind;
      tr.dataset.started = e.startedAt;
      return tr;
    }));
  }

  /** The excursions that hold vials, each once: kind, start and how many vials. */
  function heldExcursions() {
    const groups = new Map();
    for (const h of state.held) {
      const key = h.kind + '|' + h.startedAt;
      if (!groups.has(key)) groups.set(key, {kind: h.kind, startedAt: h.startedAt, n: 0});
      groups.get(key).n++;
    }
    return Array.from(groups.entries());
  }

  function renderHeld() {
    const held = state.held;
    $('no-held').hidden = held.length > 0;
    $('held-table').hidden = held.length === 0;
    $('held').replaceChildren(...held.map((h) => {
      const lot = qa.el('a', h.lotNumber);
      lot.href = '../lots/' + encodeURIComponent(h.lotNumber);
      const tr = qa.row([h.serial, lot, h.productCode, qa.word(h.state), h.location, qa.word(h.kind) + ' · ' + t('excursionSince', {at: qa.when(h.startedAt)}),
        qa.when(h.heldAt)]);
      tr.dataset.vial = h.vialId;
      return tr;
    }));
    const offered = qa.hasRole('QA') && held.length > 0;
    $('dispose-form').hidden = !offered;
    qa.options($('dispose-excursion'), heldExcursions().map(([key, g]) => [key, t('excursionOption', {kind: qa.word(g.kind), at: qa.when(g.startedAt), n: g.n})]));
  }

  function render() {
    if (!state.place) return;
    renderPlace();
    renderChart();
    renderExcursions();
    renderHeld();
  }

  function clear() {
    seq++;
    Object.assign(state, {place: null, readings: null, excursions: null, held: null});
    $('place').hidden = true;
    for (const id of ['facts', 'excursions', 'held', 'dispose-excursion', 'place-name', 'summary']) $(id).replaceChildren();
    $('dispose-password').value = '';
    $('csv-link').hidden = true;
  }

  function notAllowed(reply) {
    clear();
    qa.say($('problem'), 'problem', () => [t('notAllowed')]);
    $('problem').dataset.code = (reply.body && reply.body.code) || 'FORBIDDEN';
  }

  function query() {
    return period ? '?from=' + encodeURIComponent(period.from) + '&to=' + encodeURIComponent(period.to) : '';
  }

  async function load() {
    const mine = ++seq;
    const [place, readings, excursions, held] = await Promise.all([qa.call(placePath), qa.call(placePath + '/readings' + query()),
      qa.call(placePath + '/excursions' + query()), qa.call(placePath + '/holds')]);
    if (mine !== seq) return;
    const replies = [place, readings, excursions, held];
    if (replies.some((r) => r.status === 401)) return;
    const forbidden = replies.find(qa.forbidden);
    if (forbidden) {
      notAllowed(forbidden);
      return;
    }
    if (place.status === 404) {
      clear();
      qa.say($('problem'), 'problem', () => [t('unknownPlace', {code})]);
      return;
    }
    const failed = replies.find((r) => !r.ok);
    if (failed) {
      qa.sayProblem($('problem'), failed);
      return;
    }
    qa.unsay($('problem'));
    Object.assign(state, {place: place.body, readings: readings.body.items, excursions: excursions.body.items, held: held.body.items,
      from: readings.body.from, to: readings.body.to});
    $('place').hidden = false;
    render();
  }

  function choosePeriod(event) {
    event.preventDefault();
    const from = words.instantOf($('from').value);
    const to = words.instantOf($('to').value);
    if (!from || !to || ms(from) >= ms(to) || ms(to) - ms(from) > 31 * 24 * 3600000) {
      qa.say($('problem'), 'problem', () => [t('badPeriod')]);
      return;
    }
    period = {from, to};
    load();
  }

  // The readings or excursions as CSV, fetched with the token (a plain link would carry none) and saved from a blob.
  async function csv(what) {
    $('csv-link').hidden = true;
    const reply = await qa.call(placePath + '/' + what + query(), {headers: {Accept: 'text/csv'}, asBlob: true});
    if (reply.status === 401 || qa.refused(reply)) return;
    const file = code + '-' + what + '-' + local(state.from).slice(0, 10) + '.csv';
    const link = $('csv-link');
    qa.offer(link, reply.blob, file);
    link.textContent = file;
    link.click();
    qa.done('csvSaved', {file});
  }

  async function dispose(event) {
    event.preventDefault();
    const [kind, startedAt] = $('dispose-excursion').value.split('|');
    const decision = $('dispose-waste').checked ? 'WASTE' : 'RELEASE';
    const body = {kind, startedAt, decision, justification: $('dispose-justification').value.trim(), password: $('dispose-password').value};
    $('dispose-password').value = '';
    $('dispose-confirm').disabled = true;
    const reply = await qa.call(placePath + '/dispositions', {method: 'POST', json: body});
    $('dispose-confirm').disabled = false;
    if (qa.refused(reply)) return;
    $('dispose-justification').value = '';
    await load();
    qa.attention.poll();
    const d = reply.body;
    if (d.decision === 'WASTE') qa.done('wastedDone', {w: d.wasted.length, n: d.vials.length, signer: d.signedBy, at: qa.when(d.signedAt)});
    else qa.done('released', {n: d.vials.length, signer: d.signedBy, at: qa.when(d.signedAt)});
    $('action-result').scrollIntoView({block: 'nearest'});
  }

  $('period').addEventListener('submit', choosePeriod);
  $('last-day').addEventListener('click', () => { period = null; qa.unsay($('problem')); load(); });
  $('csv-readings').addEventListener('click', () => csv('readings'));
  $('csv-excursions').addEventListener('click', () => csv('excursions'));
  $('dispose-form').addEventListener('submit', dispose);
  let resizing = null;
  window.addEventListener('resize', () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => { if (state.place) renderChart(); }, 150);
  });
  qa.start(WORDS, {load, clear, render});
})();
