package org.exotrace.security;

import jakarta.json.JsonObject;
import org.exotrace.gs1.Gtin;
import org.exotrace.testing.Api;
import org.exotrace.testing.Api.Role;
import org.exotrace.testing.Api.Staff;
import org.exotrace.testing.Browser;
import org.exotrace.testing.StaffPage;
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
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The administration page, /admin, in a real headless Chromium against the running service: an ADMIN creates an account
 * whose user then signs in (choosing their own password) and is disabled; a refusal (a name taken, ADMIN with QA) in
 * words at the top; a CPC and a product with its QC specification registered; the audit trail verified; QA sees the
 * catalogue only, a nurse nothing. Japanese and English, a phone's width, axe-core on every state visited. The ADMIN is
 * one of the test's own: signing out ends every token of the user, and other classes use the first admin's.
 */
@ExtendWith(ArquillianExtension.class)
class AdminPageIT {

    @ArquillianResource
    URL base;

    Api api;
    Staff admin;
    StaffPage staffPage;
    Browser browser;
    WebDriver page;

    @BeforeEach
    void anAdmin() {
        api = new Api(base);
        admin = api.newUser(Role.ADMIN);
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        if (staffPage != null) {
            staffPage.close("AdminPageIT-" + test.getTestMethod().orElseThrow().getName());
        }
    }

    @Test
    void anAccountCreatedHereSignsInWithItsOwnPasswordAndIsThenDisabled() {
        String name = "n" + Api.unique().toLowerCase();
        String temporary = "temporary-" + Api.unique();
        open("ja", admin);
        assertEquals("ExoTrace · 管理", page.getTitle());
        assertTrue(text("who").contains(admin.username()), text("who"));
        browser.waitUntil("the accounts", () -> !page.findElements(By.cssSelector("#users tr[data-user='" + admin.username() + "']")).isEmpty());
        assertTrue(text("accounts").contains("最後の有効なADMINは無効化もADMINの解除もできません"), "the last-admin rule is said");
        browser.assertAccessible("/admin in Japanese");

        page.findElement(By.id("account-username")).sendKeys(name);
        page.findElement(By.id("account-password")).sendKeys(temporary);
        page.findElement(By.id("account-role-INVENTORY")).click();
        page.findElement(By.id("account-submit")).click();
        browser.waitUntil("the account created", () -> page.findElement(By.id("action-result")).isDisplayed());
        assertEquals("アカウント " + name + " を仮パスワードで作成しました。", text("action-result"));
        String row = user(name).getText();
        assertTrue(row.contains("在庫管理") && row.contains("有効 · 仮パスワード"), row);

        page.findElement(By.id("account-username")).sendKeys(name);
        page.findElement(By.id("account-password")).sendKeys(temporary);
        page.findElement(By.id("account-role-NURSE")).click();
        page.findElement(By.id("account-submit")).click();
        browser.waitUntil("the name refused", () -> page.findElement(By.id("problem")).isDisplayed());
        assertEquals("USERNAME_TAKEN", page.findElement(By.id("problem")).getDomAttribute("data-code"));
        assertTrue(text("problem").startsWith("受け付けません：このユーザー名はすでに使われています。"), text("problem"));
        assertFalse(page.findElement(By.id("action-result")).isDisplayed());

        manage(name);
        page.findElement(By.id("user-role-ADMIN")).click();
        page.findElement(By.id("user-role-QA")).click();
        page.findElement(By.id("user-save-roles")).click();
        browser.waitUntil("ADMIN with QA refused", () -> "ROLES_INCOMPATIBLE".equals(page.findElement(By.id("problem")).getDomAttribute("data-code")));
        assertTrue(text("problem").startsWith("受け付けません：ADMINとQAを同じアカウントに付与することはできません。"), text("problem"));
        assertTrue(page.findElement(By.id("problem")).getLocation().getY() < 300, "the error is at the top");
        browser.assertAccessible("/admin with a refusal, in Japanese");

        // the new user signs in on the inventory page with the temporary password and chooses their own
        page.findElement(By.id("signout")).click();
        page.get(URI.create(base.toString()).resolve("inventory").toString());
        page.findElement(By.id("username")).sendKeys(name);
        page.findElement(By.id("password")).sendKeys(temporary, Keys.ENTER);
        browser.waitUntil("asked for their own password", () -> page.findElement(By.id("new-password")).isDisplayed());
        String own = "own-password-" + Api.unique();
        page.findElement(By.id("new-password")).sendKeys(own);
        page.findElement(By.id("new-password-again")).sendKeys(own, Keys.ENTER);
        browser.waitUntil("signed in", () -> page.findElement(By.id("content")).isDisplayed());
        assertTrue(text("who").contains(name + " (INVENTORY)"), text("who"));
        page.findElement(By.id("signout")).click();

        page.get(URI.create(base.toString()).resolve("admin").toString());
        staffPage.signIn(admin);
        manage(name);
        page.findElement(By.id("user-active")).click();
        browser.waitUntil("the account disabled", () -> page.findElement(By.id("action-result")).isDisplayed());
        assertEquals("アカウント " + name + " を無効化しました。サインインできなくなりました。", text("action-result"));
        assertTrue(user(name).getText().contains("無効"), user(name).getText());
        assertEquals(401, api.post("api/auth/token", null, "{\"username\":\"" + name + "\",\"password\":\"" + own + "\"}").status(),
                "a disabled account cannot sign in");
        page.findElement(By.id("lang-en")).click();
        assertEquals("Account " + name + " disabled: it can no longer sign in.", text("action-result"));
        assertTrue(user(name).getText().contains("Disabled"), user(name).getText());
        browser.assertAccessible("/admin after disabling an account, in English");

        page.findElement(By.id("user-active")).click();
        browser.waitUntil("the account enabled", () -> text("action-result").equals("Account " + name + " enabled."));
        String reset = "reset-by-admin-" + Api.unique();
        page.findElement(By.id("user-password")).sendKeys(reset);
        page.findElement(By.id("user-reset")).click();
        browser.waitUntil("the password reset", () -> text("action-result").startsWith("Password of " + name + " reset"));
        assertEquals(401, api.post("api/auth/token", null, "{\"username\":\"" + name + "\",\"password\":\"" + own + "\"}").status(),
                "their own password no longer signs in");
        assertEquals("PASSWORD_CHANGE_REQUIRED", api.post("api/auth/token", null, "{\"username\":\"" + name + "\",\"password\":\"" + reset
                + "\"}").code(), "the ADMIN's password is temporary");
        assertTrue(user(name).getText().contains("Active · temporary password"), user(name).getText());
    }

