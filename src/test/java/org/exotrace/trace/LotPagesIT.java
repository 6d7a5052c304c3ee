package org.exotrace.trace;

import jakarta.json.JsonObject;
import org.exotrace.testing.Api;
import org.exotrace.testing.Api.Reply;
import org.exotrace.testing.Api.Role;
import org.exotrace.testing.Api.Staff;
import org.exotrace.testing.Browser;
import org.exotrace.testing.Fixtures;
import org.exotrace.testing.Fixtures.Product;
import org.exotrace.testing.TestDatabase;
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

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * QA's pages in a real headless Chromium against the deployed service: find a lot on {@code /lots}, release it on
 * {@code /lots/{lotNumber}} with an electronic signature, see a dose in the trace, recall the lot, see the vials to set
 * aside and notify the patient; enter QC results, a correction and a certificate CSV on the page; release offered only
 * when it can succeed, a refusal in words at the top; INVENTORY without QA's actions; Japanese and English; a phone's
 * width; a nurse is told the page is not for her. axe-core finds nothing on any page state visited.
 */
@ExtendWith(ArquillianExtension.class)
class LotPagesIT {

    @ArquillianResource
    URL base;

    Api api;
    Staff qa;
    String inventory;
    Fixtures history;
    Product product;
    Browser browser;
    WebDriver page;

    @BeforeEach
    void catalogue() {
        api = new Api(base);
        qa = api.newUser(Role.QA);
        inventory = api.tokenFor(Role.INVENTORY);
        history = new Fixtures(api, qa, inventory);
        product = history.newProduct("\"IV_DRIP\"").name("EXO Pure 2cc").donorSources("ADIPOSE").create();
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        if (browser != null) {
            screenshot(test.getTestMethod().orElseThrow().getName());
            browser.close();
        }
    }

