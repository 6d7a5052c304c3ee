'use strict';
// QA's lot report, /lots/{lotNumber}: identity and status (GET /api/lots/{n}), the QC dossier (…/qc-results), the
// forward trace (…/trace), and QA's actions, each confirmed in a form of its own: release with an electronic
// signature, reject, recall (then the vials to set aside), a recall notification, and the printable PDF.
(function () {
  const qa = window.ExoTraceQa;
  const $ = qa.$;
  const el = qa.el;
  const CHANNELS = ['PHONE', 'EMAIL', 'LETTER', 'SMS', 'IN_PERSON'];
  const OUTCOMES = ['REACHED', 'NOT_REACHED'];
  const FORMS = ['release-form', 'decision-form', 'notify-form'];
  const DECISIONS = {
    reject: {title: 'Reject this lot', confirm: 'Reject the lot',
      warning: 'A rejected lot can never be released; its vials can never be given.'},
    recall: {title: 'Recall this lot', confirm: 'Recall the lot',
      warning: 'From now on every vial of the lot is blocked at the bedside, and every patient who received it must be notified.'}
  };

  let lotNumber = null;
  try {
    lotNumber = decodeURIComponent(location.pathname.substring(location.pathname.lastIndexOf('/') + 1));
  } catch (e) {
    lotNumber = null;
  }
  const lotPath = 'api/lots/' + encodeURIComponent(lotNumber || '');
  let decision = null; // 'reject' or 'recall' while its form is open

  for (const c of CHANNELS) $('notify-channel').appendChild(new Option(c, c));
  for (const o of OUTCOMES) $('notify-outcome').appendChild(new Option(o, o));
  for (const e of document.querySelectorAll('.this-lot')) e.textContent = lotNumber;

  function closeForms() {
    for (const id of FORMS) $(id).hidden = true;
    decision = null;
  }

  function open(id) {
    closeForms();
    $('action-result').hidden = true;
    $(id).hidden = false;
    $(id).querySelector('input, select, textarea').focus();
  }

  function short(id) {
    return id ? String(id).substring(0, 8) : '';
  }

  function fill(tbody, rows) {
    $(tbody).replaceChildren(...rows);
  }

  function fact(name, value) {
    return [el('dt', name), el('dd', value === null || value === undefined ? '—' : value)];
  }

  function renderLot(lot) {
    $('lot-number').textContent = lot.lotNumber;
    $('lot-status').replaceChildren(qa.statusBadge(lot.status));
    $('identity').replaceChildren(
      ...fact('Product', lot.productName + ' (' + lot.productCode + ')'), ...fact('GTIN', lot.gtin),
      ...fact('CPC', lot.cpcCode + ' · ' + lot.cpcName + ' · licence ' + lot.cpcLicenceNumber),
      ...fact('Donor source', lot.donorSource), ...fact('Manufactured', lot.manufacturedOn), ...fact('Expires', lot.expiresOn),
      ...fact('Received', qa.when(lot.receivedAt) + ' by ' + lot.receivedBy));
    $('counts').textContent = 'Vials: ' + Object.entries(lot.counts || {}).filter(([, n]) => n > 0)
      .map(([state, n]) => n + ' ' + state).join(' · ');
    $('act-release').hidden = lot.status !== 'QUARANTINED';
    $('act-reject').hidden = lot.status !== 'QUARANTINED';
    $('act-recall').hidden = lot.status !== 'RELEASED';
  }

  function judgement(word) {
    return el('span', word, 'judgement judgement-' + String(word).toLowerCase());
  }

  function reading(r) {
    return r.value !== null && r.value !== undefined ? r.value + ' ' + (r.unit || '') : (r.outcome || '');
  }

  function renderDossier(d) {
    const qc = d.qc;
    $('qc-summary').textContent = qc.releasable ? 'QC complete: every required assay passes.'
      : 'Not releasable.' + (qc.missing.length ? ' Missing: ' + qc.missing.join(', ') + '.' : '')
        + (qc.failing.length ? ' Failing: ' + qc.failing.join(', ') + '.' : '');
    fill('spec', d.specification.map((s) => {
      const tr = qa.row([s.assay, s.specification, judgement(s.judgement), s.reading]);
      tr.dataset.assay = s.assay;
      return tr;
    }));
    fill('results', d.results.map((r) => qa.row([r.assay, reading(r), judgement(r.judgement),
      [r.method, qa.when(r.performedAt), r.performer].filter(Boolean).join(' · '),
      (r.current ? 'current' : 'superseded by ' + short(r.supersededBy))
        + (r.supersedes ? ' · corrects ' + short(r.supersedes) + (r.reason ? ': ' + r.reason : '') : ''),
      qa.when(r.enteredAt) + ' by ' + r.enteredBy + ' (' + r.source + ')'])));
    fill('signatures', d.signatures.map((s) => qa.row([s.signer, qa.when(s.signedAt), s.meaning])));
    fill('decisions', d.decisions.map((x) => qa.row([x.from ? qa.statusBadge(x.from) : '', qa.statusBadge(x.to), x.reason,
      qa.when(x.decidedAt), x.decidedBy])));
  }

  function renderTrace(t) {
    const recalled = t.status === 'RECALLED';
    $('trace-summary').replaceChildren(el('span', t.vialCount + ' vials · ' + t.doseCount + ' doses · ' + t.patientCount + ' patients'));
    if (recalled) {
      const toReach = el('strong', t.patientsToReach, t.patientsToReach > 0 ? 'to-reach' : 'all-reached');
      toReach.id = 'to-reach';
      $('trace-summary').append(' · patients still to reach: ', toReach);
    }
    $('recall').textContent = t.recall ? 'Recalled ' + qa.when(t.recall.recalledAt) + ' by ' + t.recall.recalledBy + ': ' + t.recall.reason : '';
    fill('patients', t.patients.map((p) => {
      const notify = el('button', 'Notify…');
      notify.type = 'button';
      notify.hidden = !recalled;
      notify.addEventListener('click', () => { open('notify-form'); $('notify-patient').value = p.patientId; });
      const tr = qa.row([p.patientId, p.vials, qa.when(p.lastDoseAt),
        p.attempts + (p.lastOutcome ? ' (last: ' + p.lastOutcome + ' ' + qa.when(p.lastAttemptAt) + ')' : ''),
        el('span', p.reached ? 'yes' : 'no', p.reached ? 'reached' : 'not-reached'), notify]);
      tr.dataset.patient = p.patientId;
      return tr;
    }));
    $('notify-patient').replaceChildren(...t.patients.map((p) => new Option(p.patientId, p.patientId)));
    fill('doses', t.doses.map((d) => qa.row([d.patientId, qa.when(d.administeredAt), d.route + (d.kind === 'DISPENSE' ? ' (dispensed)' : ''),
      [d.site, d.siteDetail].filter(Boolean).join(' · '), d.volumeMl, d.nurse, d.purpose, d.serial, d.scanned ? 'scanned' : 'chosen by hand'])));
    fill('vials', t.vials.map((v) => qa.row([v.serial, v.state, v.location])));
  }

  /** Loads one part of the report; a refusal is said in that part's own box. */
  async function part(path, box, render) {
    const reply = await qa.call(path);
    $(box).hidden = true;
    if (reply.ok) render(reply.body); else if (reply.status !== 401) qa.sayProblem($(box), reply);
  }

  async function load() {
    closeForms();
    if (!lotNumber) {
      qa.say($('problem'), 'problem', ['This address names no lot.']);
      return;
    }
    const reply = await qa.call(lotPath + '?size=1');
    if (reply.status === 401) return;
    if (!reply.ok) {
      $('lot').hidden = true;
      if (reply.status === 403) {
        qa.say($('problem'), 'problem', ['Not allowed: this page is for QA. Your account may not see lot reports.']);
      } else if (reply.status === 404) {
        qa.say($('problem'), 'problem', ['No lot ' + lotNumber + ' is known.']);
      } else {
        qa.sayProblem($('problem'), reply);
      }
      return;
    }
    $('problem').hidden = true;
    renderLot(reply.body);
    $('lot').hidden = false;
    await Promise.all([part(lotPath + '/qc-results', 'qc-problem', renderDossier), part(lotPath + '/trace', 'trace-problem', renderTrace)]);
  }

  /** Sends an action; on success says what happened (and reloads the report), otherwise says why not. */
  async function act(path, body, done) {
    const button = document.activeElement;
    if (button && button.tagName === 'BUTTON') button.disabled = true;
    const reply = await qa.call(lotPath + path, {method: 'POST', json: body});
    if (button && button.tagName === 'BUTTON') button.disabled = false;
    if (reply.status === 401) return;
    if (!reply.ok) {
      qa.sayProblem($('action-result'), reply);
      return;
    }
    await load();
    done(reply);
  }

  function onHand(vials) {
    const byLocation = new Map();
    for (const v of vials) byLocation.set(v.location, (byLocation.get(v.location) || []).concat(v.serial));
    const list = el('ul', null, 'on-hand');
    list.id = 'on-hand';
    for (const [location, serials] of byLocation) {
      const item = el('li', location + ': ' + serials.length + (serials.length === 1 ? ' vial' : ' vials') + ' — ' + serials.join(', '));
      item.dataset.location = location;
      list.appendChild(item);
    }
    return list;
  }

  function release(event) {
    event.preventDefault();
    const body = {password: $('release-password').value, meaning: $('release-meaning').value.trim()};
    $('release-password').value = '';
    act('/release', body, (reply) => {
      const s = reply.body.signature || {};
      qa.say($('action-result'), reply.status === 200 ? 'ok' : 'notice', reply.status === 200
        ? ['Released. Signed by ' + s.signer + ' at ' + qa.when(s.signedAt) + ': ' + s.meaning]
        : ['Your signature is recorded. A second QA user must sign before the lot is released.']);
    });
  }

  function decide(event) {
    event.preventDefault();
    const kind = decision;
    act('/' + kind, {reason: $('decision-reason').value.trim()}, (reply) => {
      const vials = reply.body.onHand || [];
      qa.say($('action-result'), kind === 'recall' ? 'notice' : 'ok', [(kind === 'recall' ? 'Recalled.' : 'Rejected.') + ' Reason: ' + reply.body.decision.reason,
        vials.length ? 'Set aside these ' + vials.length + ' vials still on a shelf:' : 'No vial of the lot is on a shelf.']);
      if (vials.length) $('action-result').appendChild(onHand(vials));
    });
  }

  function openDecision(kind) {
    open('decision-form');
    decision = kind;
    $('decision-title').textContent = DECISIONS[kind].title + ' ' + lotNumber;
    $('decision-warning').textContent = DECISIONS[kind].warning;
    $('decision-confirm').textContent = DECISIONS[kind].confirm;
    $('decision-reason').value = '';
  }

  function notify(event) {
    event.preventDefault();
    const body = {patientId: $('notify-patient').value, channel: $('notify-channel').value, outcome: $('notify-outcome').value};
    if ($('notify-note').value.trim()) body.note = $('notify-note').value.trim();
    act('/notifications', body, (reply) => {
      $('notify-note').value = '';
      qa.say($('action-result'), 'ok', ['Recorded: ' + reply.body.patientId + ' ' + reply.body.outcome + ' by ' + reply.body.channel + '.']);
    });
  }

  // The report as PDF, fetched with the token (a plain link would carry none) and opened from a blob.
  async function pdf() {
    $('pdf-link').hidden = true;
    const reply = await qa.call(lotPath + '/report', {headers: {Accept: 'application/pdf'}, asBlob: true});
    if (reply.status === 401) return;
    if (reply.status === 404 || reply.status === 406 || (reply.ok && !reply.type.startsWith('application/pdf'))) {
      qa.say($('action-result'), 'notice', ['The printable PDF is not available on this server yet.']);
      return;
    }
    if (!reply.ok) {
      qa.sayProblem($('action-result'), reply);
      return;
    }
    const address = URL.createObjectURL(reply.blob);
    $('pdf-link').href = address;
    $('pdf-link').download = 'lot-' + lotNumber + '.pdf';
    $('pdf-link').hidden = false;
    $('action-result').hidden = true;
    window.open(address, '_blank', 'noopener');
  }

  $('act-release').addEventListener('click', () => open('release-form'));
  $('act-reject').addEventListener('click', () => openDecision('reject'));
  $('act-recall').addEventListener('click', () => openDecision('recall'));
  $('release-form').addEventListener('submit', release);
  $('decision-form').addEventListener('submit', decide);
  $('notify-form').addEventListener('submit', notify);
  for (const cancel of document.querySelectorAll('.confirm .cancel')) cancel.addEventListener('click', closeForms);
  $('pdf').addEventListener('click', pdf);
  qa.start(load);
})();
