package org.exotrace.testing;

import org.exotrace.testing.Api.Staff;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

import java.net.URI;
import java.net.URL;
import java.nio.file.Path;

/**
 * One of the staff's pages (those built on assets/qa.js: a sign-in form, #content, #who) open in a headless Chromium,
 * with what a user does on it: sign in, read an element's text, pick an option. Close it with {@link #close(String)}.
 */
public final class StaffPage implements AutoCloseable {

    private final Browser browser;
    private final WebDriver page;

    private StaffPage(Browser browser) {
        this.browser = browser;
        this.page = browser.driver();
    }

    /** Opens {@code path} under {@code base} in {@code language} (ja or en), its sign-in form checked by axe-core. */
    public static StaffPage open(URL base, String path, String language) {
        StaffPage staffPage = new StaffPage(Browser.start());
        staffPage.page.get(URI.create(base.toString()).resolve(path).toString());
        staffPage.page.findElement(By.id("lang-" + language)).click();
        staffPage.browser.assertAccessible("the sign-in form of /" + path);
        return staffPage;
    }

    public Browser browser() {
        return browser;
    }

    public WebDriver driver() {
        return page;
    }

    /** Types the user's name and password, Enter, and waits for the page's content. */
    public void signIn(Staff staff) {
        page.findElement(By.id("username")).sendKeys(staff.username());
        page.findElement(By.id("password")).sendKeys(staff.password(), Keys.ENTER);
        browser.waitUntil("the page after sign-in", () -> page.findElement(By.id("content")).isDisplayed());
    }

    /** The text the element with this id shows. */
    public String text(String id) {
        return page.findElement(By.id(id)).getText();
    }

    /** Picks the option of this value in a select, as a click on it does. */
    public void choose(String select, String value) {
        page.findElement(By.cssSelector("#" + select + " option[value='" + value + "']")).click();
    }

    /** Picks the option showing this text in a select. */
    public void chooseText(String select, String text) {
        page.findElement(By.id(select)).findElements(By.tagName("option")).stream().filter(o -> o.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no option " + text + " in " + select)).click();
    }

    /** Saves a screenshot as target/{name}.png (for a person to look at when a test fails) and closes the browser. */
    public void close(String name) {
        try {
            browser.screenshot(Path.of("target", name + ".png"));
        } finally {
            browser.close();
        }
    }

    @Override
    public void close() {
        browser.close();
    }
}