    @Test
    void qaFindsReleasesTracesRecallsAndNotifiesThroughThePages() {
        String lot = quarantinedLot(200);
        entered(lot, "NEGATIVE");
        signIn(qa, "lots", "en");
        assertTrue(text("who").contains(qa.username()), text("who"));
        browser.assertAccessible("/lots signed in");

        page.findElement(By.id("f-lot")).sendKeys(lot.substring(2).toLowerCase(), Keys.ENTER);
        browser.waitUntil("the lot alone in the search result", () -> page.findElements(By.cssSelector("#lots tr")).size() == 1
                && !page.findElements(By.cssSelector("#lots tr[data-lot='" + lot + "']")).isEmpty());
        assertEquals("1 lot", text("count"));
        screenshot("search");
        assertTrue(text("lots").contains("Awaiting release (not usable)"), "words, not the code: " + text("lots"));
        assertFalse(text("lots").contains("QUARANTINED"), text("lots"));
        assertTrue(text("lots").contains("Adipose tissue"), text("lots"));
        browser.assertAccessible("/lots with a lot found");
        page.findElement(By.linkText(lot)).click();

        waitForReport();
        assertEquals(lot, text("lot-number"));
        assertEquals("QUARANTINED", status());
        assertEquals("ExoTrace · Lot report · " + lot, page.getTitle());
        assertEquals("PASS", judgement("STERILITY"));
        assertTrue(text("identity").contains("EXO Pure 2cc (" + product.code() + ")"), text("identity"));
        assertTrue(text("zone").contains("Asia/Tokyo"), "times in the clinic's zone, said so: " + text("zone"));
        assertTrue(text("who").contains(qa.username()), text("who"));
        browser.assertAccessible("the report of a lot that may be released");

        page.findElement(By.id("act-release")).click();
        browser.assertAccessible("the release form");
        page.findElement(By.id("release-password")).sendKeys(qa.password());
        page.findElement(By.id("release-meaning")).sendKeys("Released for clinical use: QC reviewed against specification");
        page.findElement(By.id("release-confirm")).click();
        // the page says what happened once the whole report has been loaded again
        browser.waitUntil("the release confirmed", () -> page.findElement(By.id("action-result")).isDisplayed());
        assertTrue(text("action-result").startsWith("Released. Signed by " + qa.username()), text("action-result"));
        assertEquals("RELEASED", status());
        assertTrue(text("signatures").contains("QC reviewed against specification"), text("signatures"));
        screenshot("released");
        browser.assertAccessible("a released lot");

        String patient = "P-" + Api.unique();
        JsonObject dose = give(lot, patient, 0);
        page.navigate().refresh();
        browser.waitUntil("the patient in the trace", () -> !page.findElements(By.cssSelector("#patients tr[data-patient='" + patient + "']")).isEmpty());
        assertTrue(text("doses").contains(patient + " "), text("doses"));
        assertTrue(text("doses").contains("IV drip"), text("doses"));
        assertTrue(text("doses").contains(dose.getString("nurse")), text("doses"));

        page.findElement(By.id("act-recall")).click();
        browser.assertAccessible("the recall form");
        page.findElement(By.id("decision-reason")).sendKeys("CPC notice: <b>sterility</b> re-test positive");
        page.findElement(By.id("decision-confirm")).click();
        browser.waitUntil("the vials to set aside", () -> page.findElement(By.id("on-hand")).isDisplayed());
        assertTrue(text("action-result").startsWith("Recalled. Reason: CPC notice: <b>sterility</b> re-test positive"),
                "what the API returns is shown as text, never as markup: " + text("action-result"));
        assertTrue(text("recall").endsWith(": CPC notice: <b>sterility</b> re-test positive"), text("recall"));
        assertEquals("RECALLED", status());
        assertEquals("FREEZER-1: 2 vials — " + lot + "-2, " + lot + "-3", text("on-hand"));
        assertEquals("1", text("to-reach"));
        screenshot("recalled");
        browser.assertAccessible("a recalled lot");

        page.findElement(By.cssSelector("#patients tr[data-patient='" + patient + "'] button")).click();
        choose("notify-channel", "PHONE");
        choose("notify-outcome", "REACHED");
        browser.assertAccessible("the notification form");
        page.findElement(By.id("notify-confirm")).click();
        browser.waitUntil("the patient reached", () -> "0".equals(text("to-reach")));
        assertTrue(text("patients").contains("yes"), text("patients"));
        assertEquals(0, api.get("api/lots/" + lot + "/trace", qa.token()).json().getInt("patientsToReach"));
        // the vials to set aside stay on the page after the next action, and after the page is opened again
        assertEquals("FREEZER-1: 2 vials — " + lot + "-2, " + lot + "-3", text("on-hand"));
        page.navigate().refresh();
        waitForReport();
        browser.waitUntil("the set-aside list after opening the page again", () -> page.findElement(By.id("set-aside")).isDisplayed());
        assertEquals("FREEZER-1: 2 vials — " + lot + "-2, " + lot + "-3", text("on-hand"));
        ((JavascriptExecutor) page).executeScript("document.getElementById('trace-summary').scrollIntoView()");
        screenshot("trace");

        // the page shows the link only when the report came back as application/pdf; the page's CSP (connect-src 'self') keeps
        // the test from reading the blob back, and LotReportIT reads the PDF itself
        page.findElement(By.id("pdf")).click();
        browser.waitUntil("the link to the PDF", () -> page.findElement(By.id("pdf-link")).isDisplayed());
        WebElement link = page.findElement(By.id("pdf-link"));
        assertTrue(link.getDomProperty("href").startsWith("blob:"), link.getDomProperty("href"));
        assertEquals("lot-" + lot + ".pdf", link.getDomAttribute("download"));
    }

