'use strict';
// The storage places (GET /api/locations): each with its kind, the range it keeps and how long its loggers may be silent,
// and whether something needs attention there (the banner's GET /api/locations/excursions, ADR 0047); each links to
// its page, /places/{code}.
(function () {
  const qa = window.ExoTraceQa;
  const $ = qa.$;
  const t = qa.t;
  let places = null;
  let seq = 0;

  const WORDS = {
    title: {en: 'ExoTrace · Storage places', ja: 'ExoTrace · 保管場所'},
    placesTable: {en: 'Storage places', ja: '保管場所の一覧'},
    place: {en: 'Place', ja: '保管場所'},
    attentionCol: {en: 'Needs attention', ja: '要対応'},
    allWell: {en: 'Nothing', ja: 'なし'},
    count: {en: '{n} place(s)', ja: '{n}か所'}
  };

  /** What needs attention at a place, in words: each of its excursions open now or still holding vials. */
  function attentionAt(code) {
    const here = (qa.attention.latest() || []).filter((x) => x.placeCode === code);
    if (here.length === 0) return qa.el('span', t('allWell'));
    const list = qa.el('ul', null, 'attention-list');
    for (const x of here) {
      list.appendChild(qa.el('li', t('excursionBanner') + ': ' + qa.word(x.kind) + ' · '
        + (x.endedAt ? t('excursionEnded', {at: qa.when(x.endedAt)}) : t('excursionOpen')) + ' · '
        + (x.heldVials > 0 ? t('vialsHeld', {n: x.heldVials}) : t('noVialsHeld')), x.endedAt ? 'ended' : 'open'));
    }
    return list;
  }

  function render() {
    $('places').replaceChildren();
    if (!places) {
      $('count').textContent = '';
      return;
    }
    for (const p of places) {
      const link = qa.el('a', p.code + ' · ' + p.name);
      link.href = 'places/' + encodeURIComponent(p.code);
      // a location in use that no one registered has no kind, range or gap (ADR 0048)
      const tr = qa.row(p.registered ? [link, qa.word(p.kind), t('rangeC', {min: p.minC, max: p.maxC}), t('minutes', {n: p.maxGapMinutes}), attentionAt(p.code)]
        : [link, '—', t('notRegistered'), '—', attentionAt(p.code)]);
      tr.dataset.place = p.code;
      $('places').appendChild(tr);
    }
    $('count').textContent = t('count', {n: places.length});
  }

  function clear() {
    seq++;
    places = null;
    render();
  }

  async function load() {
    const mine = ++seq;
    const reply = await qa.call('api/locations');
    if (mine !== seq || reply.status === 401) return;
    if (!reply.ok) {
      clear();
      qa.sayProblem($('problem'), reply);
      return;
    }
    qa.unsay($('problem'));
    places = reply.body.items;
    render();
  }

  qa.attention.listen(() => { if (places) render(); });
  qa.start(WORDS, {load, clear, render});
})();
