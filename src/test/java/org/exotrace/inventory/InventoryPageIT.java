package org.exotrace.inventory;

import jakarta.json.JsonObject;
import org.exotrace.gs1.Gtin;
import org.exotrace.gs1.Gs1VialCode;
import org.exotrace.label.LabelRendering;
import org.exotrace.label.control.LabelPdf;
import org.exotrace.label.entity.LabelStock;
import org.exotrace.label.entity.VialLabel;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inventory page, /inventory, in a real headless Chromium against the running service: a lot received by scanning
 * the CPC's labels (printed here and read back from the image, as a scanner would), a label scanned twice refused at once;
 * a count's result shown before it is applied; a move; a waste refused in Japanese; labels printed for a lot received
 * by count, on a phone. axe-core finds nothing on any state visited.
 */
@ExtendWith(ArquillianExtension.class)
class InventoryPageIT {

    @ArquillianResource
    URL base;

    Api api;
    Staff qa;
    Staff clerk;
    Fixtures history;
    StaffPage staffPage;
    Browser browser;
    WebDriver page;

    @BeforeEach
    void staff() {
        api = new Api(base);
        qa = api.newUser(Role.QA);
        clerk = api.newUser(Role.INVENTORY);
        history = new Fixtures(api, qa, clerk.token());
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        if (staffPage != null) {
            staffPage.close("InventoryPageIT-" + test.getTestMethod().orElseThrow().getName());
        }
    }

    @Test
    void aLotIsReceivedByScanningTwentyPrintedLabelsAndALabelScannedTwiceIsRefusedAtOnce() {
        Product product = history.product("\"IV_DRIP\"");
        String number = "RX" + Api.unique();
        LocalDate expires = Fixtures.today().plusDays(200);
        String shelf = "FREEZER-" + Api.unique();
        // the CPC's labels: printed, then read from the image as a scanner reads them
        List<VialLabel> printed = IntStream.range(0, 20).mapToObj(i -> new VialLabel(UUID.randomUUID(), product.code(), "max NFC 2cc",
                new Gs1VialCode(Gtin.of(product.gtin()), expires, number, String.format("%04d", i + 1)))).toList();
        LabelStock stock = LabelStock.of(null, null, null);
        List<String> scans = LabelRendering.scanned(LabelPdf.render(printed, stock), stock);
        assertEquals(20, scans.size());

        Reply place = api.post("api/locations", clerk.token(), """
                {"code":"%s","name":"超低温フリーザー2","kind":"FREEZER","minC":-90,"maxC":-60}""".formatted(shelf));
        assertEquals(201, place.status(), place::toString);

        signIn(clerk, "ja");
        assertEquals("ExoTrace · 在庫作業", page.getTitle());
        assertTrue(text("who").contains(clerk.username()), text("who"));
        browser.waitUntil("the catalogue", () -> page.findElements(By.cssSelector("#receive-product option[value='" + product.code() + "']")).size() == 1);
        staffPage.choose("receive-product", product.code());
        staffPage.choose("receive-cpc", history.cpc());
        setDate("receive-made", Fixtures.today().minusDays(20));
        page.findElement(By.id("receive-location")).sendKeys(shelf);
        assertEquals("超低温フリーザー2 · -90 ～ -60 °C", page.findElement(By.cssSelector("#places option[value='" + shelf + "']"))
                .getDomProperty("textContent"), "the places are offered with the range they keep");
        assertEquals("places", page.findElement(By.id("receive-location")).getDomAttribute("list"));
        browser.assertAccessible("/inventory receiving, in Japanese");

        for (int i = 0; i < scans.size(); i++) {
            scan("receive-scan", scans.get(i));
            int n = i + 1;
            browser.waitUntil("scan " + n + " counted", () -> text("receive-tally").equals("スキャン済み " + n + " 本"));
        }
        assertEquals(number, page.findElement(By.id("receive-lot")).getDomProperty("value"), "the lot number from the first label");
        assertEquals(expires.toString(), page.findElement(By.id("receive-expires")).getDomProperty("value"), "the expiry from the label");
        scan("receive-scan", scans.get(6));
        browser.waitUntil("the second scan refused", () -> !text("receive-note").isEmpty());
        assertEquals("受け付けません：シリアル 0007 はすでにスキャン済みです。このバイアルを別にしてラベルを確認してください。", text("receive-note"));
        assertEquals("スキャン済み 20 本", text("receive-tally"), "the duplicate is not counted");
        browser.assertAccessible("/inventory with a label scanned twice, in Japanese");

        page.findElement(By.id("receive-submit")).click();
        browser.waitUntil("the lot received", () -> page.findElement(By.id("action-result")).isDisplayed());
        assertEquals("ロット " + number + " を受け入れました：" + shelf + " に 20 本（QAの出荷判定待ち）。", text("action-result"));
        JsonObject lot = api.get("api/lots/" + number + "?size=50", clerk.token()).json();
        assertEquals("QUARANTINED", lot.getString("status"));
        assertEquals(printed.stream().map(l -> l.code().serial()).toList(),
                lot.getJsonArray("vials").getValuesAs(JsonObject.class).stream().map(v -> v.getString("serial")).sorted().toList());

        page.findElement(By.id("lang-en")).click();
        assertEquals("Lot " + number + " received: 20 vials at " + shelf + ", awaiting QA release.", text("action-result"));
        browser.assertAccessible("/inventory after a receipt, in English");
    }