    @Test
    void qaCorrectsADoseRecordedForTheWrongPatientOnTheLotPageAndTheTraceCallsTheRightOne() {
        String lot = quarantinedLot(200);
        entered(lot, "NEGATIVE");
        Reply released = api.post("api/lots/" + lot + "/release", qa.token(), "{\"password\":\"" + qa.password() + "\",\"meaning\":\"Released for use\"}");
        assertEquals(200, released.status(), released::toString);
        String wrong = "P-W" + Api.unique();
        String right = "P-R" + Api.unique();
        String doseId = give(lot, wrong, 0).getString("administrationId");
        signIn(qa, "lots/" + lot, "ja");
        waitForReport();
        browser.waitUntil("the dose in the trace", () -> !page.findElements(By.cssSelector("#doses tr[data-dose='" + doseId + "']")).isEmpty());
        assertEquals("このロットの投与に訂正はありません。", text("no-corrections"));

        page.findElement(By.cssSelector("#doses tr[data-dose='" + doseId + "'] button")).click();
        browser.waitUntil("the correction form", () -> page.findElement(By.id("correct-form")).isDisplayed());
        assertTrue(text("correct-title").startsWith(wrong + " の投与"), text("correct-title"));
        browser.assertAccessible("the correction form, in Japanese");
        page.findElement(By.id("correct-replace")).click();
        assertFalse(page.findElement(By.id("correct-vial-field")).isDisplayed(), "the vial stays given to the right patient");
        page.findElement(By.id("correct-patient")).sendKeys(right);
        page.findElement(By.id("correct-reason")).sendKeys("患者IDの入力誤り");
        page.findElement(By.id("correct-password")).sendKeys(qa.password());
        page.findElement(By.id("correct-confirm")).click();

        browser.waitUntil("the correction confirmed", () -> page.findElement(By.id("action-result")).isDisplayed()
                && !page.findElements(By.cssSelector("#corrections tr[data-dose='" + doseId + "']")).isEmpty());
        assertEquals("訂正しました：" + wrong + " の投与を " + right + " の投与に訂正しました。", text("action-result"));
        assertFalse(page.findElement(By.id("correct-form")).isDisplayed());
        assertTrue(text("patients").contains(right) && !text("patients").contains(wrong), text("patients"));
        String listed = page.findElement(By.cssSelector("#corrections tr[data-dose='" + doseId + "']")).getText();
        assertTrue(listed.startsWith(wrong) && listed.contains("に訂正") && listed.endsWith("患者IDの入力誤り"), listed);
        browser.assertAccessible("a corrected dose, in Japanese");
        JsonObject trace = api.get("api/lots/" + lot + "/trace", qa.token()).json();
        assertEquals(right, trace.getJsonArray("patients").getJsonObject(0).getString("patientId"));
        page.findElement(By.id("lang-en")).click();
        assertTrue(page.findElement(By.cssSelector("#corrections tr[data-dose='" + doseId + "']")).getText().contains("replaced by dose"));
    }

    @Test
    void releaseIsOfferedOnlyWhenItCanSucceedAndARefusalIsShownAtTheTopNamingTheAssay() {
        String lot = quarantinedLot(200);
        signIn(qa, "lots/" + lot, "en");
        waitForReport();
        assertEquals("MISSING", judgement("STERILITY"));
        assertFalse(page.findElement(By.id("act-release")).isDisplayed(), "no release while QC is incomplete");
        assertTrue(text("release-why").contains("QC is not complete"), text("release-why"));
        assertTrue(page.findElement(By.id("act-reject")).isDisplayed());
        browser.assertAccessible("a lot that may not be released yet");

        String resultId = entered(lot, "NEGATIVE");
        page.navigate().refresh();
        waitForReport();
        browser.waitUntil("release offered", () -> page.findElement(By.id("act-release")).isDisplayed());
        assertFalse(page.findElement(By.id("release-why")).isDisplayed());
        page.findElement(By.id("act-release")).click();
        assertTrue(page.findElement(By.id("release-form")).isDisplayed());
        page.findElement(By.id("release-password")).sendKeys(Keys.ESCAPE);
        assertFalse(page.findElement(By.id("release-form")).isDisplayed(), "Escape closes the form");
        assertEquals("act-release", page.switchTo().activeElement().getDomAttribute("id"), "the focus goes back to the button");

        // someone corrects the result meanwhile: the page still offers release, the server refuses and the page says why
        created(api.post("api/lots/" + lot + "/qc-results", qa.token(),
                "{\"assay\":\"STERILITY\",\"outcome\":\"POSITIVE\",\"supersedes\":\"" + resultId + "\",\"reason\":\"re-test\"}"));
        page.findElement(By.id("act-release")).click();
        page.findElement(By.id("release-password")).sendKeys(qa.password());
        page.findElement(By.id("release-meaning")).sendKeys("Released for clinical use");
        page.findElement(By.id("release-confirm")).click();
        browser.waitUntil("the refusal", () -> page.findElement(By.id("action-result")).isDisplayed());
        assertEquals("QC_FAILED", page.findElement(By.id("action-result")).getDomAttribute("data-code"));
        assertTrue(text("action-result").startsWith("Release refused: QC failed for STERILITY."), text("action-result"));
        assertTrue(above("action-result", "lot"), "the refusal is at the top of the page");
        assertEquals("QUARANTINED", status());
        browser.assertAccessible("a refused release");

        page.findElement(By.id("lang-ja")).click();
        assertTrue(text("action-result").startsWith("出荷判定できません：QC不適合の試験：STERILITY"), text("action-result"));
        page.findElement(By.id("act-reject")).click();
        page.findElement(By.id("decision-reason")).sendKeys(Keys.ESCAPE);
        assertFalse(page.findElement(By.id("decision-form")).isDisplayed(), "Escape closes the reject form");
    }