    @Test
    void onAPhoneACpcAndAProductWithItsSpecificationAreRegisteredAndTheAuditTrailVerified() {
        String cpc = "CPC-" + Api.unique();
        String product = "P-" + Api.unique();
        String first13 = "0" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        String gtin = first13 + Gtin.checkDigit(first13);
        open("en", admin);
        browser.resize(390, 844);
        browser.waitUntil("the catalogue", () -> page.findElement(By.id("catalogue")).isDisplayed());

        page.findElement(By.id("cpc-code")).sendKeys(cpc);
        page.findElement(By.id("cpc-name")).sendKeys("Kobe Cell Processing Centre");
        page.findElement(By.id("cpc-licence")).sendKeys("FA5190009");
        page.findElement(By.id("new-cpc-submit")).click();
        browser.waitUntil("the CPC registered", () -> text("action-result").equals("CPC " + cpc + " registered."));
        assertTrue(page.findElement(By.cssSelector("#cpcs tr[data-cpc='" + cpc + "']")).getText().contains("FA5190009"));

        page.findElement(By.id("product-code")).sendKeys(product);
        page.findElement(By.id("product-name")).sendKeys("EXO Pure P");
        page.findElement(By.id("product-gtin")).sendKeys(first13 + ((Integer.parseInt(Gtin.checkDigit(first13)) + 1) % 10));
        page.findElement(By.id("product-particles")).sendKeys("100000000000");
        page.findElement(By.id("source-DENTAL_PULP")).click();
        page.findElement(By.id("route-NASAL")).click();
        page.findElement(By.id("add-assay")).click();
        page.findElement(By.id("assay-1-assay")).sendKeys("STERILITY");
        staffPage.choose("assay-1-expected", "NEGATIVE");
        page.findElement(By.id("add-assay")).click();
        page.findElement(By.id("assay-2-assay")).sendKeys("ENDOTOXIN");
        page.findElement(By.id("assay-2-max")).sendKeys("0.5");
        page.findElement(By.id("assay-2-unit")).sendKeys("EU/mL");
        assertFalse(browser.scrollsSideways(), "no sideways scrolling at 390 px");
        assertEquals(List.of(), browser.smallTargets(44));
        browser.assertAccessible("/admin with a product being entered, on a phone, in English");
        page.findElement(By.id("new-product-submit")).click();
        browser.waitUntil("the check digit refused", () -> page.findElement(By.id("problem")).isDisplayed());
        assertEquals("GTIN_INVALID", page.findElement(By.id("problem")).getDomAttribute("data-code"));
        assertTrue(text("problem").startsWith("Refused: this is not a valid GTIN-14 (check digit)."), text("problem"));

        WebElement gtinField = page.findElement(By.id("product-gtin"));
        gtinField.clear();
        gtinField.sendKeys(gtin);
        page.findElement(By.id("new-product-submit")).click();
        browser.waitUntil("the product registered", () -> text("action-result").equals("Product " + product + " registered."));
        String row = page.findElement(By.cssSelector("#products tr[data-product='" + product + "']")).getText();
        assertTrue(row.contains("ENDOTOXIN ≤ 0.5 EU/mL; STERILITY Negative") && row.contains("Dental pulp") && row.contains("Nasal"), row);
        JsonObject registered = api.get("api/products/" + product, api.adminToken()).json();
        assertEquals(gtin, registered.getString("gtin"));
        assertEquals(2, registered.getJsonArray("requiredAssays").size(), registered::toString);

        page.findElement(By.id("audit-verify")).click();
        browser.waitUntil("the audit trail verified", () -> page.findElement(By.id("audit-result")).isDisplayed());
        boolean intact = api.get("api/audit/verify", api.adminToken()).json().getBoolean("intact");
        assertEquals(String.valueOf(intact), page.findElement(By.id("audit-result")).getDomAttribute("data-intact"));
        assertTrue(text("audit-result").startsWith(intact ? "The audit trail is intact" : "The audit trail is NOT intact"), text("audit-result"));
        assertTrue(page.findElement(By.id("integrations")).isDisplayed(), "webhook deliveries are shown to an ADMIN");
        assertFalse(browser.scrollsSideways(), "no sideways scrolling at 390 px with the results");
        browser.assertAccessible("/admin with the audit verified, on a phone, in English");
        page.findElement(By.id("lang-ja")).click();
        assertTrue(text("audit-result").startsWith(intact ? "監査証跡は完全です" : "監査証跡が完全ではありません"), text("audit-result"));
        assertFalse(browser.scrollsSideways(), "no sideways scrolling at 390 px in Japanese");
        assertEquals(List.of(), browser.smallTargets(44));
        browser.assertAccessible("/admin on a phone, in Japanese");
    }

