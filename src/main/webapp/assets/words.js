'use strict';
// The pages' language, shared by every page: Japanese or English, the browser's language first and then the JA/EN
// switch (#lang-ja, #lang-en), the choice remembered for the tab (sessionStorage, so every page of the tab speaks
// it). A page hands its own dictionary to use(); the words of sign-in and sign-out are here. Elements carry their
// word's key: data-words (text), data-words-label (aria-label), data-words-placeholder; the page's title is the
// key 'title'. Times are shown in the clinic's zone once a page has learnt it (zone()), and said so; large counts
// (particles) as 3.9 × 10¹¹ or 3,900億.
window.ExoTraceWords = (function () {
  const langKey = 'exotrace.lang';
  const COMMON = {
    signIn: {en: 'Sign in', ja: 'サインイン'},
    signOut: {en: 'Sign out', ja: 'サインアウト'},
    username: {en: 'User name', ja: 'ユーザー名'},
    password: {en: 'Password', ja: 'パスワード'},
    signInAgain: {en: 'Your session has ended. Sign in again.', ja: 'セッションが終了しました。もう一度サインインしてください。'},
    signedInAs: {en: 'Signed in: {user}', ja: 'サインイン中：{user}'},
    languages: {en: 'Language / 言語', ja: '言語 / Language'},
    product: {en: 'Product', ja: '製品'},
    lot: {en: 'Lot', ja: 'ロット'},
    expires: {en: 'Expires', ja: '有効期限'},
    serial: {en: 'Serial', ja: 'シリアル'},
    route: {en: 'Route', ja: '投与経路'},
    purpose: {en: 'Purpose', ja: '目的'},
    choose: {en: '— choose —', ja: '— 選択 —'},
    // an electronic signature (a release, a dose's correction) and a correction's refusals (ADR 0040)
    SIGNATURE_REFUSED: {en: 'Signature refused: the password is wrong. Nothing was signed.', ja: '署名できません：パスワードが違います。何も署名されていません。'},
    SIGN_IN_LOCKED: {en: 'Signing is locked after repeated wrong passwords. Try again later.', ja: 'パスワードの誤りが続いたため、署名はロックされています。時間をおいてもう一度お試しください。'},
    NOT_YOUR_DOSE: {en: 'Another nurse recorded this dose: ask QA to correct it.', ja: 'この投与は別の看護師が記録しました。QAに訂正を依頼してください。'},
    DOSE_ALREADY_CORRECTED: {en: 'This dose has already been corrected.', ja: 'この投与はすでに訂正されています。'},
    vialState: {en: 'The vial', ja: 'バイアル'},
    needVialState: {en: 'Say whether the vial was opened.', ja: 'バイアルを開封したかを選んでください。'},
    vialUnopened: {en: 'Not opened: back to stock', ja: '未開封：在庫に戻す'},
    vialOpened: {en: 'Opened: waste it', ja: '開封済み：廃棄する'},
    CORRECTION_WINDOW_PASSED: {en: 'It is too late for you to correct this dose: ask QA.', ja: 'ご自身で訂正できる時間を過ぎています。QAに依頼してください。'},
    // routes, injection sites and purposes of a dose (the scan station, the lot page's doses)
    IV_DRIP: {en: 'IV drip', ja: '点滴静注'},
    INJECTION: {en: 'Injection', ja: '注射'},
    NASAL: {en: 'Nasal', ja: '点鼻'},
    EYE_DROP: {en: 'Eye drops', ja: '点眼'},
    FACE: {en: 'Face', ja: '顔'},
    SCALP: {en: 'Scalp', ja: '頭皮'},
    JOINT: {en: 'Joint', ja: '関節'},
    INTRAMUSCULAR: {en: 'Intramuscular', ja: '筋肉内'},
    SUBCUTANEOUS: {en: 'Subcutaneous', ja: '皮下'},
    OTHER: {en: 'Other', ja: 'その他'},
    THERAPY: {en: 'Therapy', ja: '治療'},
    COSMETIC: {en: 'Cosmetic', ja: '美容'},
    WELLNESS: {en: 'Wellness', ja: 'ウェルネス'}
  };
  let words = COMMON;
  let lang = sessionStorage.getItem(langKey) || ((navigator.language || 'en').toLowerCase().startsWith('ja') ? 'ja' : 'en');
  let clinicZone; // undefined: the browser's own zone, until the page has learnt the clinic's
  const changed = [];

  /** The word of key in the page's language; {name} placeholders are filled from params. An unknown key is itself. */
  function t(key, params) {
    const entry = words[key];
    let text = entry ? (entry[lang] || entry.en) : String(key);
    for (const [name, value] of Object.entries(params || {})) text = text.split('{' + name + '}').join(value);
    return text;
  }

  function has(key) {
    return Object.prototype.hasOwnProperty.call(words, key);
  }

  /** Writes every word of the page in its language again, then runs the page's own renderers. */
  function apply() {
    document.documentElement.lang = lang;
    if (has('title')) document.title = t('title');
    for (const e of document.querySelectorAll('[data-words]')) e.textContent = t(e.dataset.words);
    for (const e of document.querySelectorAll('[data-words-label]')) e.setAttribute('aria-label', t(e.dataset.wordsLabel));
    for (const e of document.querySelectorAll('[data-words-placeholder]')) e.placeholder = t(e.dataset.wordsPlaceholder);
    for (const code of ['ja', 'en']) {
      const button = document.getElementById('lang-' + code);
      if (button) button.setAttribute('aria-pressed', String(lang === code));
    }
    if (window.ExoTraceSignIn) window.ExoTraceSignIn.applyWords();
    for (const render of changed) render();
  }

  function setLang(next) {
    lang = next;
    sessionStorage.setItem(langKey, lang);
    apply();
  }

  /**
   * The page's dictionary (merged over the common words) and what to render again after a switch; wires the JA/EN
   * buttons and writes the words once.
   */
  function use(dictionary, onChange) {
    words = Object.assign({}, COMMON, dictionary);
    if (onChange) changed.push(onChange);
    for (const code of ['ja', 'en']) {
      const button = document.getElementById('lang-' + code);
      if (button) button.addEventListener('click', () => setLang(code));
    }
    apply();
  }

  /** The clinic's time zone (an IANA name), in which every time is shown from now on. */
  function zone(name) {
    if (name !== undefined) clinicZone = name || undefined;
    return clinicZone || Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  function parts(instant) {
    const f = new Intl.DateTimeFormat('en-CA', {timeZone: zone(), year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23'});
    const p = {};
    for (const part of f.formatToParts(new Date(instant))) p[part.type] = part.value;
    return p;
  }

  /** An instant as date and time to the minute in the clinic's zone: 2026-12-07 14:30. */
  function when(instant) {
    if (!instant) return '';
    const p = parts(instant);
    return p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute;
  }

  /** Today's date in the clinic's zone, as the API writes dates: 2026-12-07. */
  function today() {
    const p = parts(Date.now());
    return p.year + '-' + p.month + '-' + p.day;
  }

  /** The instant that a datetime-local value (2026-12-07T14:30) names in the clinic's zone, as ISO-8601 UTC. */
  function instantOf(local) {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local || '');
    if (!m) return '';
    const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
    let guess = wall;
    for (let i = 0; i < 2; i++) { // the zone's offset at the guess, then again at the corrected guess
      const p = parts(guess);
      const shown = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute);
      guess += wall - shown;
    }
    return new Date(guess).toISOString().replace('.000Z', 'Z');
  }

  const SUPERSCRIPT = {'0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻'};

  /** A count of a million or more in words a reader takes in at a glance: 3.9 × 10¹¹ (English), 3,900億 (Japanese). */
  function count(digits) {
    const n = Number(digits);
    if (!Number.isFinite(n) || Math.abs(n) < 1e6 || String(digits).replace(/\D/g, '').length > 15) return String(digits);
    if (lang === 'ja') {
      const [unit, size] = Math.abs(n) >= 1e12 ? ['兆', 1e12] : Math.abs(n) >= 1e8 ? ['億', 1e8] : ['万', 1e4];
      return (n / size).toLocaleString('ja-JP', {maximumSignificantDigits: 15}) + unit;
    }
    const [mantissa, exponent] = n.toExponential().split('e');
    return mantissa + ' × 10' + String(Number(exponent)).split('').map((c) => SUPERSCRIPT[c]).join('');
  }

  /** Text with every number of seven or more digits written as count() does ("390000000000 particles/mL"). */
  function counts(text) {
    return text === null || text === undefined ? text : String(text).replace(/\d{7,}(\.\d+)?/g, (m) => count(m));
  }

  return {t, has, use, apply, lang: () => lang, setLang, zone, when, today, instantOf, count, counts};
})();