    @Test
    void qaEntersAResultACorrectionAndACertificateOnTheLotPageInEitherLanguage() throws IOException {
        Product measured = history.newProduct("\"IV_DRIP\"").requiredAssays("""
                {"assay":"STERILITY","expected":"NEGATIVE"},{"assay":"ENDOTOXIN","max":0.5,"unit":"EU/mL"},
                {"assay":"PARTICLE_COUNT","min":100000000000,"unit":"particles/mL"}""").create();
        String lot = "LP" + Api.unique();
        history.receivedLot(measured, 200, "FREEZER-1", lot, List.of(lot + "-1"));
        signIn(qa, "lots/" + lot, "ja");
        waitForReport();
        assertEquals("ja", page.findElement(By.tagName("html")).getDomAttribute("lang"));
        assertEquals("ExoTrace · ロットの記録 · " + lot, page.getTitle());
        assertEquals("出荷判定前（使用不可）", text("lot-status"));
        assertTrue(specLine("PARTICLE_COUNT").contains("1,000億 particles/mL"), specLine("PARTICLE_COUNT"));
        browser.assertAccessible("a lot without results, in Japanese");

        page.findElement(By.id("act-qc")).click();
        browser.assertAccessible("the QC form");
        choose("qc-assay", "PARTICLE_COUNT");
        assertEquals("particles/mL", page.findElement(By.id("qc-unit")).getDomProperty("value"), "the specification's unit");
        page.findElement(By.id("qc-value")).sendKeys("390000000000");
        page.findElement(By.id("qc-method")).sendKeys("NTA");
        String performed = Fixtures.today().minusDays(1) + "T10:00";
        setValue("qc-performed", performed);
        page.findElement(By.id("qc-confirm")).click();
        browser.waitUntil("the result entered", () -> page.findElement(By.id("action-result")).isDisplayed()
                && text("action-result").startsWith("登録しました"));
        assertEquals("PASS", judgement("PARTICLE_COUNT"));
        assertTrue(specLine("PARTICLE_COUNT").contains("3,900億 particles/mL"), specLine("PARTICLE_COUNT"));
        JsonObject stored = currentResult(lot, "PARTICLE_COUNT");
        assertEquals(Fixtures.today().minusDays(1) + "T01:00:00Z", stored.getString("performedAt"), "10:00 in Tokyo");
        assertEquals(0, stored.getJsonNumber("value").bigDecimalValue().compareTo(new java.math.BigDecimal("390000000000")));
        assertTrue(resultLine(stored.getString("resultId")).contains(Fixtures.today().minusDays(1) + " 10:00"), "shown in the clinic's zone");
        browser.assertAccessible("a result entered");

        // a second new result for the same assay is refused, in words, and changes nothing
        page.findElement(By.id("act-qc")).click();
        choose("qc-assay", "PARTICLE_COUNT");
        page.findElement(By.id("qc-value")).sendKeys("4e11");
        page.findElement(By.id("qc-method")).sendKeys("NTA");
        setValue("qc-performed", performed);
        page.findElement(By.id("qc-confirm")).click();
        browser.waitUntil("the refusal", () -> "RESULT_EXISTS".equals(page.findElement(By.id("action-result")).getDomAttribute("data-code")));
        assertTrue(text("action-result").startsWith("この試験にはすでに現在の結果があります"), text("action-result"));
        assertTrue(above("action-result", "qc-form"), "the refusal is at the top");
        assertEquals(1, api.get("api/lots/" + lot + "/qc-results", qa.token()).json().getJsonArray("results").size());
        browser.assertAccessible("a refused result");
        page.findElement(By.id("qc-value")).sendKeys(Keys.ESCAPE);
        assertFalse(page.findElement(By.id("qc-form")).isDisplayed(), "Escape closes the QC form");

        // a correction, with its reason: the old result stays, superseded
        page.findElement(By.cssSelector("#results tr[data-result='" + stored.getString("resultId") + "'] button")).click();
        assertFalse(page.findElement(By.id("qc-assay")).isEnabled(), "a correction keeps its assay");
        page.findElement(By.id("qc-value")).sendKeys("50000000000");
        page.findElement(By.id("qc-method")).sendKeys("NTA");
        setValue("qc-performed", performed);
        page.findElement(By.id("qc-reason")).sendKeys("転記ミス");
        browser.assertAccessible("a correction");
        page.findElement(By.id("qc-confirm")).click();
        browser.waitUntil("the correction entered", () -> "FAIL".equals(judgement("PARTICLE_COUNT")));
        JsonObject corrected = currentResult(lot, "PARTICLE_COUNT");
        assertEquals(stored.getString("resultId"), corrected.getString("supersedes"));
        assertEquals("転記ミス", corrected.getString("reason"));
        assertTrue(resultLine(corrected.getString("resultId")).contains("転記ミス"), resultLine(corrected.getString("resultId")));

        // a CPC's certificate of analysis as CSV
        Path csv = Files.createTempFile(Path.of("target"), "certificate-", ".csv");
        Files.writeString(csv, "assay,value,unit,outcome,method,performedAt,performer\n"
                + "STERILITY,,,NEGATIVE,,,CPC lab\n"
                + "ENDOTOXIN,0.1,EU/mL,,LAL," + Fixtures.today().minusDays(2) + "T00:00:00Z,CPC lab\n");
        page.findElement(By.id("act-qc")).click();
        page.findElement(By.id("qc-file")).sendKeys(csv.toAbsolutePath().toString());
        page.findElement(By.id("qc-upload")).click();
        browser.waitUntil("the certificate entered", () -> "PASS".equals(judgement("ENDOTOXIN")));
        assertTrue(text("action-result").startsWith("試験成績書を登録しました"), text("action-result"));
        assertEquals("PASS", judgement("STERILITY"));
        assertTrue(text("results").contains("試験成績書CSV"), text("results"));
        assertFalse(page.findElement(By.id("act-release")).isDisplayed(), "no release while PARTICLE_COUNT fails");
        assertTrue(text("qc-summary").contains("不適合：PARTICLE_COUNT"), text("qc-summary"));
        screenshot("qc-ja");
        browser.assertAccessible("a certificate entered, in Japanese");

        page.findElement(By.id("lang-en")).click();
        assertEquals("en", page.findElement(By.tagName("html")).getDomAttribute("lang"));
        assertEquals("ExoTrace · Lot report · " + lot, page.getTitle());
        assertTrue(text("action-result").startsWith("Certificate entered: "), "the message is written again: " + text("action-result"));
        assertTrue(resultLine(stored.getString("resultId")).contains("3.9 × 10¹¹ particles/mL"), resultLine(stored.getString("resultId")));
        assertEquals("Awaiting release (not usable)", text("lot-status"));
        browser.assertAccessible("a certificate entered, in English");
    }

