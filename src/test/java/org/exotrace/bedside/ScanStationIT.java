package org.exotrace.bedside;

import org.exotrace.gs1.Gtin;
import org.exotrace.testing.Api.Reply;
import org.exotrace.testing.Api.Role;
import org.exotrace.testing.Api.Staff;
import org.exotrace.testing.Api;
import org.exotrace.testing.Browser;
import org.exotrace.testing.Fixtures;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import jakarta.json.JsonObject;

import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The nurse's scan station in a real headless Chromium against the deployed service: a scanner types a GS1
 * element string with a group separator, the page shows the verdict in words, records the dose once, then
 * blocks the used vial; a vial of a quarantined lot cannot be recorded.
 */
@ExtendWith(ArquillianExtension.class)
class ScanStationIT {

    private static final char GS = '\u001d';

    @ArquillianResource
    URL base;

    Api api;
    Staff qa;
    Staff nurse;
    String inventory;
    String product;
    String gtin;
    String cpc;
    LocalDate expiresOn;
    Browser browser;
    WebDriver page;

    @BeforeEach
    void catalogueAndBrowser() {
        api = new Api(base);
        qa = api.newUser(Role.QA);
        nurse = api.newUser(Role.NURSE);
        inventory = api.tokenFor(Role.INVENTORY);
        product = "NFC-" + Api.unique();
        cpc = "CPC-" + Api.unique();
        String first13 = "0" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        gtin = first13 + Gtin.checkDigit(first13);
        expiresOn = LocalDate.now().plusDays(180);
        created(api.post("api/cpcs", qa.token(), """
                {"code":"%s","name":"Osaka CPC","licenceNumber":"FA5190002","country":"JP"}""".formatted(cpc)));
        created(api.post("api/products", qa.token(), """
                {"code":"%s","name":"max NFC 2cc","gtin":"%s","donorSources":["CORD_BLOOD"],
                 "volumeMl":2.0,"particlesPerVial":780000000000,"routes":["IV_DRIP","INJECTION"],
                 "requiredAssays":[{"assay":"STERILITY","expected":"NEGATIVE"},{"assay":"ENDOTOXIN","max":0.5,"unit":"EU/mL"}]}"""
                .formatted(product, gtin)));
        browser = Browser.start();
        page = browser.driver();
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        if (browser != null) {
            browser.screenshot(Path.of("target", "ScanStationIT-" + test.getTestMethod().orElseThrow().getName() + ".png"));
            browser.close();
        }
    }

    @Test
    void aReleasedVialIsRecordedOnceAndThenBlockedAsAlreadyUsedInEitherLanguage() {
        String lot = receivedLot("S-0001", "S-0002");
        release(lot);
        String patient = "P-" + Api.unique();
        signInAs(nurse, patient);
        page.findElement(By.id("lang-en")).click();

        scan(label(lot, "S-0001"));
        assertEquals("OK — may be given", text("headline"));
        browser.assertAccessible("an OK verdict");
        assertEquals("max NFC 2cc (" + product + ")", text("product-name"));
        assertEquals(lot, text("lot-number"));
        assertEquals(expiresOn.toString(), text("expiry"));
        assertEquals("2 mL", text("vial-volume"));
        assertBarcodeHasFocus();

        choose("route", "IV_DRIP");
        choose("purpose", "THERAPY");
        page.findElement(By.id("indication")).sendKeys("Knee osteoarthritis");
        page.findElement(By.id("record")).click();
        browser.waitUntil("the confirmation", () -> has("result", "recorded"));
        List<String> confirmation = lines("result");
        assertEquals("✓ Recorded: max NFC 2cc · lot " + lot + " · serial S-0001", confirmation.get(0), "the vial recorded, by its label");
        assertEquals("2 mL · IV drip · patient ID " + patient, confirmation.get(1));
        assertTrue(confirmation.get(2).endsWith("by " + nurse.username()), confirmation::toString);
        assertEquals("OK — may be given · Recorded", text("headline"));
        assertFalse(page.findElement(By.id("record")).isEnabled(), "a recorded vial cannot be recorded again");
        assertBarcodeHasFocus();
        browser.assertAccessible("a recorded dose");

        scan(label(lot, "S-0001"));
        assertEquals("BLOCKED — do not give", text("headline"));
        assertEquals("This vial has already been used (given, dispensed or discarded). Do not use it: set it aside and report to inventory.",
                reason("ALREADY_USED"));
        assertFalse(page.findElement(By.id("record")).isEnabled());

        page.findElement(By.id("lang-ja")).click();
        assertEquals("BLOCKED — 投与不可", text("headline"));
        assertEquals("このバイアルは使用済みです（投与済み、払出済み、または廃棄済み）。使用せず、取り分けて在庫管理担当に報告してください。",
                reason("ALREADY_USED"));
        browser.assertAccessible("a blocked verdict in Japanese");
        assertEquals("投与を記録", text("record"));
        page.findElement(By.id("lang-en")).click();
        assertEquals("BLOCKED — do not give", text("headline"));
        assertBarcodeHasFocus();
    }

