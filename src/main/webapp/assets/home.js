'use strict';
// The home page's words, in Japanese or English (assets/words.js).
window.ExoTraceWords.use({
  title: {en: 'ExoTrace', ja: 'ExoTrace'},
  about: {en: 'Inventory, QC release and bedside lot tracking of exosome vials.', ja: 'エクソソーム製剤バイアルの在庫、QC出荷判定、ベッドサイドでのロット追跡。'},
  scan: {en: 'Scan station (nurses)', ja: 'スキャンステーション（看護師）'},
  stock: {en: 'Stock on hand (inventory, QA)', ja: '在庫（在庫管理、QA）'},
  inventory: {en: 'Inventory work: receive, move, waste, count (inventory)', ja: '在庫作業：受入、移動、廃棄、棚卸（在庫管理）'},
  admin: {en: 'Administration: accounts, catalogue, audit check (ADMIN; catalogue also QA)', ja: '管理：アカウント、カタログ、監査証跡の検証（管理者。カタログはQAも）'},
  lots: {en: 'Lots: search, QC dossier, release, recall and trace (QA)', ja: 'ロット：検索、QC記録、出荷判定、回収、追跡（QA）'},
  openapi: {en: 'API description (OpenAPI)', ja: 'APIの説明（OpenAPI）'},
  ready: {en: 'Readiness', ja: '稼働状態（Readiness）'},
  signInHint: {en: 'Sign in on each page with your ExoTrace account.', ja: '各ページでExoTraceのアカウントでサインインしてください。'}
});