    @Test
    void inventorySeesTheReportWithoutQasActions() {
        String lot = quarantinedLot(200);
        entered(lot, "NEGATIVE");
        Staff clerk = api.newUser(Role.INVENTORY);
        signIn(clerk, "lots/" + lot, "en");
        waitForReport();
        assertEquals("PASS", judgement("STERILITY"));
        for (String action : List.of("act-release", "act-reject", "act-recall", "act-qc", "pdf")) {
            assertFalse(page.findElement(By.id(action)).isDisplayed(), action + " is QA's");
        }
        assertFalse(page.findElement(By.id("trace")).isDisplayed(), "the forward trace is QA's");
        assertFalse(page.findElement(By.id("release-why")).isDisplayed());
        assertTrue(text("vials").contains(lot + "-1"), text("vials"));
        assertTrue(text("who").contains(clerk.username()) && text("who").contains("INVENTORY"), text("who"));
        browser.assertAccessible("the report as INVENTORY sees it");
    }

    @Test
    void aRecalledLotOnAPhoneFitsTheScreenWithTouchTargetsAndNamedButtons() {
        String lot = quarantinedLot(200);
        entered(lot, "NEGATIVE");
        assertEquals(200, api.post("api/lots/" + lot + "/release", qa.token(), "{\"password\":\"" + qa.password() + "\",\"meaning\":\"Released for clinical use\"}").status());
        String first = "P-" + Api.unique();
        String second = "P-" + Api.unique();
        give(lot, first, 0);
        give(lot, second, 1);
        assertEquals(200, api.post("api/lots/" + lot + "/recall", qa.token(), "{\"reason\":\"CPC notice\"}").status());
        signIn(qa, "lots/" + lot, "ja");
        browser.resize(390, 844);
        waitForReport();
        browser.waitUntil("the patients", () -> page.findElements(By.cssSelector("#patients tr")).size() == 2);
        assertFalse(browser.scrollsSideways(), "no sideways scrolling at 390 px");
        assertEquals(List.of(), browser.smallTargets(44));
        assertTrue(page.findElement(By.id("set-aside")).isDisplayed());
        assertTrue(text("on-hand").startsWith("FREEZER-1：1本 — "), text("on-hand"));
        List<String> names = page.findElements(By.cssSelector("#patients button")).stream().map(b -> b.getDomAttribute("aria-label")).toList();
        assertEquals(List.of("連絡を記録… 患者 " + first, "連絡を記録… 患者 " + second).stream().sorted().toList(), names.stream().sorted().toList());
        screenshot("phone-ja");
        browser.assertAccessible("a recalled lot on a phone, in Japanese");
        page.findElement(By.cssSelector("#patients tr[data-patient='" + first + "'] button")).click();
        browser.assertAccessible("the notification form on a phone");
        page.findElement(By.id("notify-note")).sendKeys(Keys.ESCAPE);
        assertFalse(page.findElement(By.id("notify-form")).isDisplayed(), "Escape closes the form");

        page.findElement(By.id("lang-en")).click();
        assertFalse(browser.scrollsSideways(), "no sideways scrolling at 390 px in English");
        assertEquals(List.of(), browser.smallTargets(44));
        browser.assertAccessible("a recalled lot on a phone, in English");

        page.get(URI.create(base.toString()).resolve("lots").toString());
        browser.waitUntil("the lots", () -> !page.findElements(By.cssSelector("#lots tr")).isEmpty());
        assertFalse(browser.scrollsSideways(), "/lots: no sideways scrolling at 390 px");
        assertEquals(List.of(), browser.smallTargets(44));
        browser.assertAccessible("/lots on a phone");
    }