    @Test
    void aCountShowsTheMissingAndTheMisplacedVialBeforeItIsApplied() {
        Product product = history.product("\"IV_DRIP\"");
        String shelf = "SHELF-" + Api.unique();
        Lot onShelf = history.receivedLot(product, 90, shelf, 3);
        Lot elsewhere = history.receivedLot(product, 90, "FRIDGE-" + Api.unique(), 1);

        signIn(clerk, "en");
        page.findElement(By.id("count-at")).sendKeys(shelf);
        scan("count-scan", onShelf.barcode(0));
        browser.waitUntil("one counted", () -> text("count-tally").startsWith("1 vials scanned"));
        scan("count-scan", onShelf.barcode(1));
        scan("count-scan", elsewhere.barcode(0));
        browser.waitUntil("three counted", () -> text("count-tally").equals("3 vials scanned at " + shelf));
        scan("count-scan", onShelf.barcode(1));
        browser.waitUntil("counted once", () -> text("count-note").equals("Serial " + onShelf.serials().get(1) + " was already counted: counted once."));
        assertEquals("3 vials scanned at " + shelf, text("count-tally"));
        page.findElement(By.id("count-check")).click();

        browser.waitUntil("the count's result", () -> page.findElement(By.id("count-result")).isDisplayed());
        assertEquals("Count at " + shelf + ": 2 of 3 found where recorded", text("count-headline"));
        String missing = page.findElement(By.cssSelector("[data-list='missing']")).getText();
        assertTrue(missing.startsWith("Missing: recorded here, not found (1)") && missing.contains(onShelf.serials().get(2)), missing);
        String moved = page.findElement(By.cssSelector("[data-list='moved']")).getText();
        assertTrue(moved.startsWith("Found here, recorded elsewhere (1)") && moved.contains(elsewhere.serials().get(0)), moved);
        assertEquals("IN_STOCK", vial(onShelf.vialIds().get(2)).getString("state"), "nothing is recorded before the count is applied");
        browser.assertAccessible("/inventory with a count's result, in English");
        page.findElement(By.id("lang-ja")).click();
        assertTrue(page.findElement(By.cssSelector("[data-list='missing']")).getText().startsWith("不足：記録はあるが見つからない（1 本）"));
        browser.assertAccessible("/inventory with a count's result, in Japanese");

        page.findElement(By.id("count-apply")).click();
        browser.waitUntil("the count applied", () -> page.findElement(By.id("action-result")).isDisplayed());
        assertEquals(shelf + " の棚卸を反映しました：不足 1 本を在庫から除外、1 本をここへ移動。", text("action-result"));
        assertEquals("WASTED", vial(onShelf.vialIds().get(2)).getString("state"));
        assertEquals(shelf, vial(elsewhere.vialIds().get(0)).getString("location"));
        assertFalse(page.findElement(By.id("count-result")).isDisplayed());
    }

    @Test
    void aVialIsMovedAndWastedByScanningAndASecondWasteIsRefusedInJapanese() {
        Lot lot = history.receivedLot(history.product("\"IV_DRIP\""), 90, "SHELF-" + Api.unique(), 2);
        String fridge = "FRIDGE-" + Api.unique();

        signIn(clerk, "ja");
        page.findElement(By.id("move-to")).sendKeys(fridge);
        scan("move-scan", lot.barcode(0));
        browser.waitUntil("the move", () -> text("move-tally").equals("移動済み 1 本"));
        assertTrue(text("move-done").contains(lot.serials().get(0) + "（ロット " + lot.number() + "）"), text("move-done"));
        assertEquals(fridge, vial(lot.vialIds().get(0)).getString("location"));

        scan("waste-scan", lot.barcode(1));
        browser.waitUntil("the vial to waste", () -> page.findElement(By.id("waste-vial")).isDisplayed());
        staffPage.chooseText("waste-reason", "破損");
        page.findElement(By.id("waste-submit")).click();
        browser.waitUntil("the waste recorded", () -> page.findElement(By.id("action-result")).isDisplayed());
        assertEquals("バイアル " + lot.serials().get(1) + "（ロット " + lot.number() + "）を廃棄として記録しました：破損。", text("action-result"));
        assertEquals("WASTED", vial(lot.vialIds().get(1)).getString("state"));

        scan("waste-scan", lot.barcode(1));
        browser.waitUntil("the wasted vial again", () -> page.findElement(By.id("waste-vial")).getText().contains("廃棄"));
        staffPage.chooseText("waste-reason", "破損");
        page.findElement(By.id("waste-submit")).click();
        browser.waitUntil("the refusal", () -> page.findElement(By.id("problem")).isDisplayed());
        assertEquals("VIAL_NOT_IN_STOCK", page.findElement(By.id("problem")).getDomAttribute("data-code"));
        assertTrue(text("problem").startsWith("受け付けません：このバイアルはすでに在庫にありません（投与・払出・廃棄済み）。"), text("problem"));
        assertFalse(page.findElement(By.id("action-result")).isDisplayed(), "no success is left beside a refusal");
        assertTrue(page.findElement(By.id("problem")).getLocation().getY() < 300, "the error is at the top");
        browser.assertAccessible("/inventory with a refused waste, in Japanese");

        scan("waste-scan", "not a label");
        browser.waitUntil("the unreadable label", () -> text("waste-note").startsWith("このラベルは読み取れないか"));
    }