    @Test
    void aNurseUndoesTheDoseSheHasJustRecordedWithAReasonAndHerPasswordAndTheVialIsBackOnTheShelf() {
        String lot = receivedLot("U-0001");
        release(lot);
        signInAs(nurse, "P-" + Api.unique());
        page.findElement(By.id("lang-ja")).click();
        scan(label(lot, "U-0001"));
        choose("route", "IV_DRIP");
        choose("purpose", "WELLNESS");
        page.findElement(By.id("record")).click();
        browser.waitUntil("the confirmation", () -> has("result", "recorded"));
        assertTrue(page.findElement(By.id("undo")).isDisplayed(), "the dose just recorded can be undone");
        assertEquals("この投与を取り消す", text("undo-button"));
        browser.assertAccessible("a recorded dose with its undo, in Japanese");

        page.findElement(By.id("undo-button")).click();
        assertEquals("理由を入力してください。", text("undo-error"));
        page.findElement(By.id("undo-reason")).sendKeys("患者が来院しなかった");
        page.findElement(By.id("undo-unopened")).click();
        page.findElement(By.id("undo-password")).sendKeys("not-her-password");
        page.findElement(By.id("undo-button")).click();
        browser.waitUntil("the refusal", () -> text("undo-error").startsWith("署名"));
        assertEquals("署名できません：パスワードが違います。何も署名されていません。", text("undo-error"));
        assertEquals(1, counts(lot).getInt("ADMINISTERED"), "a refused undo changes nothing");
        browser.assertAccessible("an undo refused");

        page.findElement(By.id("undo-password")).sendKeys(nurse.password());
        page.findElement(By.id("undo-button")).click();
        browser.waitUntil("the undo", () -> has("result", "undone"));
        List<String> said = lines("result");
        assertTrue(said.get(0).startsWith("✓ 取り消しました") && said.get(0).endsWith("U-0001"), said::toString);
        assertEquals("バイアルは在庫（FREEZER-1）に戻りました。元の場所に戻してください。", said.get(1));
        assertFalse(page.findElement(By.id("undo")).isDisplayed(), "an undone dose is not undone twice");
        assertEquals(1, counts(lot).getInt("IN_STOCK"));
        browser.assertAccessible("an undone dose");
        page.findElement(By.id("lang-en")).click();
        assertEquals("The vial is back in stock at FREEZER-1: return it there.", lines("result").get(1));

        scan(label(lot, "U-0001"));
        assertEquals("OK — may be given", text("headline"), "the vial may be given again");
    }