    @Test
    void qaSeesTheCatalogueButNoAccountsAndANurseIsRefused() {
        Staff qa = api.newUser(Role.QA);
        open("en", qa);
        browser.waitUntil("the catalogue", () -> page.findElement(By.id("catalogue")).isDisplayed());
        assertFalse(page.findElement(By.id("accounts")).isDisplayed(), "accounts are ADMIN's");
        assertFalse(page.findElement(By.id("integrations")).isDisplayed(), "webhook deliveries are ADMIN's");
        assertTrue(page.findElement(By.id("audit")).isDisplayed(), "QA may verify the audit trail");
        browser.assertAccessible("/admin as QA");

        page.findElement(By.id("signout")).click();
        staffPage.signIn(api.newUser(Role.NURSE));
        browser.waitUntil("the refusal", () -> page.findElement(By.id("problem")).isDisplayed());
        assertEquals("FORBIDDEN", page.findElement(By.id("problem")).getDomAttribute("data-code"));
        assertTrue(text("problem").startsWith("Not allowed"), text("problem"));
        assertFalse(page.findElement(By.id("catalogue")).isDisplayed(), "nothing of the catalogue for a nurse");
        assertTrue(page.findElements(By.cssSelector("#cpcs tr")).isEmpty(), "nothing of the previous user's data");
        browser.assertAccessible("/admin refused to a nurse");
    }

    private void open(String language, Staff staff) {
        staffPage = StaffPage.open(base, "admin", language);
        browser = staffPage.browser();
        page = staffPage.driver();
        staffPage.signIn(staff);
    }

    private WebElement user(String name) {
        return page.findElement(By.cssSelector("#users tr[data-user='" + name + "']"));
    }

    private void manage(String name) {
        browser.waitUntil("the account " + name, () -> !page.findElements(By.cssSelector("#users tr[data-user='" + name + "']")).isEmpty());
        user(name).findElement(By.tagName("button")).click();
        browser.waitUntil("its form", () -> page.findElement(By.id("user-form")).isDisplayed());
    }

    private String text(String id) {
        return staffPage.text(id);
    }
}