    @Test
    void anExpiredLotIsMarkedSoOnTheLotsPageWhateverItsStatus() throws SQLException {
        String lot = quarantinedLot(200);
        entered(lot, "NEGATIVE");
        assertEquals(200, api.post("api/lots/" + lot + "/release", qa.token(), "{\"password\":\"" + qa.password() + "\",\"meaning\":\"Released for clinical use\"}").status());
        try (Connection db = TestDatabase.connect();
             PreparedStatement s = db.prepareStatement("UPDATE lot SET expires_on = ? WHERE lot_number = ?")) {
            s.setObject(1, Fixtures.today().minusDays(1));
            s.setString(2, lot);
            assertEquals(1, s.executeUpdate(), "time passes: the lot's expiry is now yesterday");
        }
        signIn(qa, "lots", "ja");
        assertEquals("ExoTrace · ロット一覧", page.getTitle());
        page.findElement(By.id("f-lot")).sendKeys(lot, Keys.ENTER);
        browser.waitUntil("the lot found, released and expired", () -> {
            String line = page.findElement(By.cssSelector("#lots tr[data-lot='" + lot + "']")).getText();
            return line.contains("出荷可") && line.contains("期限切れ") && page.findElements(By.cssSelector("#lots tr")).size() == 1;
        });
        browser.assertAccessible("an expired lot on /lots, in Japanese");
        page.findElement(By.linkText(lot)).click();
        waitForReport();
        assertTrue(text("expiry-mark").contains("使用禁止・取り分け"), text("expiry-mark"));
        assertTrue(text("on-hand").startsWith("FREEZER-1：3本"), text("on-hand"));
        browser.assertAccessible("an expired lot's report, in Japanese");
    }