    @Test
    void aVialOfAQuarantinedLotIsBlockedAndCannotBeRecorded() {
        String lot = receivedLot("Q-0001");
        signInAs(nurse, "P-" + Api.unique());
        page.findElement(By.id("lang-en")).click();

        scan(label(lot, "Q-0001"));
        assertEquals("BLOCKED — do not give", text("headline"));
        assertEquals("✕", text("symbol"));
        assertEquals("The lot is awaiting QA release (not usable). Do not use it: hand it to inventory or QA.", reason("LOT_QUARANTINED"));
        assertEquals(lot, text("lot-number"));
        assertFalse(page.findElement(By.id("record")).isEnabled(), "the Record button of a blocked vial is disabled");

        choose("route", "IV_DRIP");
        choose("purpose", "WELLNESS");
        page.findElement(By.id("barcode")).sendKeys(Keys.ENTER);
        ((JavascriptExecutor) page).executeScript("document.getElementById('record').disabled = false; document.getElementById('record').click();");
        browser.waitUntil("the refusal", () -> has("result", "notice"));
        assertEquals("Only a vial scanned and marked OK can be recorded. Scan the vial.", text("result"));
        Reply view = api.get("api/lots/" + lot, inventory);
        assertEquals(1, view.json().getJsonObject("counts").getInt("IN_STOCK"), view::toString);
    }

    @Test
    void aDoseWhoseAnswerWasLostIsRecordedOnceWhenTheNurseRetries() {
        String lot = receivedLot("R-0001");
        release(lot);
        signInAs(nurse, "P-" + Api.unique());
        page.findElement(By.id("lang-en")).click();
        scan(label(lot, "R-0001"));
        assertEquals("OK — may be given", text("headline"));
        choose("route", "IV_DRIP");
        choose("purpose", "WELLNESS");
        // The first answer is lost on the way back: the server recorded the dose, the page sees a network error.
        ((JavascriptExecutor) page).executeScript("""
                const realFetch = window.fetch;
                window.doseKeys = [];
                window.fetch = async (url, options) => {
                  const reply = await realFetch(url, options);
                  if (String(url).endsWith('api/administrations')) {
                    window.doseKeys.push(options.headers['Idempotency-Key']);
                    if (window.doseKeys.length === 1) throw new TypeError('Failed to fetch');
                  }
                  return reply;
                };""");
        page.findElement(By.id("record")).click();
        browser.waitUntil("the retry notice", () -> has("result", "problem"));
        List<String> notice = lines("result");
        assertEquals("✕ Not recorded: max NFC 2cc · lot " + lot + " · serial R-0001", notice.get(0));
        assertTrue(notice.get(1).startsWith("No answer from the server"), notice::toString);
        assertTrue(page.findElement(By.id("record")).isEnabled(), "Record works again");
        page.findElement(By.id("record")).click();
        browser.waitUntil("the confirmation", () -> has("result", "recorded"));
        List<?> doseKeys = (List<?>) ((JavascriptExecutor) page).executeScript("return window.doseKeys;");
        assertEquals(2, doseKeys.size(), doseKeys::toString);
        assertEquals(doseKeys.get(0), doseKeys.get(1), "the retry sends the same Idempotency-Key");
        Reply view = api.get("api/lots/" + lot, inventory);
        assertEquals(1, view.json().getJsonObject("counts").getInt("ADMINISTERED"), view::toString);
    }

