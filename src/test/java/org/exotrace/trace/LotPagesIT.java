package org.exotrace.trace;

import jakarta.json.JsonObject;
import org.exotrace.testing.Api;
import org.exotrace.testing.Api.Reply;
import org.exotrace.testing.Api.Role;
import org.exotrace.testing.Api.Staff;
import org.exotrace.testing.Browser;
import org.exotrace.testing.Fixtures;
import org.exotrace.testing.Fixtures.Product;
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

import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * QA's pages in a real headless Chromium against the deployed service: find a lot on {@code /lots}, release it on
 * {@code /lots/{lotNumber}} with an electronic signature, see a dose in the trace, recall the lot, see the vials to set
 * aside and notify the patient; a failing lot is refused naming the assay; a nurse is told the page is not for her.
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
        signIn(qa, "lots");

        page.findElement(By.id("f-lot")).sendKeys(lot.substring(2).toLowerCase(), Keys.ENTER);
        browser.waitUntil("the lot alone in the search result", () -> page.findElements(By.cssSelector("#lots tr")).size() == 1
                && !page.findElements(By.cssSelector("#lots tr[data-lot='" + lot + "']")).isEmpty());
        assertEquals("1 lot", text("count"));
        screenshot("search");
        assertTrue(text("lots").contains("QUARANTINED"), text("lots"));
        page.findElement(By.linkText(lot)).click();

        waitForReport();
        assertEquals(lot, text("lot-number"));
        assertTrue(text("lot-status").startsWith("QUARANTINED"), text("lot-status"));
        assertTrue(specLine("STERILITY").contains("PASS"), specLine("STERILITY"));
        assertTrue(text("identity").contains("EXO Pure 2cc (" + product.code() + ")"), text("identity"));

        page.findElement(By.id("act-release")).click();
        page.findElement(By.id("release-password")).sendKeys(qa.password());
        page.findElement(By.id("release-meaning")).sendKeys("Released for clinical use: QC reviewed against specification");
        page.findElement(By.id("release-confirm")).click();
        // the page says what happened once the whole report has been loaded again
        browser.waitUntil("the release confirmed", () -> page.findElement(By.id("action-result")).isDisplayed());
        assertTrue(text("action-result").startsWith("Released. Signed by " + qa.username()), text("action-result"));
        assertTrue(text("lot-status").startsWith("RELEASED"), text("lot-status"));
        assertTrue(text("signatures").contains("QC reviewed against specification"), text("signatures"));
        screenshot("released");

        String patient = "P-" + Api.unique();
        JsonObject dose = give(lot, patient);
        page.navigate().refresh();
        browser.waitUntil("the patient in the trace", () -> !page.findElements(By.cssSelector("#patients tr[data-patient='" + patient + "']")).isEmpty());
        assertTrue(text("doses").contains(patient + " "), text("doses"));
        assertTrue(text("doses").contains("IV_DRIP"), text("doses"));
        assertTrue(text("doses").contains(dose.getString("nurse")), text("doses"));

        page.findElement(By.id("act-recall")).click();
        page.findElement(By.id("decision-reason")).sendKeys("CPC notice: <b>sterility</b> re-test positive");
        page.findElement(By.id("decision-confirm")).click();
        browser.waitUntil("the vials to set aside", () -> page.findElement(By.id("on-hand")).isDisplayed());
        assertTrue(text("action-result").startsWith("Recalled. Reason: CPC notice: <b>sterility</b> re-test positive"),
                "what the API returns is shown as text, never as markup: " + text("action-result"));
        assertTrue(text("recall").endsWith(": CPC notice: <b>sterility</b> re-test positive"), text("recall"));
        assertTrue(text("lot-status").startsWith("RECALLED"), text("lot-status"));
        assertEquals("FREEZER-1: 2 vials — " + lot + "-2, " + lot + "-3", text("on-hand"));
        assertEquals("1", text("to-reach"));
        screenshot("recalled");

        page.findElement(By.cssSelector("#patients tr[data-patient='" + patient + "'] button")).click();
        choose("notify-channel", "PHONE");
        choose("notify-outcome", "REACHED");
        page.findElement(By.id("notify-confirm")).click();
        browser.waitUntil("the patient reached", () -> "0".equals(text("to-reach")));
        assertTrue(text("patients").contains("yes"), text("patients"));
        assertEquals(0, api.get("api/lots/" + lot + "/trace", qa.token()).json().getInt("patientsToReach"));
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
    void releasingALotWhoseQcFailsIsRefusedNamingTheAssay() {
        String lot = quarantinedLot(200);
        entered(lot, "POSITIVE");
        signIn(qa, "lots/" + lot);
        waitForReport();
        assertTrue(specLine("STERILITY").contains("FAIL"), specLine("STERILITY"));

        page.findElement(By.id("act-release")).click();
        page.findElement(By.id("release-password")).sendKeys(qa.password());
        page.findElement(By.id("release-meaning")).sendKeys("Released for clinical use");
        page.findElement(By.id("release-confirm")).click();
        browser.waitUntil("the refusal", () -> page.findElement(By.id("action-result")).isDisplayed());
        assertEquals("QC_FAILED", page.findElement(By.id("action-result")).getDomAttribute("data-code"));
        assertTrue(text("action-result").startsWith("Release refused: QC failed for STERILITY."), text("action-result"));
        assertTrue(text("lot-status").startsWith("QUARANTINED"), text("lot-status"));
    }

    @Test
    void aNurseIsToldTheLotReportIsNotForHer() {
        String lot = quarantinedLot(200);
        signIn(api.newUser(Role.NURSE), "lots/" + lot);
        browser.waitUntil("the refusal", () -> page.findElement(By.id("problem")).isDisplayed());
        assertTrue(text("problem").startsWith("Not allowed"), text("problem"));
        assertFalse(page.findElement(By.id("lot")).isDisplayed(), "nothing of the lot is shown");
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

    private void entered(String lot, String sterility) {
        created(api.post("api/lots/" + lot + "/qc-results", qa.token(), "{\"assay\":\"STERILITY\",\"outcome\":\"" + sterility + "\"}"));
    }

    private JsonObject give(String lot, String patient) {
        String vialId = api.get("api/lots/" + lot, inventory).json().getJsonArray("vials").getJsonObject(0).getString("vialId");
        Reply given = api.post("api/administrations", api.tokenFor(Role.NURSE), """
                {"vialId":"%s","patientId":"%s","route":"IV_DRIP","volumeMl":2.0,"purpose":"WELLNESS"}""".formatted(vialId, patient),
                "Idempotency-Key", UUID.randomUUID().toString());
        created(given);
        return given.json();
    }

    /** Opens {@code path} (relative to the application) in a fresh Chromium and signs in there. */
    private void signIn(Staff staff, String path) {
        browser = Browser.start();
        page = browser.driver();
        page.get(URI.create(base.toString()).resolve(path).toString());
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