    @Test
    void aNurseIsToldTheLotReportIsNotForHer() {
        String lot = quarantinedLot(200);
        signIn(api.newUser(Role.NURSE), "lots/" + lot, "en");
        browser.waitUntil("the refusal", () -> page.findElement(By.id("problem")).isDisplayed());
        assertTrue(text("problem").startsWith("Not allowed"), text("problem"));
        assertFalse(page.findElement(By.id("lot")).isDisplayed(), "nothing of the lot is shown");
        browser.assertAccessible("a refusal");
    }

    @Test
    void signingInOfflineSaysSo() {
        browser = Browser.start();
        page = browser.driver();
        page.get(URI.create(base.toString()).resolve("lots").toString());
        page.findElement(By.id("lang-ja")).click();
        browser.offline();
        page.findElement(By.id("username")).sendKeys("someone");
        page.findElement(By.id("password")).sendKeys("whatever-it-is", Keys.ENTER);
        browser.waitUntil("the sign-in's answer", () -> !text("signin-error").isEmpty());
        assertTrue(text("signin-error").contains("オフライン"), text("signin-error"));
        browser.assertAccessible("sign-in offline");
    }

    @Test
    void lotsAreFoundByPartOfTheNumberProductStatusAndExpiry() {
        String soon = quarantinedLot(100);
        String later = quarantinedLot(300);
        assertEquals(List.of(soon), lotNumbers("lotNumber=" + soon.substring(1, 7).toLowerCase()));
        assertEquals(List.of(later, soon), lotNumbers("productCode=" + product.code()));
        assertEquals(List.of(soon), lotNumbers("productCode=" + product.code() + "&status=QUARANTINED&expiresBefore=" + LocalDate.now().plusDays(200)));
        assertEquals(List.of(), lotNumbers("productCode=" + product.code() + "&status=RELEASED"));
        // '%' may be part of a lot number (GS1 AI (10), character set 82) and is matched as itself, never as a wildcard;
        // '~' is outside set 82, so no lot number holds it.
        assertEquals(List.of(), lotNumbers("productCode=" + product.code() + "&lotNumber=%25"));
        for (String wrong : List.of("status=OPEN", "expiresBefore=tomorrow", "lotNumber=%7E")) {
            Reply refused = api.get("api/lots?" + wrong, qa.token());
            assertEquals(400, refused.status(), refused::toString);
            assertEquals("VALIDATION_FAILED", refused.code());
        }
        assertEquals(422, api.get("api/lots?expiresBefore=2027-02-30", qa.token()).status());
    }