    @Test
    void aVialScannedWhileTheLastIsBeingRecordedIsShownAsItIsAndNeverAsRecorded() {
        String lot = receivedLot("A-0001", "B-0001");
        release(lot);
        signInAs(nurse, "P-" + Api.unique());
        page.findElement(By.id("lang-en")).click();
        scan(label(lot, "A-0001"));
        choose("route", "IV_DRIP");
        choose("purpose", "WELLNESS");
        // A two-vial drip on a slow network: Enter records A, and B is scanned while A's answer is on its way.
        browser.slowNetwork(Duration.ofMillis(1500));
        page.findElement(By.id("barcode")).sendKeys(Keys.ENTER);
        browser.waitUntil("A's record on its way", () -> !page.findElement(By.id("record")).isEnabled());
        page.findElement(By.id("barcode")).sendKeys(label(lot, "B-0001"), Keys.ENTER);
        browser.waitUntil("A's answer and B's verdict", () -> has("result", "recorded") && text("serial").equals("B-0001"));

        assertFalse(has("verdict", "done"), "B is not marked recorded");
        assertTrue(page.findElement(By.id("record")).isEnabled(), "B can be recorded");
        assertEquals(1, counts(lot).getInt("ADMINISTERED"));
        assertEquals(1, counts(lot).getInt("IN_STOCK"), "B is still on the shelf");
        assertEquals("OK — may be given", text("headline"), "B's verdict is B's own");
        assertEquals("✓ Recorded: max NFC 2cc · lot " + lot + " · serial A-0001", lines("result").get(0), "A's answer names A");

        page.findElement(By.id("record")).click();
        browser.waitUntil("B's answer", () -> lines("result").get(0).endsWith("serial B-0001") && has("result", "recorded"));
        assertEquals(2, counts(lot).getInt("ADMINISTERED"));
    }

    @Test
    void aNewPatientStartsWithEmptyDoseFieldsAndTheLastRouteNeverBlocksTheNextVial() {
        Fixtures fixtures = new Fixtures(api, qa, inventory);
        Fixtures.Lot nasal = fixtures.releasedLot(fixtures.product("\"NASAL\""), 200, "FRIDGE-N", 1);
        Fixtures.Lot drip = fixtures.releasedLot(fixtures.product("\"IV_DRIP\",\"INJECTION\""), 200, "FREEZER-D", 1);
        signInAs(nurse, "P-" + Api.unique());
        page.findElement(By.id("lang-ja")).click();
        scan(nasal.barcode(0));
        assertEquals("NASAL", value("route"), "the product's one route is chosen");
        choose("purpose", "THERAPY");
        page.findElement(By.id("indication")).sendKeys("Allergic rhinitis");
        page.findElement(By.id("physician")).sendKeys("Dr Sato");
        page.findElement(By.id("consent-ref")).sendKeys("C-77");
        page.findElement(By.id("plan-number")).sendKeys("PL-1");
        page.findElement(By.id("record")).click();
        browser.waitUntil("the dispense", () -> has("result", "recorded"));

        String next = "P-" + Api.unique();
        WebElement patient = page.findElement(By.id("patient"));
        patient.clear();
        patient.sendKeys(next, Keys.ENTER);
        for (String field : List.of("route", "purpose", "indication", "physician", "consent-ref", "plan-number", "site", "site-detail")) {
            assertEquals("", value(field), field + " is empty for the next patient");
        }
        assertFalse(page.findElement(By.id("verdict")).isDisplayed(), "the last patient's vial is not on screen");

        scan(drip.barcode(0));
        assertEquals("OK — 投与可", text("headline"), () -> "the nasal route of the last dose blocked the next vial: " + text("reasons"));
        assertEquals("", value("route"), "the route is chosen for this vial");
        choose("route", "IV_DRIP");
        choose("purpose", "WELLNESS");
        page.findElement(By.id("record")).click();
        browser.waitUntil("the dose", () -> has("result", "recorded"));
        String doseId = api.get("api/patients/" + next + "/doses", nurse.token()).json().getJsonArray("items").getJsonObject(0)
                .getString("administrationId");
        JsonObject dose = api.get("api/administrations/" + doseId, nurse.token()).json();
        assertEquals("WELLNESS", dose.getString("purpose"));
        for (String carried : List.of("indication", "physician", "consentRef", "provisionPlanNumber")) {
            assertTrue(!dose.containsKey(carried) || dose.isNull(carried), () -> carried + " of the last patient recorded again: " + dose);
        }
    }

