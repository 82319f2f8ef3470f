package jp.kodoku.platform.gateway.support;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, installed by bin/test), driven by
 * Selenium, with axe-core's bundled script for the accessibility checks (no network) and a screenshot of every step
 * under {@code target/screenshots/<journey>/}.
 */
public final class Browser implements AutoCloseable {

    /** What the platform promises: JIS X 8341-3:2016 level AA, that is WCAG 2.1 A and AA. */
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private final ChromeDriver driver;
    private final Path screenshots;
    private int step;

    public Browser(String journey) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1024",
                "--lang=ja-JP", "--disable-gpu");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(executable("chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        this.screenshots = Path.of("target", "screenshots", journey);
    }

    private static String executable(String name, String usual) {
        if (Files.isExecutable(Path.of(usual))) {
            return usual;
        }
        throw new IllegalStateException("no " + name + " at " + usual + ": bin/test installs Debian's chromium and "
                + "chromium-driver (apt-get install chromium chromium-driver fonts-noto-cjk)");
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String heading() {
        return find("h1").getText();
    }

    /** Waits until the page's flash message says this (the answer to a form, shown after its redirect). */
    public void awaitFlash(String expected) {
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).dontCatchUncaughtExceptions()
                                     .ignoreExceptionsInstanceOf(org.openqa.selenium.WebDriverException.class)
                                     .until(() -> find(".flash").getText().contains(expected));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no flash message saying 「" + expected + "」 at " + driver.getCurrentUrl(), e);
        }
    }

    /**
     * Waits until the page's heading is this one: after a click that submits a form and is answered by a redirect,
     * Chromium may still show the page before (or be between the two), so reading the heading at once is a race.
     */
    public void awaitHeading(String expected) {
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).dontCatchUncaughtExceptions()
                                     .ignoreExceptionsInstanceOf(org.openqa.selenium.WebDriverException.class)
                                     .until(() -> expected.equals(find("h1").getText()));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the page's heading is not 「" + expected + "」 but 「" + heading() + "」 at "
                    + driver.getCurrentUrl(), e);
        }
    }

    /** Keeps a screenshot of the page as it is now, numbered in the order of the journey. */
    public void screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), screenshots.resolve(String.format("%02d-%s.png", ++step, name)),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A screenshot, then axe-core on the page: no violation of WCAG 2.1 A or AA. */
    public void checkPage(String name) {
        screenshot(name);
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        assertThat(results.isErrored()).as("axe-core ran on " + name).isFalse();
        assertThat(results.getViolations()).as("WCAG 2.1 A/AA violations on " + name + " (" + driver.getCurrentUrl()
                + "):\n" + describe(results.getViolations())).isEmpty();
    }

    private static String describe(List<Rule> violations) {
        return violations.stream()
                         .map(rule -> rule.getId() + ": " + rule.getHelp() + " at " + rule.getNodes().stream()
                                                                                    .map(n -> String.valueOf(n.getTarget()))
                                                                                    .collect(Collectors.joining(", ")))
                         .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