    private List<String> lotNumbers(String query) {
        Reply reply = api.get("api/lots?" + query, qa.token());
        assertEquals(200, reply.status(), reply::toString);
        List<String> numbers = reply.json().getJsonArray("items").stream().map(l -> l.asJsonObject().getString("lotNumber")).toList();
        assertEquals(numbers.size(), reply.json().getInt("total"), reply::toString);
        return numbers;
    }

    private static void created(Reply reply) {
        assertEquals(201, reply.status(), reply::toString);
    }

    private String quarantinedLot(int expiresInDays) {
        String lot = "LP" + Api.unique();
        return history.receivedLot(product, expiresInDays, "FREEZER-1", lot, List.of(lot + "-1", lot + "-2", lot + "-3")).number();
    }

    /** Enters a sterility result through the API; its resultId. */
    private String entered(String lot, String sterility) {
        Reply reply = api.post("api/lots/" + lot + "/qc-results", qa.token(), "{\"assay\":\"STERILITY\",\"outcome\":\"" + sterility + "\"}");
        created(reply);
        return reply.json().getJsonArray("results").getJsonObject(0).getString("resultId");
    }

    private JsonObject currentResult(String lot, String assay) {
        return api.get("api/lots/" + lot + "/qc-results", qa.token()).json().getJsonArray("results").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("assay").equals(assay) && r.getBoolean("current")).findFirst().orElseThrow();
    }

    private JsonObject give(String lot, String patient, int vial) {
        String vialId = api.get("api/lots/" + lot, inventory).json().getJsonArray("vials").getJsonObject(vial).getString("vialId");
        Reply given = api.post("api/administrations", api.tokenFor(Role.NURSE), """
                {"vialId":"%s","patientId":"%s","route":"IV_DRIP","volumeMl":2.0,"purpose":"WELLNESS"}""".formatted(vialId, patient),
                "Idempotency-Key", UUID.randomUUID().toString());
        created(given);
        return given.json();
    }

    /** Opens {@code path} (relative to the application) in a fresh Chromium, chooses the language and signs in there. */
    private void signIn(Staff staff, String path, String language) {
        browser = Browser.start();
        page = browser.driver();
        page.get(URI.create(base.toString()).resolve(path).toString());
        page.findElement(By.id("lang-" + language)).click();
        browser.assertAccessible("the sign-in form of " + path);
        page.findElement(By.id("username")).sendKeys(staff.username());
        page.findElement(By.id("password")).sendKeys(staff.password(), Keys.ENTER);
        browser.waitUntil("the page after sign-in", () -> page.findElement(By.id("content")).isDisplayed());
    }

    private void waitForReport() {
        browser.waitUntil("the lot report", () -> page.findElement(By.id("lot")).isDisplayed()
                && !page.findElements(By.cssSelector("#spec tr")).isEmpty());
    }

    private String specLine(String assay) {
        return page.findElement(By.cssSelector("#spec tr[data-assay='" + assay + "']")).getText();
    }

    private String judgement(String assay) {
        return page.findElement(By.cssSelector("#spec tr[data-assay='" + assay + "'] .judgement")).getDomAttribute("data-judgement");
    }

    private String resultLine(String resultId) {
        return page.findElement(By.cssSelector("#results tr[data-result='" + resultId + "']")).getText();
    }

    private String status() {
        return page.findElement(By.cssSelector("#lot-status .status")).getDomAttribute("data-status");
    }

    /** The element {@code upper} is above {@code lower} on the page. */
    private boolean above(String upper, String lower) {
        return page.findElement(By.id(upper)).getLocation().getY() < page.findElement(By.id(lower)).getLocation().getY();
    }

    private void setValue(String id, String value) {
        ((JavascriptExecutor) page).executeScript("arguments[0].value = arguments[1]", page.findElement(By.id(id)), value);
    }

    private void choose(String select, String value) {
        page.findElement(By.cssSelector("#" + select + " option[value='" + value + "']")).click();
    }

    private String text(String id) {
        WebElement element = page.findElement(By.id(id));
        return element.getText();
    }

    private void screenshot(String name) {
        browser.screenshot(Path.of("target", "LotPagesIT-" + name + ".png"));
    }
}
