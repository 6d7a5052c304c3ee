package org.exotrace.testing;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A headless Chromium at tablet size (768 × 1024), driven through Debian's {@code chromedriver}: the
 * binaries are named, so Selenium Manager never looks for (or downloads) a browser or driver. A missing
 * package fails the test with what to install; it never skips.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final Path profile;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts Chromium with a fresh profile under {@code target/}. */
    public static Browser start() {
        for (Path binary : new Path[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(binary)) {
                throw new AssertionError(binary + " is missing: the page tests need Debian's chromium and chromedriver"
                        + " (apt-get install -y chromium chromium-driver; .ci/run installs them)");
            }
        }
        try {
            Path target = Path.of(System.getProperty("exotrace.test.dir", "target/it")).getParent();
            Files.createDirectories(target);
            Path profile = Files.createTempDirectory(target, "chromium-profile-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=768,1024", "--user-data-dir=" + profile.toAbsolutePath());
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Waits up to 20 s until {@code condition} holds (a page element missing or replaced meanwhile counts as not yet). */
    public void waitUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (NoSuchElementException | StaleElementReferenceException e) {
                // not there yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 20 s for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    /**
     * Every request of the page from now on waits {@code latency} more each way (DevTools'
     * {@code Network.emulateNetworkConditions}, sent through chromedriver): a slow clinic network.
     */
    public void slowNetwork(Duration latency) {
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", latency.toMillis(),
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** The page's network is cut (DevTools' offline emulation): a tablet that lost the clinic's Wi-Fi. */
    public void offline() {
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** The page scrolls sideways at its present width (the document is wider than the window). */
    public boolean scrollsSideways() {
        Object wider = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
        return Boolean.TRUE.equals(wider);
    }

    /** The shown buttons (and file inputs) lower than {@code pixels}: touch targets too small for a finger. */
    public List<String> smallTargets(int pixels) {
        return driver.findElements(By.cssSelector("button, input, select, summary")).stream()
                .filter(e -> e.isDisplayed() && e.getSize().getHeight() < pixels)
                .map(e -> e.getTagName() + "#" + e.getDomAttribute("id") + " '" + e.getText() + "' " + e.getSize().getHeight() + " px")
                .toList();
    }

    /** The window's size in CSS pixels, as a tablet held one way or the other. */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** axe-core's rules (all of them, WCAG 2.x A and AA included) find nothing on the page as it is now. */
    public void assertAccessible(String state) {
        Results results = new AxeBuilder().analyze(driver);
        List<String> violations = results.getViolations().stream()
                .map(rule -> rule.getId() + " (" + rule.getHelp() + "): " + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .toList();
        if (!violations.isEmpty()) {
            throw new AssertionError("axe-core finds on " + state + ":\n" + String.join("\n", violations));
        }
    }

    /** Saves what the page shows now as a PNG (for a person to look at when a test fails). */
    public void screenshot(Path png) {
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            Files.write(png, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a profile left under target/ is harmless; mvn clean removes it
            }
        }
    }
}