    @Test
    void onAPhoneALotReceivedByCountGetsItsLabelsQaOnlyLooksAndANurseSeesNothing() {
        Product product = history.product("\"IV_DRIP\"");
        String number = "RC" + Api.unique();
        signIn(clerk, "en");
        browser.resize(390, 844);
        browser.waitUntil("the catalogue", () -> page.findElements(By.cssSelector("#receive-product option[value='" + product.code() + "']")).size() == 1);
        staffPage.choose("receive-product", product.code());
        staffPage.choose("receive-cpc", history.cpc());
        page.findElement(By.id("receive-lot")).sendKeys(number);
        setDate("receive-made", Fixtures.today().minusDays(10));
        setDate("receive-expires", Fixtures.today().plusDays(300));
        page.findElement(By.id("receive-location")).sendKeys("FREEZER-1");
        page.findElement(By.id("mode-count")).click();
        page.findElement(By.id("receive-count")).sendKeys("3");
        assertFalse(browser.scrollsSideways(), "no sideways scrolling at 390 px");
        assertEquals(List.of(), browser.smallTargets(44));
        browser.assertAccessible("/inventory on a phone, in English");
        page.findElement(By.id("receive-submit")).click();

        browser.waitUntil("the labels offered", () -> page.findElement(By.id("labels")).isDisplayed());
        assertEquals("Lot " + number + ": every vial in stock.", text("labels-lot"));
        page.findElement(By.id("labels-pdf")).click();
        browser.waitUntil("the labels made", () -> page.findElement(By.id("labels-link")).isDisplayed());
        assertEquals("labels-" + number + ".pdf", page.findElement(By.id("labels-link")).getDomProperty("download"));
        assertEquals("Labels ready: labels-" + number + ".pdf", text("action-result"));
        Reply audit = api.get("api/audit?action=LABELS_PRINTED&subjectId=" + number, api.adminToken());
        assertEquals(1, audit.json().getInt("total"), audit::toString);
        page.findElement(By.id("lang-ja")).click();
        assertFalse(browser.scrollsSideways(), "no sideways scrolling at 390 px in Japanese");
        assertEquals(List.of(), browser.smallTargets(44));
        browser.assertAccessible("/inventory on a phone with labels, in Japanese");

        page.findElement(By.id("signout")).click();
        assertFalse(page.findElement(By.id("labels")).isDisplayed(), "signing out leaves nothing of the receipt");
        staffPage.signIn(qa);
        browser.waitUntil("QA's view", () -> page.findElement(By.id("read-only")).isDisplayed());
        assertTrue(text("read-only").startsWith("受入・移動・廃棄・棚卸には在庫管理（INVENTORY）の役割が必要です"), text("read-only"));
        assertFalse(page.findElement(By.id("receive-submit")).isEnabled(), "QA may look, not receive");
        browser.assertAccessible("/inventory as QA, on a phone");
        page.findElement(By.id("signout")).click();
        Staff nurse = api.newUser(Role.NURSE);
        staffPage.signIn(nurse);
        browser.waitUntil("the refusal", () -> page.findElement(By.id("problem")).isDisplayed());
        assertTrue(text("problem").startsWith("権限がありません"), text("problem"));
        assertTrue(page.findElements(By.cssSelector("#receive-product option[value='" + product.code() + "']")).isEmpty(),
                "nothing of the catalogue for a nurse");
        browser.assertAccessible("/inventory refused to a nurse, on a phone");
    }

    private JsonObject vial(String vialId) {
        return api.get("api/vials/" + vialId, clerk.token()).json();
    }

    /** A keyboard-wedge scanner: the code, then Enter, into the field that has the focus. */
    private void scan(String field, String code) {
        page.findElement(By.id(field)).click();
        page.findElement(By.id(field)).sendKeys(code, Keys.ENTER);
    }

    /** A date picked in the browser's date field (its typed form depends on the browser's locale). */
    private void setDate(String id, LocalDate date) {
        ((JavascriptExecutor) page).executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));",
                page.findElement(By.id(id)), date.toString());
    }

    private void signIn(Staff staff, String language) {
        staffPage = StaffPage.open(base, "inventory", language);
        browser = staffPage.browser();
        page = staffPage.driver();
        staffPage.signIn(staff);
    }

    private String text(String id) {
        return staffPage.text(id);
    }
}
