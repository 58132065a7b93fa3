package io.backorder.testing;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for browser tests, driven through Debian's chromedriver. Installs the Debian packages
 * {@code chromium} and {@code chromium-driver} when they are missing and the tests run as root; otherwise fails with
 * what to install. Needs {@code org.seleniumhq.selenium:selenium-java} on the test class path (test-support only
 * declares it optional).
 */
public final class Chromium {

    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(20);

    private static final List<String> ARGUMENTS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic", "--disable-dev-shm-usage");
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);

    private Chromium() {
    }

    /** A new browser with a fresh profile under {@code target/}; quit it when done. */
    public static ChromeDriver driver() {
        return driver(options -> {
        });
    }

    /** Like {@link #driver()}, with more options, e.g. preferences that turn JavaScript off. */
    public static ChromeDriver driver(Consumer<ChromeOptions> customize) {
        ensureInstalled();
        Path profile = Path.of("target", "chromium-" + UUID.randomUUID()).toAbsolutePath();
        try {
            Files.createDirectories(profile);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the browser profile directory " + profile, e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(ARGUMENTS);
        options.addArguments("--user-data-dir=" + profile);
        customize.accept(options);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                // chromedriver's own log is noise in test output; failures surface as Selenium exceptions
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        return new ChromeDriver(service, options);
    }

    /**
     * The element once the page shows it. A click that submits a form returns before the redirected page has
     * loaded, so the next page must be waited for, not raced.
     */
    public static WebElement await(WebDriver browser, By locator) {
        try {
            return new WebDriverWait(browser, PAGE_TIMEOUT)
                    .until(driver -> driver.findElements(locator).stream().findFirst().orElse(null));
        } catch (TimeoutException e) {
            throw new AssertionError("No " + locator + " on " + browser.getCurrentUrl() + ": "
                    + browser.getPageSource(), e);
        }
    }

    /** Installs Chromium and its driver from Debian packages if they are missing (root only). */
    public static synchronized void ensureInstalled() {
        if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
            return;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("Browser tests need " + BROWSER + " and " + DRIVER
                    + ": install the Debian packages chromium and chromium-driver (apt-get install -y chromium "
                    + "chromium-driver), or run the tests as root to have them installed");
        }
        if (run("apt-get", "install", "-y", "-q", "chromium", "chromium-driver") != 0) {
            // a machine that never fetched the package lists finds nothing to install
            run("apt-get", "update", "-q");
            if (run("apt-get", "install", "-y", "-q", "chromium", "chromium-driver") != 0) {
                throw new IllegalStateException("apt-get could not install chromium and chromium-driver; see "
                        + "target/chromium-install.log");
            }
        }
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("chromium and chromium-driver were installed but " + BROWSER + " or "
                    + DRIVER + " is still missing");
        }
    }

    private static int run(String... command) {
        File log = Path.of("target", "chromium-install.log").toFile();
        log.getParentFile().mkdirs();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        try {
            Process process = builder.start();
            if (!process.waitFor(INSTALL_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within "
                        + INSTALL_TIMEOUT);
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
        }
    }
}
