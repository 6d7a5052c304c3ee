package org.exotrace.bedside;

import org.exotrace.bedside.barcode.Gtin;
import org.exotrace.testing.Api;
import org.exotrace.testing.Api.Reply;
import org.exotrace.testing.Api.Role;
import org.exotrace.testing.Api.Staff;
import org.exotrace.testing.Browser;
import org.exotrace.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
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

import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

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

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.exotrace();
    }

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
        String confirmation = text("result");
        assertTrue(confirmation.startsWith("✓ Recorded: 2 mL · IV drip · Patient ID " + patient), confirmation);
        assertTrue(confirmation.contains("by " + nurse.username()), confirmation);
        assertFalse(page.findElement(By.id("record")).isEnabled(), "a recorded vial cannot be recorded again");
        assertBarcodeHasFocus();

        scan(label(lot, "S-0001"));
        assertEquals("BLOCKED — do not give", text("headline"));
        assertEquals("This vial has already been used (given, dispensed or discarded).", reason("ALREADY_USED"));
        assertFalse(page.findElement(By.id("record")).isEnabled());

        page.findElement(By.id("lang-ja")).click();
        assertEquals("BLOCKED — 投与不可", text("headline"));
        assertEquals("このバイアルは使用済みです（投与済み、払出済み、または廃棄済み）。", reason("ALREADY_USED"));
        assertEquals("投与を記録", text("record"));
        page.findElement(By.id("lang-en")).click();
        assertEquals("BLOCKED — do not give", text("headline"));
        assertBarcodeHasFocus();
    }

    @Test
    void aVialOfAQuarantinedLotIsBlockedAndCannotBeRecorded() {
        String lot = receivedLot("Q-0001");
        signInAs(nurse, "P-" + Api.unique());
        page.findElement(By.id("lang-en")).click();

        scan(label(lot, "Q-0001"));
        assertEquals("BLOCKED — do not give", text("headline"));
        assertEquals("✕", text("symbol"));
        assertEquals("The lot is in quarantine: QA has not released it.", reason("LOT_QUARANTINED"));
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
        browser.waitUntil("the retry notice", () -> has("result", "notice"));
        assertTrue(text("result").startsWith("No answer from the server"), text("result"));
        page.findElement(By.id("record")).click();
        browser.waitUntil("the confirmation", () -> has("result", "recorded"));
        List<?> doseKeys = (List<?>) ((JavascriptExecutor) page).executeScript("return window.doseKeys;");
        assertEquals(2, doseKeys.size(), doseKeys::toString);
        assertEquals(doseKeys.get(0), doseKeys.get(1), "the retry sends the same Idempotency-Key");
        Reply view = api.get("api/lots/" + lot, inventory);
        assertEquals(1, view.json().getJsonObject("counts").getInt("ADMINISTERED"), view::toString);
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
        page.findElement(By.id("username")).sendKeys(staff.username());
        page.findElement(By.id("password")).sendKeys(staff.password(), Keys.ENTER);
        browser.waitUntil("the scan station after sign-in", () -> page.findElement(By.id("patient")).isDisplayed());
        page.findElement(By.id("patient")).sendKeys(patient, Keys.ENTER);
        assertBarcodeHasFocus();
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