    @Test
    void signingOutAndInAsAnotherNurseStartsAnEmptyStation() {
        String lot = receivedLot("N-0001");
        release(lot);
        signInAs(nurse, "P-" + Api.unique());
        scan(label(lot, "N-0001"));
        choose("route", "IV_DRIP");
        choose("purpose", "THERAPY");
        page.findElement(By.id("indication")).sendKeys("Knee osteoarthritis");

        page.findElement(By.id("signout")).click();
        Staff other = api.newUser(Role.NURSE);
        signInHere(other);

        assertEquals(other.username(), text("who"));
        assertEquals("", value("patient"), "the last nurse's patient is gone");
        for (String field : List.of("route", "purpose", "indication")) {
            assertEquals("", value(field), field + " is empty");
        }
        assertFalse(page.findElement(By.id("verdict")).isDisplayed());
        assertFalse(page.findElement(By.id("result")).isDisplayed());
    }

    @Test
    void aRecordCutByTheSessionsEndSaysNotRecordedAndRecordWorksAfterSigningInAgain() {
        String lot = receivedLot("E-0001");
        release(lot);
        signInAs(nurse, "P-" + Api.unique());
        page.findElement(By.id("lang-ja")).click();
        scan(label(lot, "E-0001"));
        choose("route", "IV_DRIP");
        choose("purpose", "WELLNESS");
        // The session ends: the server no longer accepts the tab's token.
        ((JavascriptExecutor) page).executeScript("sessionStorage.setItem('exotrace.token', sessionStorage.getItem('exotrace.token') + 'x');");
        page.findElement(By.id("record")).click();
        browser.waitUntil("the sign-in form", () -> page.findElement(By.id("username")).isDisplayed());
        assertEquals("セッションが終了しました。もう一度サインインしてください。", text("signin-error"));

        signInHere(nurse);
        List<String> said = lines("result");
        assertEquals("✕ 記録されていません：max NFC 2cc・ロット " + lot + "・シリアル E-0001", said.get(0));
        assertTrue(said.get(1).startsWith("セッションが終了したため、この投与は記録されていません。"), said::toString);
        assertEquals("投与を記録", text("record"), "the button is not left saying 記録中…");
        assertEquals(0, counts(lot).getInt("ADMINISTERED"));

        page.findElement(By.id("patient")).sendKeys("P-" + Api.unique(), Keys.ENTER);
        scan(label(lot, "E-0001"));
        choose("route", "IV_DRIP");
        choose("purpose", "WELLNESS");
        page.findElement(By.id("record")).click();
        browser.waitUntil("the dose", () -> has("result", "recorded"));
        assertEquals(1, counts(lot).getInt("ADMINISTERED"));
    }

    @Test
    void refusalsSpeakTheNursesLanguageAndSayWhatToDo() {
        String lot = receivedLot("J-0001");
        signInAs(nurse, "P-" + Api.unique());
        page.findElement(By.id("lang-ja")).click();
        scan(label(lot, "J-0001"));
        assertEquals("このロットは出荷判定前（使用不可）です。使用せず、在庫管理担当またはQAに渡してください。", reason("LOT_QUARANTINED"));
        assertFalse(page.findElement(By.id("verdict")).getText().contains("隔離"), "not a word a nurse reads as infection isolation");

        scan("01" + gtin + "17" + expiresOn.format(DateTimeFormatter.ofPattern("yyMMdd")) + "10" + lot + GS + "21NO-SUCH-VIAL");
        assertEquals("このバイアルはExoTraceに登録されていません。使用せず、取り分けて在庫管理担当に渡してください。", reason("UNKNOWN_VIAL"));
        assertFalse(Pattern.compile("[A-Za-z]{4,}").matcher(text("reasons").replace("ExoTrace", "")).find(),
                () -> "English in Japanese mode: " + text("reasons"));
        List<WebElement> toggles = page.findElements(By.cssSelector("#verdict-details details"));
        toggles.forEach(toggle -> assertEquals(null, toggle.getDomAttribute("open"), "the server's English stays folded"));
        browser.assertAccessible("a refusal with its details folded");

        // A vial's code scanned into the patient field is caught, not taken for a patient.
        WebElement patient = page.findElement(By.id("patient"));
        patient.click();
        patient.clear();
        patient.sendKeys(label(lot, "J-0001"), Keys.ENTER);
        assertEquals("", value("patient"));
        assertTrue(text("result").startsWith("これはバイアルのコードです"), text("result"));
        assertEquals("patient", page.switchTo().activeElement().getDomAttribute("id"));
    }

