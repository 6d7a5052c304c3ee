'use strict';
// The administrator's page (/admin): accounts (create with a temporary password, roles, disable and enable, reset the
// password, lift a sign-in lock; the last-admin rule said and enforced by the server), the catalogue of CPCs and
// products with their QC specification (QA too), the webhook deliveries, and a check of the audit trail. Every refusal
// is the API's problem code in words, at the top.
(function () {
  const qa = window.ExoTraceQa;
  const $ = qa.$;
  const t = qa.t;

  const WORDS = {
    title: {en: 'ExoTrace · Administration', ja: 'ExoTrace · 管理'},
    accountsTitle: {en: 'Accounts', ja: 'アカウント'},
    catalogueTitle: {en: 'Catalogue', ja: 'カタログ'},
    integrationsTitle: {en: 'Integrations: webhook deliveries', ja: '連携：Webhook の配信'},
    auditTitle: {en: 'Audit trail', ja: '監査証跡'},
    accountsTable: {en: 'List of accounts', ja: 'アカウント一覧'},
    deliveriesTable: {en: 'List of deliveries', ja: '配信一覧'},
    rolesRule: {
      en: 'A password set here is temporary: the user chooses their own at the first sign-in. ADMIN and QA are never held together, and the last active ADMIN can neither be disabled nor lose ADMIN.',
      ja: 'ここで設定するパスワードは仮のもので、最初のサインイン時に本人が変更します。ADMINとQAは同じアカウントに付与できません。また、最後の有効なADMINは無効化もADMINの解除もできません。'
    },
    roles: {en: 'Roles', ja: '役割'},
    accountState: {en: 'State', ja: '状態'},
    createdAt: {en: 'Created', ja: '作成'},
    manage: {en: 'Manage', ja: '操作'},
    manageUser: {en: 'Manage {user}', ja: '{user} を操作'},
    active: {en: 'Active', ja: '有効'},
    disabled: {en: 'Disabled', ja: '無効'},
    temporary: {en: 'temporary password', ja: '仮パスワード'},
    createdBy: {en: '{at} by {by}', ja: '{at}（{by}）'},
    userTitle: {en: 'Account {user}', ja: 'アカウント {user}'},
    saveRoles: {en: 'Save the roles', ja: '役割を保存'},
    disable: {en: 'Disable the account', ja: 'アカウントを無効化'},
    enable: {en: 'Enable the account', ja: 'アカウントを有効化'},
    unlock: {en: 'Lift sign-in locks', ja: 'サインインのロックを解除'},
    temporaryPassword: {en: 'Temporary password (10 characters or more)', ja: '仮パスワード（10文字以上）'},
    resetPassword: {en: 'Reset the password', ja: 'パスワードをリセット'},
    close: {en: 'Close', ja: '閉じる'},
    newUserTitle: {en: 'New account', ja: '新しいアカウント'},
    createUser: {en: 'Create the account', ja: 'アカウントを作成'},
    NURSE: {en: 'Nurse', ja: '看護師'},
    INVENTORY: {en: 'Inventory', ja: '在庫管理'},
    QA: {en: 'QA', ja: '品質保証（QA）'},
    INTEGRATION: {en: 'Integration (read only)', ja: '連携（読み取りのみ）'},
    ADMIN: {en: 'Administrator', ja: '管理者'},
    userCreated: {en: 'Account {user} created with a temporary password.', ja: 'アカウント {user} を仮パスワードで作成しました。'},
    rolesSaved: {en: 'Roles of {user} saved: their sessions have ended.', ja: '{user} の役割を保存しました（現在のセッションは終了しました）。'},
    userDisabled: {en: 'Account {user} disabled: it can no longer sign in.', ja: 'アカウント {user} を無効化しました。サインインできなくなりました。'},
    userEnabled: {en: 'Account {user} enabled.', ja: 'アカウント {user} を有効化しました。'},
    passwordReset: {en: 'Password of {user} reset: give them the temporary password.', ja: '{user} のパスワードをリセットしました。仮パスワードを本人に伝えてください。'},
    unlocked: {en: 'Sign-in locks of {user} lifted.', ja: '{user} のサインインのロックを解除しました。'},
    cpcsTitle: {en: 'Cell processing centres (CPCs)', ja: '細胞加工施設（CPC）'},
    code: {en: 'Code', ja: 'コード'},
    name: {en: 'Name', ja: '名称'},
    licenceNumber: {en: 'Licence or notification number', ja: '許可・届出番号'},
    country: {en: 'Country', ja: '国'},
    newCpcTitle: {en: 'New CPC', ja: '新しいCPC'},
    createCpc: {en: 'Register the CPC', ja: 'CPCを登録'},
    cpcCreated: {en: 'CPC {code} registered.', ja: 'CPC {code} を登録しました。'},
    productsTitle: {en: 'Products and their QC specification', ja: '製品とQC規格'},
    routes: {en: 'Routes', ja: '投与経路'},
    specification: {en: 'Required assays', ja: '必須の試験'},
    volumeMl: {en: 'Volume (mL)', ja: '容量（mL）'},
    particlesPerVial: {en: 'Particles a vial', ja: '1バイアルの粒子数'},
    newProductTitle: {en: 'New product', ja: '新しい製品'},
    assayHow: {
      en: 'Each assay: a qualitative outcome expected (e.g. sterility NEGATIVE), or limits (min, max, or both) with a unit.',
      ja: '試験ごとに、期待する定性的結果（例：無菌試験 NEGATIVE）か、単位付きの規格値（下限・上限のいずれかまたは両方）を入力します。'
    },
    assay: {en: 'Assay', ja: '試験'},
    expected: {en: 'Expected outcome', ja: '期待する結果'},
    min: {en: 'Min', ja: '下限'},
    max: {en: 'Max', ja: '上限'},
    addAssay: {en: 'Add an assay', ja: '試験を追加'},
    removeAssay: {en: 'Remove', ja: '削除'},
    removeAssayOf: {en: 'Remove assay {n}', ja: '試験 {n} を削除'},
    limits: {en: '— limits —', ja: '— 規格値 —'},
    createProduct: {en: 'Register the product', ja: '製品を登録'},
    productCreated: {en: 'Product {code} registered.', ja: '製品 {code} を登録しました。'},
    webhookSettings: {
      en: 'Where webhooks go and their secret are set in the service\'s configuration (exotrace.webhook.urls, exotrace.webhook.secret), not here. Deliveries by status:',
      ja: 'Webhook の送信先と秘密鍵はサービスの設定（exotrace.webhook.urls、exotrace.webhook.secret）で指定します。ここでは配信状況を表示します：'
    },
    deliveryStatus: {en: 'Status', ja: '状態'},
    FAILED: {en: 'Failed (gave up)', ja: '失敗（再送終了）'},
    PENDING: {en: 'Waiting to be sent', ja: '送信待ち'},
    DELIVERED: {en: 'Delivered', ja: '配信済み'},
    noDeliveries: {en: 'No delivery in this status.', ja: 'この状態の配信はありません。'},
    event: {en: 'Event', ja: 'イベント'},
    attempts: {en: 'Attempts', ja: '試行回数'},
    lastAttempt: {en: 'Last attempt', ja: '最終試行'},
    auditHow: {
      en: 'Checks every sealed entry of the audit trail, its chain and its checkpoints: whether anything was changed, removed or cut off.',
      ja: '監査証跡の封印済みエントリ、その連鎖とチェックポイントを検証し、改ざん・削除・切り捨てがないかを確認します。'
    },
    auditVerify: {en: 'Verify the audit trail', ja: '監査証跡を検証'},
    auditIntact: {en: 'The audit trail is intact: {entries} sealed entries verified ({unsealed} still to be sealed), at {at}.',
      ja: '監査証跡は完全です：封印済み {entries} 件を検証しました（封印待ち {unsealed} 件）。{at} 時点。'},
    auditBroken: {en: 'The audit trail is NOT intact: broken at entry {seq}. Tell the person responsible for the service at once.',
      ja: '監査証跡が完全ではありません：エントリ {seq} で破損しています。すぐにサービスの責任者に連絡してください。'},
    USERNAME_TAKEN: {en: 'Refused: this user name is taken.', ja: '受け付けません：このユーザー名はすでに使われています。'},
    LAST_ADMIN: {en: 'Refused: this is the last active ADMIN. Give another account ADMIN first.', ja: '受け付けません：最後の有効なADMINです。先に別のアカウントにADMINを付与してください。'},
    ROLES_INCOMPATIBLE: {en: 'Refused: ADMIN and QA may not be held by one account.', ja: '受け付けません：ADMINとQAを同じアカウントに付与することはできません。'},
    CPC_EXISTS: {en: 'Refused: a CPC with this code is registered.', ja: '受け付けません：このコードのCPCはすでに登録されています。'},
    PRODUCT_EXISTS: {en: 'Refused: a product with this code is registered.', ja: '受け付けません：このコードの製品はすでに登録されています。'},
    GTIN_IN_USE: {en: 'Refused: another product has this GTIN.', ja: '受け付けません：このGTINは別の製品で使われています。'},
    GTIN_INVALID: {en: 'Refused: this is not a valid GTIN-14 (check digit).', ja: '受け付けません：有効なGTIN-14ではありません（チェックデジット）。'}
  };

  const ROLES = ['NURSE', 'INVENTORY', 'QA', 'INTEGRATION', 'ADMIN'];
  const SOURCES = ['DENTAL_PULP', 'ADIPOSE', 'BONE_MARROW', 'CORD_BLOOD', 'UMBILICAL_CORD'];
  const ROUTES = ['IV_DRIP', 'INJECTION', 'NASAL', 'EYE_DROP'];
  const OUTCOMES = ['NEGATIVE', 'POSITIVE', 'CONFORMS', 'DOES_NOT_CONFORM'];

  let users = null;
  let cpcs = null;
  let products = null;
  let deliveries = null;
  let chosen = null; // the user being managed
  let audit = null;
  let assayRows = 0;
  let seq = 0;

  /** Check boxes named after codes, in words; what was ticked stays ticked when written again. */
  function boxes(container, prefix, codes) {
    const ticked = new Set(picked(container));
    container.replaceChildren(...codes.map((code) => {
      const label = qa.el('label', undefined, 'inline');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = code;
      box.id = prefix + '-' + code;
      box.checked = ticked.has(code);
      label.append(box, qa.el('span', qa.word(code)));
      return label;
    }));
  }

  function picked(container) {
    return [...container.querySelectorAll('input[type="checkbox"]:checked')].map((b) => b.value);
  }

  function tick(container, codes) {
    for (const box of container.querySelectorAll('input[type="checkbox"]')) box.checked = codes.includes(box.value);
  }

  function words(codes) {
    return (codes || []).map(qa.word).join(', ');
  }

  function renderUsers() {
    const body = $('users');
    body.replaceChildren();
    $('accounts').hidden = users === null;
    for (const u of users || []) {
      const state = (u.active ? t('active') : t('disabled')) + (u.passwordTemporary ? ' · ' + t('temporary') : '');
      const manage = qa.el('button', t('manage'));
      manage.type = 'button';
      manage.setAttribute('aria-label', t('manageUser', {user: u.username}));
      manage.addEventListener('click', () => choose(u.username));
      const tr = qa.row([u.username, words(u.roles), qa.el('span', state, u.active ? '' : 'do-not-use'),
        t('createdBy', {at: qa.when(u.createdAt), by: u.createdBy || '—'}), manage]);
      tr.dataset.user = u.username;
      body.appendChild(tr);
    }
    const u = chosen && (users || []).find((x) => x.username === chosen);
    $('user-form').hidden = !u;
    if (!u) return;
    $('user-title').textContent = t('userTitle', {user: u.username});
    $('user-active').textContent = u.active ? t('disable') : t('enable');
    $('user-active').className = u.active ? 'danger' : '';
  }

  function choose(username) {
    chosen = username;
    const u = users.find((x) => x.username === username);
    tick($('user-roles'), u.roles);
    $('user-password').value = '';
    renderUsers();
    $('user-title').scrollIntoView({block: 'nearest'});
    $('user-save-roles').focus();
  }

  function renderCatalogue() {
    $('catalogue').hidden = cpcs === null;
    $('cpcs').replaceChildren(...(cpcs || []).map((c) => {
      const tr = qa.row([c.code, c.name, c.licenceNumber, c.country]);
      tr.dataset.cpc = c.code;
      return tr;
    }));
    $('products').replaceChildren(...(products || []).map((p) => {
      const spec = (p.requiredAssays || []).map((a) => a.assay + ' ' + (a.expected ? qa.word(a.expected)
        : [a.min !== undefined && a.min !== null ? '≥ ' + qa.counts(a.min) : '', a.max !== undefined && a.max !== null ? '≤ ' + qa.counts(a.max) : '']
          .filter(Boolean).join(' ') + ' ' + (a.unit || ''))).join('; ');
      const tr = qa.row([p.code, p.name, p.gtin, words(p.donorSources), words(p.routes), spec]);
      tr.dataset.product = p.code;
      return tr;
    }));
  }

  function renderDeliveries() {
    $('integrations').hidden = deliveries === null;
    $('deliveries').replaceChildren(...(deliveries || []).map((d) => qa.row([d.eventType, d.lotNumber || d.locationCode || '', d.url, String(d.attempts),
      qa.when(d.lastAttemptAt) + (d.lastStatus ? ' · HTTP ' + d.lastStatus : '') + (d.lastError ? ' · ' + d.lastError : '')])));
    $('deliveries-none').hidden = !deliveries || deliveries.length > 0;
  }

  function renderAudit() {
    const box = $('audit-result');
    if (!audit) { box.hidden = true; box.replaceChildren(); return; }
    const r = audit;
    const line = r.intact ? t('auditIntact', {entries: r.entries, unsealed: r.unsealed, at: qa.when(r.verifiedAt)})
      : t('auditBroken', {seq: r.firstBrokenSeq === null || r.firstBrokenSeq === undefined ? '—' : r.firstBrokenSeq});
    box.className = 'message ' + (r.intact ? 'ok' : 'problem');
    box.replaceChildren(qa.el('p', line, 'headline'));
    if (r.problem) { const p = qa.el('p', r.problem); p.lang = 'en'; box.appendChild(p); }
    box.dataset.intact = String(r.intact);
    box.hidden = false;
  }

  function renderForms() {
    boxes($('user-roles'), 'user-role', ROLES);
    boxes($('account-roles'), 'account-role', ROLES);
    boxes($('product-sources'), 'source', SOURCES);
    boxes($('product-routes'), 'route', ROUTES);
    for (const row of $('assays').children) renderAssayRow(row);
  }

  function render() {
    renderForms();
    renderUsers();
    renderCatalogue();
    renderDeliveries();
    renderAudit();
  }

  function clear() {
    seq++;
    users = cpcs = products = deliveries = chosen = audit = null;
    for (const id of ['account-username', 'account-password', 'user-password', 'cpc-code', 'cpc-name', 'cpc-licence', 'product-code',
      'product-name', 'product-gtin', 'product-particles']) $(id).value = '';
    for (const container of ['account-roles', 'product-sources', 'product-routes', 'user-roles']) tick($(container), []);
    $('assays').replaceChildren();
    qa.unsay($('action-result'));
    render();
  }

  async function loadUsers() {
    const reply = await qa.every('api/users');
    if (qa.refused(reply)) return false;
    users = reply.body.items;
    renderUsers();
    return true;
  }

  async function loadCatalogue() {
    const [c, p] = await Promise.all([qa.every('api/cpcs'), qa.every('api/products')]);
    if (qa.refused(c) || qa.refused(p)) return;
    cpcs = c.body.items;
    products = p.body.items;
    renderCatalogue();
  }

  async function loadDeliveries() {
    const reply = await qa.call('api/webhooks/deliveries?size=100&status=' + encodeURIComponent($('delivery-status').value));
    if (qa.refused(reply)) return;
    deliveries = reply.body.items;
    renderDeliveries();
  }

  /** ADMIN sees everything; QA the catalogue and the audit check; anyone else is refused by the server, said at the top. */
  async function load() {
    const mine = ++seq;
    qa.unsay($('problem'));
    const admin = qa.hasRole('ADMIN');
    if (!admin && !qa.hasRole('QA')) {
      await loadUsers(); // refused: the page says so and shows nothing
      return;
    }
    if (admin) await Promise.all([loadUsers(), loadDeliveries()]);
    if (mine !== seq) return;
    await loadCatalogue();
  }

  // --- accounts
  async function userAction(path, options, key) {
    const user = chosen;
    const reply = await qa.call('api/users/' + encodeURIComponent(user) + path, Object.assign({method: 'POST'}, options));
    if (qa.refused(reply)) return;
    await loadUsers();
    qa.done(key, {user});
  }

  async function createUser(event) {
    event.preventDefault();
    const username = $('account-username').value.trim();
    const reply = await qa.call('api/users', {method: 'POST', json: {username, password: $('account-password').value, roles: picked($('account-roles'))}});
    if (qa.refused(reply)) return;
    for (const id of ['account-username', 'account-password']) $(id).value = '';
    tick($('account-roles'), []);
    await loadUsers();
    qa.done('userCreated', {user: username});
  }

  // --- catalogue
  function renderAssayRow(row) {
    for (const e of row.querySelectorAll('[data-words-key]')) e.textContent = t(e.dataset.wordsKey);
    qa.options(row.querySelector('select'), [''].concat(OUTCOMES).map((o) => [o, o ? qa.word(o) : t('limits')]));
    row.querySelector('button').setAttribute('aria-label', t('removeAssayOf', {n: row.dataset.n}));
  }

  function addAssay() {
    const n = ++assayRows;
    const row = qa.el('div', undefined, 'filters assay');
    row.dataset.n = String(n);
    const field = (key, tag, attrs) => {
      const label = qa.el('label');
      const span = qa.el('span');
      span.dataset.wordsKey = key;
      const input = document.createElement(tag);
      Object.assign(input, attrs);
      input.id = 'assay-' + n + '-' + key;
      label.append(span, ' ', input);
      row.appendChild(label);
      return input;
    };
    field('assay', 'input', {autocomplete: 'off', maxLength: 40}).classList.add('assay-name');
    field('expected', 'select', {});
    field('min', 'input', {inputMode: 'decimal', autocomplete: 'off'});
    field('max', 'input', {inputMode: 'decimal', autocomplete: 'off'});
    field('unit', 'input', {autocomplete: 'off', maxLength: 32});
    const remove = qa.el('button', t('removeAssay'));
    remove.type = 'button';
    remove.dataset.wordsKey = 'removeAssay';
    remove.addEventListener('click', () => row.remove());
    row.appendChild(remove);
    renderAssayRow(row);
    $('assays').appendChild(row);
    row.querySelector('input').focus();
  }

  function assays() {
    return [...$('assays').children].map((row) => {
      const v = (key) => row.querySelector('#assay-' + row.dataset.n + '-' + key).value.trim();
      const a = {assay: v('assay').toUpperCase()};
      if (v('expected')) a.expected = v('expected');
      if (v('min')) a.min = Number(v('min'));
      if (v('max')) a.max = Number(v('max'));
      if (v('unit')) a.unit = v('unit');
      return a;
    });
  }

  async function createCpc(event) {
    event.preventDefault();
    const code = $('cpc-code').value.trim();
    const reply = await qa.call('api/cpcs', {method: 'POST', json: {code, name: $('cpc-name').value.trim(),
      licenceNumber: $('cpc-licence').value.trim(), country: $('cpc-country').value.trim()}});
    if (qa.refused(reply)) return;
    for (const id of ['cpc-code', 'cpc-name', 'cpc-licence']) $(id).value = '';
    await loadCatalogue();
    qa.done('cpcCreated', {code});
  }

  async function createProduct(event) {
    event.preventDefault();
    const code = $('product-code').value.trim();
    const particles = $('product-particles').value.replace(/[,\s]/g, '');
    const reply = await qa.call('api/products', {method: 'POST', json: {code, name: $('product-name').value.trim(),
      gtin: $('product-gtin').value.trim(), donorSources: picked($('product-sources')), volumeMl: Number($('product-volume').value) || null,
      particlesPerVial: particles ? Number(particles) : null, routes: picked($('product-routes')), requiredAssays: assays()}});
    if (qa.refused(reply)) return;
    for (const id of ['product-code', 'product-name', 'product-gtin', 'product-particles']) $(id).value = '';
    tick($('product-sources'), []);
    tick($('product-routes'), []);
    $('assays').replaceChildren();
    await loadCatalogue();
    qa.done('productCreated', {code});
  }

  async function verifyAudit() {
    audit = null;
    renderAudit();
    const reply = await qa.call('api/audit/verify');
    if (qa.refused(reply)) return;
    qa.unsay($('problem'));
    audit = reply.body;
    renderAudit();
  }

  $('new-user').addEventListener('submit', createUser);
  $('user-form').addEventListener('submit', (event) => {
    event.preventDefault();
    userAction('/roles', {method: 'PUT', json: {roles: picked($('user-roles'))}}, 'rolesSaved');
  });
  $('user-active').addEventListener('click', () => {
    const u = users.find((x) => x.username === chosen);
    userAction(u.active ? '/disable' : '/enable', {}, u.active ? 'userDisabled' : 'userEnabled');
  });
  $('user-unlock').addEventListener('click', () => userAction('/unlock', {}, 'unlocked'));
  $('user-reset').addEventListener('click', () => userAction('/password', {json: {password: $('user-password').value}}, 'passwordReset'));
  $('user-close').addEventListener('click', () => { chosen = null; renderUsers(); });
  $('new-cpc').addEventListener('submit', createCpc);
  $('new-product').addEventListener('submit', createProduct);
  $('add-assay').addEventListener('click', addAssay);
  $('delivery-status').addEventListener('change', loadDeliveries);
  $('audit-verify').addEventListener('click', verifyAudit);
  qa.start(WORDS, {load, clear, render});
})();
