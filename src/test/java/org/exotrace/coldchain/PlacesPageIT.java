package org.exotrace.coldchain;

import jakarta.json.Json;
import org.exotrace.testing.Api;
import org.exotrace.testing.Api.Reply;
import org.exotrace.testing.Api.Role;
import org.exotrace.testing.Api.Staff;
import org.exotrace.testing.Browser;
import org.exotrace.testing.Fixtures;
import org.exotrace.testing.Fixtures.Lot;
import org.exotrace.testing.Fixtures.Product;
import org.exotrace.testing.StaffPage;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The temperature excursion banner on /stock and the place pages (/places, /places/{code}; ADR 0047) in a real headless
 * Chromium: an excursion shows on an open page without a reload, announced politely; the place's chart draws the readings
 * as a line over the allowed band with the excursion shaded, the same data in tables; QA disposes of an excursion by
 * signature, a wrong password refused in words; Japanese and English, a phone's width; axe-core on every state.
 */
@ExtendWith(ArquillianExtension.class)
class PlacesPageIT {

    @ArquillianResource
    URL base;

    Api api;
    static Staff qa;
    static Staff clerk;
    static String integration;
    static String nurse;
    Fixtures history;
    Product product;
    StaffPage staffPage;
    Browser browser;
    WebDriver page;

    @BeforeEach
    void staff() {
        api = new Api(base);
        if (qa == null) {
            qa = api.newUser(Role.QA);
            clerk = api.newUser(Role.INVENTORY);
            integration = api.tokenFor(Role.INTEGRATION);
            nurse = api.tokenFor(Role.NURSE);
        }
        history = new Fixtures(api, qa, clerk.token());
        product = history.product("\"IV_DRIP\"");
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        if (staffPage != null) {
            staffPage.close("PlacesPageIT-" + test.getTestMethod().orElseThrow().getName());
        }
    }

    private void open(String path, String language, Staff staff) {
        staffPage = StaffPage.open(base, path, language);
        browser = staffPage.browser();
        page = staffPage.driver();
        staffPage.signIn(staff);
    }

    private String freezer() {
        String code = "FRZ-" + Api.unique().toUpperCase();
        Reply registered = api.post("api/locations", qa.token(), """
                {"code":"%s","name":"-80 °C freezer","kind":"FREEZER","minC":-90,"maxC":-60,"maxGapMinutes":15}""".formatted(code));
        assertEquals(201, registered.status(), registered::toString);
        return code;
    }