    @Test
    void onALandscapeTabletRecordIsInViewAndTheArrowKeysLeaveTheFocusOnTheSelect() {
        String lot = receivedLot("K-0001");
        release(lot);
        browser.resize(1024, 768);
        signInAs(nurse, "P-" + Api.unique());
        browser.assertAccessible("the station before a scan");
        scan(label(lot, "K-0001"));
        Number bottom = (Number) ((JavascriptExecutor) page).executeScript(
                "return document.getElementById('record').getBoundingClientRect().bottom - window.innerHeight;");
        assertTrue(bottom.doubleValue() <= 0, () -> "Record is " + bottom + " px below the screen");

        WebElement route = page.findElement(By.id("route"));
        route.sendKeys(Keys.ARROW_DOWN);
        assertEquals("route", page.switchTo().activeElement().getDomAttribute("id"), "changing a select does not move the focus");
        assertFalse(value("route").isEmpty(), "the arrow key chose a route");
        // The scanner types while the select has the focus: the code still lands in the barcode field.
        scan(label(lot, "K-0001"));
        assertEquals("K-0001", text("serial"));
    }

    @Test
    void aNurseWhosePasswordAnAdminSetChoosesHerOwnAtSignInAndSigningOutEndsHerToken() {
        String name = "n" + Api.unique().toLowerCase();
        Reply created = api.post("api/users", api.adminToken(), """
                {"username":"%s","password":"temporary-%s","roles":["NURSE"]}""".formatted(name, name));
        created(created);
        page.get(URI.create(base.toString()).resolve("scan").toString());
        page.findElement(By.id("lang-ja")).click();
        page.findElement(By.id("username")).sendKeys(name);
        page.findElement(By.id("password")).sendKeys("temporary-" + name, Keys.ENTER);
        browser.waitUntil("the form for her own password", () -> page.findElement(By.id("new-password")).isDisplayed());
        assertTrue(text("signin-error").startsWith("このパスワードは管理者が設定したものです"), text("signin-error"));
        browser.assertAccessible("the form for a new password");

        page.findElement(By.id("new-password")).sendKeys("her-own-passphrase-7");
        page.findElement(By.id("new-password-again")).sendKeys("her-own-passphrase-8", Keys.ENTER);
        assertEquals("2つの新しいパスワードが一致しません。", text("signin-error"));
        page.findElement(By.id("new-password-again")).clear();
        page.findElement(By.id("new-password-again")).sendKeys("her-own-passphrase-7", Keys.ENTER);
        browser.waitUntil("the scan station", () -> page.findElement(By.id("patient")).isDisplayed());
        assertEquals(name, text("who"));

        String token = (String) ((JavascriptExecutor) page).executeScript("return sessionStorage.getItem('exotrace.token');");
        assertEquals(200, api.get("api/scans/settings", token).status());
        page.findElement(By.id("signout")).click();
        browser.waitUntil("the token revoked on the server", () -> api.get("api/scans/settings", token).status() == 401);
        assertEquals(200, api.post("api/auth/token", null, """
                {"username":"%s","password":"her-own-passphrase-7"}""".formatted(name)).status(), "her own password signs her in");
    }

    private static void created(Reply reply) {
        assertEquals(201, reply.status(), reply::toString);
    }

