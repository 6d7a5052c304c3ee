package org.exotrace.inventory;

import org.exotrace.testing.Api;
import org.exotrace.testing.Api.Role;
import org.exotrace.testing.Api.Staff;
import org.exotrace.testing.Browser;
import org.exotrace.testing.Fixtures;
import org.exotrace.testing.Fixtures.Lot;
import org.exotrace.testing.Fixtures.Product;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stock page, /stock, in a real headless Chromium: vials that may not be used (lots RECALLED, REJECTED, QUARANTINED)
 * first, in colour and words, in Japanese and English; sign-out and a refusal empty the table, the error at the top; a
 * phone's width without sideways scrolling. axe-core finds nothing on any page state visited.
 */
@ExtendWith(ArquillianExtension.class)
class StockPageIT {

    @ArquillianResource
    URL base;

    Api api;
    Staff qa;
    Staff clerk;
    Fixtures history;
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
        if (browser != null) {
            browser.screenshot(Path.of("target", "StockPageIT-" + test.getTestMethod().orElseThrow().getName() + ".png"));
            browser.close();
        }
    }

    @Test
    void unusableStockComesFirstMarkedDoNotUseInEitherLanguage() {
        Product product = history.product("\"IV_DRIP\"");
        String shelf = "SHELF-" + Api.unique();
        // expiring soon, so that they are among the first lines of the shared test database's stock
        Lot usable = history.releasedLot(product, 2, shelf, 1);
        Lot recalled = history.releasedLot(product, 3, shelf, 1);
        assertEquals(200, api.post("api/lots/" + recalled.number() + "/recall", qa.token(), "{\"reason\":\"CPC notice\"}").status());
        Lot rejected = history.receivedLot(product, 4, shelf, 1);
        assertEquals(200, api.post("api/lots/" + rejected.number() + "/reject", qa.token(), "{\"reason\":\"damaged in transport\"}").status());
        Lot quarantined = history.receivedLot(product, 5, shelf, 1);

        signIn(clerk, "ja");
        assertEquals("ExoTrace · 在庫", page.getTitle());
        browser.waitUntil("our lines", () -> !page.findElements(By.cssSelector("#lines tr[data-location='" + shelf + "']")).isEmpty());
        assertTrue(text("who").contains(clerk.username()), text("who"));
        for (Lot lot : List.of(recalled, rejected, quarantined)) {
            WebElement row = row(lot, shelf);
            assertTrue(row.getDomAttribute("class").contains("unusable"), lot.number());
            assertTrue(row.getText().startsWith("使用禁止・取り分け"), row.getText());
        }
        assertTrue(row(recalled, shelf).getText().contains("回収（使用不可）"), row(recalled, shelf).getText());
        assertTrue(row(rejected, shelf).getText().contains("不合格（使用不可）"), row(rejected, shelf).getText());
        assertTrue(row(quarantined, shelf).getText().contains("出荷判定前（使用不可）"), row(quarantined, shelf).getText());
        assertFalse(row(usable, shelf).getText().contains("使用禁止"), row(usable, shelf).getText());
        assertTrue(row(usable, shelf).getText().contains("期限間近"), "expires within 30 days: " + row(usable, shelf).getText());
        assertUnusableFirst();
        browser.assertAccessible("/stock in Japanese");

        page.findElement(By.id("lang-en")).click();
        assertEquals("ExoTrace · Stock on hand", page.getTitle());
        assertTrue(row(recalled, shelf).getText().startsWith("Do not use – set aside"), row(recalled, shelf).getText());
        assertTrue(row(recalled, shelf).getText().contains("Recalled (not usable)"), row(recalled, shelf).getText());
        assertTrue(row(usable, shelf).getText().contains("Released for use"), row(usable, shelf).getText());
        assertUnusableFirst();
        browser.assertAccessible("/stock in English");

        WebElement days = page.findElement(By.id("days"));
        days.clear();
        days.sendKeys("1", Keys.ENTER, Keys.TAB);
        browser.waitUntil("the window of days applied", () -> !row(usable, shelf).getText().contains("Expires soon"));
    }

    @Test
    void signingOutAndARefusalLeaveNothingOfTheTableAndSayWhyAtTheTop() {
        history.releasedLot(history.product("\"IV_DRIP\""), 2, "SHELF-" + Api.unique(), 1);
        signIn(clerk, "en");
        browser.waitUntil("the stock", () -> !page.findElements(By.cssSelector("#lines tr")).isEmpty());

        page.findElement(By.id("signout")).click();
        assertTrue(page.findElements(By.cssSelector("#lines tr")).isEmpty(), "signing out empties the table");
        assertFalse(page.findElement(By.id("content")).isDisplayed());
        assertEquals("", text("who"));
        browser.assertAccessible("/stock signed out");

        Staff nurse = api.newUser(Role.NURSE);
        typeSignIn(nurse);
        browser.waitUntil("the refusal", () -> page.findElement(By.id("problem")).isDisplayed());
        assertEquals("FORBIDDEN", page.findElement(By.id("problem")).getDomAttribute("data-code"));
        assertTrue(text("problem").startsWith("Not allowed"), text("problem"));
        assertTrue(page.findElements(By.cssSelector("#lines tr")).isEmpty(), "nothing of the previous user's table");
        assertTrue(page.findElement(By.id("problem")).getLocation().getY() < 300, "the error is at the top");
        assertTrue(text("who").contains(nurse.username()), text("who"));
        browser.assertAccessible("/stock refused to a nurse");

        // a session that ends on the server (the user signed out elsewhere): the next refresh empties the table
        page.findElement(By.id("signout")).click();
        typeSignIn(clerk);
        browser.waitUntil("the stock again", () -> !page.findElements(By.cssSelector("#lines tr")).isEmpty());
        assertEquals(204, api.post("api/auth/sign-out", api.signIn(clerk.username(), clerk.password()), "{}").status());
        page.findElement(By.id("refresh")).click();
        browser.waitUntil("the sign-in form", () -> page.findElement(By.id("signin")).isDisplayed());
        assertTrue(page.findElements(By.cssSelector("#lines tr")).isEmpty(), "a 401 empties the table");
        assertTrue(text("signin-error").contains("session has ended"), text("signin-error"));
    }

    @Test
    void onAPhoneTheStockFitsTheScreenWithTouchTargets() {
        history.releasedLot(history.product("\"IV_DRIP\""), 2, "SHELF-" + Api.unique(), 1);
        signIn(clerk, "ja");
        browser.resize(390, 844);
        browser.waitUntil("the stock", () -> !page.findElements(By.cssSelector("#lines tr")).isEmpty());
        assertFalse(browser.scrollsSideways(), "no sideways scrolling at 390 px");
        assertEquals(List.of(), browser.smallTargets(44));
        browser.assertAccessible("/stock on a phone, in Japanese");
        page.findElement(By.id("lang-en")).click();
        assertFalse(browser.scrollsSideways(), "no sideways scrolling at 390 px in English");
        browser.assertAccessible("/stock on a phone, in English");
    }

    @Test
    void theHomePageSpeaksEitherLanguage() {
        browser = Browser.start();
        page = browser.driver();
        page.get(base.toString());
        page.findElement(By.id("lang-en")).click();
        assertEquals("en", page.findElement(By.tagName("html")).getDomAttribute("lang"));
        assertTrue(page.findElement(By.linkText("Stock on hand (inventory, QA)")).isDisplayed());
        browser.assertAccessible("the home page in English");
        page.findElement(By.id("lang-ja")).click();
        assertEquals("ja", page.findElement(By.tagName("html")).getDomAttribute("lang"));
        assertTrue(page.findElement(By.linkText("在庫（在庫管理、QA）")).isDisplayed());
        browser.assertAccessible("the home page in Japanese");
        page.findElement(By.linkText("在庫（在庫管理、QA）")).click();
        browser.waitUntil("the stock page, in the language chosen on the home page", () -> page.getTitle().equals("ExoTrace · 在庫"));
        assertTrue(page.findElement(By.cssSelector("#signin button[type='submit']")).getText().equals("サインイン"));
    }

    /** Every line of a lot that may not be used comes before every other line. */
    private void assertUnusableFirst() {
        List<Boolean> unusable = page.findElements(By.cssSelector("#lines tr")).stream()
                .map(tr -> tr.getDomAttribute("class").contains("unusable")).toList();
        int firstUsable = unusable.indexOf(false);
        assertTrue(firstUsable < 0 || !unusable.subList(firstUsable, unusable.size()).contains(true), unusable::toString);
    }

    private WebElement row(Lot lot, String shelf) {
        return page.findElement(By.cssSelector("#lines tr[data-lot='" + lot.number() + "'][data-location='" + shelf + "']"));
    }

    private void signIn(Staff staff, String language) {
        browser = Browser.start();
        page = browser.driver();
        page.get(URI.create(base.toString()).resolve("stock").toString());
        page.findElement(By.id("lang-" + language)).click();
        browser.assertAccessible("the sign-in form of /stock");
        typeSignIn(staff);
    }

    private void typeSignIn(Staff staff) {
        page.findElement(By.id("username")).sendKeys(staff.username());
        page.findElement(By.id("password")).sendKeys(staff.password(), Keys.ENTER);
        browser.waitUntil("the page after sign-in", () -> page.findElement(By.id("content")).isDisplayed());
    }

    private String text(String id) {
        return page.findElement(By.id(id)).getText();
    }
}