    /** One batch of a logger's readings: instants and temperatures, by turns. */
    private void send(String place, Object... readings) {
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < readings.length; i += 2) {
            batch.append(i == 0 ? "" : ",").append("{\"at\":\"").append(readings[i]).append("\",\"celsius\":").append(readings[i + 1]).append('}');
        }
        Reply sent = api.post("api/locations/" + place + "/readings", integration, "{\"loggerId\":\"TL-1\",\"readings\":[" + batch + "]}");
        assertEquals(200, sent.status(), sent::toString);
    }

    /** A place whose one vial lived through an excursion that has ended: in range, -50 and -45 °C, back in range. */
    private String endedExcursion(Lot[] lot) {
        String place = freezer();
        lot[0] = history.releasedLot(product, 180, place, 1);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        ColdChainAttentionIT.waitUntil(t0.plusSeconds(4));
        send(place, t0.minus(30, ChronoUnit.MINUTES), "-80.0", t0.minus(20, ChronoUnit.MINUTES), "-80.0", t0.minus(10, ChronoUnit.MINUTES), "-80.0",
                t0.plusSeconds(1), "-50.0", t0.plusSeconds(2), "-45.0", t0.plusSeconds(3), "-80.0");
        return place;
    }

    private String verdict(Lot lot) {
        Reply scan = api.post("api/scans", nurse, "{\"barcode\":" + Json.createValue(lot.barcode(0)) + ",\"route\":\"IV_DRIP\"}");
        assertEquals(200, scan.status(), scan::toString);
        return scan.json().getString("verdict");
    }

    private WebElement bannerLine(String place) {
        return page.findElement(By.cssSelector("#attention li[data-place='" + place + "']"));
    }

    private Object script(String js) {
        return ((JavascriptExecutor) page).executeScript(js);
    }

    @Test
    void anExcursionShowsOnTheOpenStockPageWithoutAReloadPolitelyAndLinksToItsPlace() {
        String place = freezer();
        Lot lot = history.releasedLot(product, 180, place, 2);
        String shelf = "Shelf " + Api.unique();
        history.releasedLot(product, 180, shelf, 1);
        send(place, Instant.now(), "-80.0");
        open("stock", "ja", clerk);
        browser.waitUntil("our lot's line", () -> !page.findElements(By.cssSelector("#lines tr[data-location='" + place + "']")).isEmpty());
        assertTrue(page.findElements(By.cssSelector("#attention li[data-place='" + place + "']")).isEmpty(), "nothing to say yet");
        script("window.exotraceNotReloaded = true");

        send(place, Instant.now(), "-41.5");
        browser.waitUntil("the banner naming the place, without a reload", () -> bannerLine(place).isDisplayed());
        assertEquals(Boolean.TRUE, script("return window.exotraceNotReloaded === true"), "the page was not reloaded");
        WebElement banner = page.findElement(By.id("attention"));
        assertEquals("status", banner.getDomAttribute("role"));
        assertEquals("polite", banner.getDomAttribute("aria-live"));
        assertTrue(banner.getText().startsWith("温度逸脱"), banner.getText());
        String line = bannerLine(place).getText();
        for (String words : List.of("温度が許容範囲外", "から", "継続中", "保留中のバイアル 2本")) {
            assertTrue(line.contains(words), words + " in " + line);
        }
        assertFalse((Boolean) script("return document.getElementById('attention').contains(document.activeElement)"), "the focus stays where it was");
        WebElement link = bannerLine(place).findElement(By.tagName("a"));
        assertTrue(link.getDomAttribute("href").endsWith("/places/" + place), link.getDomAttribute("href"));
        WebElement cell = page.findElement(By.cssSelector("#lines tr[data-lot='" + lot.number() + "'] a"));
        assertEquals(place, cell.getText(), "the stock line's location links to its place");
        browser.assertAccessible("/stock with the excursion banner, in Japanese");

        page.findElement(By.id("lang-en")).click();
        assertTrue(bannerLine(place).getText().contains("temperature out of range"), bannerLine(place).getText());
        assertTrue(bannerLine(place).getText().contains("2 vial(s) on hold"), bannerLine(place).getText());
        assertTrue(page.findElement(By.id("attention")).getText().startsWith("Temperature excursion"));

        page.get(URI(base, "places"));
        browser.waitUntil("the list of places", () -> !page.findElements(By.cssSelector("#places tr[data-place='" + place + "']")).isEmpty());
        String row = page.findElement(By.cssSelector("#places tr[data-place='" + place + "']")).getText();
        assertTrue(row.contains("Freezer") && row.contains("-90 to -60 °C") && row.contains("still open"), row);
        String inUse = page.findElement(By.cssSelector("#places tr[data-place='" + shelf + "']")).getText();
        assertTrue(inUse.contains("In use, no temperature range registered"), "a location in use that no one registered: " + inUse);
        page.get(URI(base, "places/" + java.net.URLEncoder.encode(shelf, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")));
        browser.waitUntil("the place in use", () -> page.findElement(By.id("facts")).getText().contains("In use, no temperature range registered"));
        assertFalse(page.findElement(By.cssSelector("figure.chart")).isDisplayed(), "no range, no readings: no chart");
        assertTrue(page.findElement(By.id("place-name")).getText().startsWith(shelf), page.findElement(By.id("place-name")).getText());
        browser.assertAccessible("/places/{code} of a location in use");
        browser.assertAccessible("/places in English");

        // the same banner, from the same piece of qa.js, on the inventory page and the lot pages
        for (String other : List.of("inventory", "lots", "lots/" + lot.number())) {
            page.get(URI(base, other));
            browser.waitUntil("the banner on /" + other, () -> bannerLine(place).getText().contains("temperature out of range"));
            browser.assertAccessible("/" + other + " with the excursion banner");
        }

        page.findElement(By.id("signout")).click();
        assertEquals("", page.findElement(By.id("attention")).getText(), "signing out empties the banner");
    }

    private static String URI(URL base, String path) {
        return java.net.URI.create(base.toString()).resolve(path).toString();
    }

    @Test
    void thePlacePageDrawsTheReadingsOverTheBandAndQaReleasesTheEndedExcursionBySignature() {
        Lot[] lot = new Lot[1];
        String place = endedExcursion(lot);
        assertEquals("BLOCKED", verdict(lot[0]));
        open("places/" + place, "ja", qa);
        browser.waitUntil("the chart", () -> !page.findElements(By.cssSelector("#chart path.line")).isEmpty());
        assertEquals("ExoTrace · 保管場所", page.getTitle());

        WebElement chart = page.findElement(By.id("chart"));
        assertEquals("img", chart.getDomAttribute("role"));
        assertTrue(page.findElement(By.id("chart-title")).getDomProperty("textContent").contains(place));
        String d = page.findElement(By.cssSelector("#chart path.line")).getDomAttribute("d");
        assertEquals(6, d.split("[ML]").length - 1, "a point for each of the six readings: " + d);
        assertEquals(1, page.findElements(By.cssSelector("#chart rect.band")).size());
        assertEquals(1, page.findElements(By.cssSelector("#chart rect.excursion")).size());
        Map<String, Double> band = box("#chart rect.band");
        Map<String, Double> excursion = box("#chart rect.excursion");
        List<WebElement> out = page.findElements(By.cssSelector("#chart circle.point.out"));
        assertEquals(2, out.size(), "the two readings out of range are marked");
        for (WebElement point : out) {
            assertTrue(Double.parseDouble(point.getDomAttribute("cy")) < band.get("y"), "warmer than the band: drawn above it");
            double cx = Double.parseDouble(point.getDomAttribute("cx"));
            assertTrue(cx >= excursion.get("x") - 1 && cx <= excursion.get("x") + excursion.get("width") + 1, "within the shaded excursion");
        }
        List<WebElement> inRange = page.findElements(By.cssSelector("#chart circle.point:not(.out)"));
        assertEquals(4, inRange.size());
        for (WebElement point : inRange) {
            double cy = Double.parseDouble(point.getDomAttribute("cy"));
            assertTrue(cy > band.get("y") && cy < band.get("y") + band.get("height"), "in range: within the band");
        }
        assertTrue(page.findElements(By.cssSelector("#chart .tick-labels text")).stream().anyMatch(t -> t.getText().endsWith("°C")));
        String summary = staffPage.text("summary");
        assertTrue(summary.contains("記録 6件") && summary.contains("最低 -80 °C") && summary.contains("最高 -45 °C"), summary);

        List<WebElement> excursions = page.findElements(By.cssSelector("#excursions tr"));
        assertEquals(1, excursions.size(), () -> excursions.stream().map(WebElement::getText).toList().toString());
        String row = excursions.get(0).getText();
        assertTrue(row.contains("温度が許容範囲外") && row.contains("2秒") && row.contains("-50") && row.contains("-45"), row);
        assertEquals(1, page.findElements(By.cssSelector("#held tr")).size());
        browser.assertAccessible("/places/{code} in Japanese");

        page.findElement(By.id("dispose-justification")).sendKeys("2 s at -45 °C; the CPC's stability data allow 30 min above -60 °C");
        page.findElement(By.id("dispose-password")).sendKeys("not-the-password");
        page.findElement(By.id("dispose-confirm")).click();
        browser.waitUntil("the refusal", () -> page.findElement(By.id("problem")).isDisplayed());
        assertEquals("SIGNATURE_REFUSED", page.findElement(By.id("problem")).getDomAttribute("data-code"));
        assertTrue(staffPage.text("problem").startsWith("署名できません：パスワードが違います。"), staffPage.text("problem"));
        assertEquals("BLOCKED", verdict(lot[0]), "a refused signature changes nothing");
        browser.assertAccessible("/places/{code} with a refused signature");

        page.findElement(By.id("dispose-password")).sendKeys(qa.password());
        page.findElement(By.id("dispose-confirm")).click();
        browser.waitUntil("the release", () -> page.findElement(By.id("action-result")).isDisplayed());
        assertTrue(staffPage.text("action-result").contains("1本を使用可に戻しました"), staffPage.text("action-result"));
        assertFalse(page.findElement(By.id("problem")).isDisplayed());
        browser.waitUntil("the held list empty", () -> page.findElement(By.id("no-held")).isDisplayed());
        assertTrue(page.findElements(By.cssSelector("#held tr")).isEmpty());
        assertFalse(page.findElement(By.id("dispose-form")).isDisplayed());
        assertEquals("OK", verdict(lot[0]), "released: the vial scans OK");
        browser.waitUntil("the banner without the place", () -> page.findElements(By.cssSelector("#attention li[data-place='" + place + "']")).isEmpty());
        browser.assertAccessible("/places/{code} after the release");
    }

    @Test
    void onAPhoneThePlacePageFitsRefusesAReleaseWhileOpenInWordsAndAsksForCsv() {
        String place = freezer();
        Lot lot = history.releasedLot(product, 180, place, 1);
        send(place, Instant.now().minus(10, ChronoUnit.MINUTES), "-80.0", Instant.now(), "-41.5");
        open("places/" + place, "en", qa);
        browser.resize(390, 844);
        browser.waitUntil("the chart", () -> !page.findElements(By.cssSelector("#chart path.line")).isEmpty());
        browser.waitUntil("the chart at the phone's width", () -> box("#chart rect.band").get("width") < 390);
        assertFalse(browser.scrollsSideways(), "no sideways scrolling at 390 px");
        assertEquals(List.of(), browser.smallTargets(44));
        assertTrue(page.findElement(By.cssSelector("#excursions tr")).getText().contains("still open"));
        browser.assertAccessible("/places/{code} on a phone, in English");

        page.findElement(By.id("dispose-justification")).sendKeys("stability data allow it");
        page.findElement(By.id("dispose-password")).sendKeys(qa.password());
        page.findElement(By.id("dispose-confirm")).click();
        browser.waitUntil("the refusal", () -> page.findElement(By.id("problem")).isDisplayed());
        assertEquals("EXCURSION_OPEN", page.findElement(By.id("problem")).getDomAttribute("data-code"));
        assertTrue(staffPage.text("problem").startsWith("Not released: the excursion is still open"), staffPage.text("problem"));
        assertEquals("BLOCKED", verdict(lot));
        assertFalse(browser.scrollsSideways(), "no sideways scrolling with the refusal");
        browser.assertAccessible("/places/{code} on a phone with EXCURSION_OPEN");

        // the CSV is asked for with Accept: text/csv on the same path (its content: ColdChainReportsIT)
        script("window.exotraceAsked = []; const f = window.fetch; window.fetch = function (u, o) {"
                + " window.exotraceAsked.push(String(u) + ' ' + ((o && o.headers && o.headers.Accept) || '')); return f.apply(this, arguments); };");
        page.findElement(By.id("csv-readings")).click();
        browser.waitUntil("an answer", () -> page.findElement(By.id("action-result")).isDisplayed());
        @SuppressWarnings("unchecked")
        List<String> asked = (List<String>) script("return window.exotraceAsked");
        assertTrue(asked.stream().anyMatch(a -> a.contains("/api/locations/" + place + "/readings") && a.endsWith(" text/csv")), asked::toString);
        assertTrue(staffPage.text("action-result").matches("Saved " + place + "-readings-\\d{4}-\\d{2}-\\d{2}\\.csv\\."),
                staffPage.text("action-result"));
        assertEquals(staffPage.text("action-result").substring(6, staffPage.text("action-result").length() - 1),
                page.findElement(By.id("csv-link")).getDomAttribute("download"), "the file offered is the one named");
    }

    private Map<String, Double> box(String css) {
        WebElement rect = page.findElement(By.cssSelector(css));
        return Map.of("x", Double.parseDouble(rect.getDomAttribute("x")), "y", Double.parseDouble(rect.getDomAttribute("y")),
                "width", Double.parseDouble(rect.getDomAttribute("width")), "height", Double.parseDouble(rect.getDomAttribute("height")));
    }
}