    private String receivedLot(String... serials) {
        String lot = "L" + Api.unique();
        created(api.post("api/lots", inventory, """
                {"lotNumber":"%s","productCode":"%s","cpcCode":"%s","donorSource":"CORD_BLOOD","manufacturedOn":"2026-11-01",
                 "expiresOn":"%s","location":"FREEZER-1","serials":["%s"]}""".formatted(lot, product, cpc, expiresOn, String.join("\",\"", serials))));
        return lot;
    }

    private void release(String lot) {
        created(api.post("api/lots/" + lot + "/qc-results", qa.token(), "{\"assay\":\"STERILITY\",\"outcome\":\"NEGATIVE\"}"));
        created(api.post("api/lots/" + lot + "/qc-results", qa.token(), """
                {"assay":"ENDOTOXIN","value":0.12,"unit":"EU/mL","method":"LAL","performedAt":"%s"}"""
                .formatted(Instant.now().minus(1, ChronoUnit.DAYS))));
        Reply released = api.post("api/lots/" + lot + "/release", qa.token(),
                "{\"password\":\"" + qa.password() + "\",\"meaning\":\"Released for clinical use: QC reviewed against specification\"}");
        assertEquals(200, released.status(), released::toString);
    }

    /** What a keyboard-wedge scanner types for the vial's GS1 DataMatrix: GTIN, expiry, lot (variable length, so GS), serial. */
    private String label(String lot, String serial) {
        return "01" + gtin + "17" + expiresOn.format(DateTimeFormatter.ofPattern("yyMMdd")) + "10" + lot + GS + "21" + serial;
    }

    private void signInAs(Staff staff, String patient) {
        page.get(URI.create(base.toString()).resolve("scan").toString());
        signInHere(staff);
        page.findElement(By.id("patient")).sendKeys(patient, Keys.ENTER);
        assertBarcodeHasFocus();
    }

    /** Signs in on the page as it is (no reload). */
    private void signInHere(Staff staff) {
        page.findElement(By.id("username")).clear();
        page.findElement(By.id("username")).sendKeys(staff.username());
        page.findElement(By.id("password")).sendKeys(staff.password(), Keys.ENTER);
        browser.waitUntil("the scan station after sign-in", () -> page.findElement(By.id("patient")).isDisplayed());
    }

    /** Types the code and Enter into the focused barcode field, as the scanner does, and waits for the verdict. */
    private void scan(String barcode) {
        page.switchTo().activeElement().sendKeys(barcode, Keys.ENTER);
        browser.waitUntil("the verdict", () -> page.findElement(By.id("verdict")).isDisplayed() || page.findElement(By.id("result")).isDisplayed());
        assertTrue(page.findElement(By.id("verdict")).isDisplayed(), () -> "no verdict; the page says: " + text("result"));
    }

    private void choose(String select, String value) {
        page.findElement(By.cssSelector("#" + select + " option[value='" + value + "']")).click();
    }

    private JsonObject counts(String lot) {
        Reply view = api.get("api/lots/" + lot, inventory);
        assertEquals(200, view.status(), view::toString);
        return view.json().getJsonObject("counts");
    }

    private String value(String id) {
        return page.findElement(By.id(id)).getDomProperty("value");
    }

    private List<String> lines(String id) {
        return List.of(text(id).split("\n"));
    }

    private String text(String id) {
        return page.findElement(By.id(id)).getText();
    }

    private boolean has(String id, String cssClass) {
        WebElement element = page.findElement(By.id(id));
        return element.isDisplayed() && (" " + element.getDomAttribute("class") + " ").contains(" " + cssClass + " ");
    }

    private String reason(String word) {
        return page.findElement(By.cssSelector("#reasons li[data-word='" + word + "']")).getText();
    }

    private void assertBarcodeHasFocus() {
        assertEquals("barcode", page.switchTo().activeElement().getDomAttribute("id"), "the barcode field keeps the focus");
    }
}
