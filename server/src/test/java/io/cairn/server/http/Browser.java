package io.cairn.server.http;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver, both named by path so that nothing is looked up
 * or downloaded (bin/test installs the packages when they are missing). One per test class.
 */
final class Browser implements AutoCloseable, AfterAllCallback {
  static final Path CHROMIUM = Path.of(System.getProperty("cairn.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getProperty("cairn.chromedriver", "/usr/bin/chromedriver"));
  static final Duration WAIT = Duration.ofSeconds(30);

  private final ChromeDriver driver;
  private final Path profile;
  private final String base;

  private Browser(ChromeDriver driver, Path profile, String base) {
    this.driver = driver;
    this.profile = profile;
    this.base = base;
  }

  static Browser start(TestServer server) {
    for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(binary)) {
        fail(binary + " is missing: the browser tests need Debian's chromium and chromium-driver packages "
            + "(bin/test installs them; or apt-get install chromium chromium-driver)");
      }
    }
    // Selenium reports through java.util.logging; its warnings about CDP versions are not ours to act on
    Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
    try {
      Path profile = Files.createTempDirectory("cairn-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1",
          "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=en-GB");
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(CHROMEDRIVER.toFile())
          .usingAnyFreePort()
          .withLogOutput(OutputStream.nullOutputStream())
          .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(WAIT);
      return new Browser(driver, profile, server.base().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Opens a path of the server and waits until the page says its screen is rendered. */
  void open(String pathAndQuery) {
    driver.get(base + pathAndQuery);
    waitReady();
  }

  void waitReady() {
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("body[data-ready='true']")));
  }

  /** Runs {@code action} (which navigates, e.g. submits a form) and waits for the next page to be rendered. */
  void navigating(Runnable action) {
    WebElement body = driver.findElement(By.tagName("body"));
    action.run();
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.stalenessOf(body));
    waitReady();
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  /**
   * The attribute of the element that matches {@code css} now. A screen re-renders when a later answer arrives (the
   * audit's "what is left" does), which can replace the element between finding it and reading it; then it is
   * found again, a few times at most.
   */
  String attribute(String css, String name) {
    for (int attempt = 1; ; attempt++) {
      try {
        return find(css).getAttribute(name);
      } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
        if (attempt == 5) {
          throw replaced;
        }
      }
    }
  }

  List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  WebElement waitFor(String css) {
    return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  WebElement focused() {
    return driver.switchTo().activeElement();
  }

  /** Presses Tab until the element with {@code id} has the focus (at most {@code max} times); fails otherwise. */
  void tabTo(String id, int max) {
    for (int i = 0; i < max; i++) {
      if (id.equals(focused().getAttribute("id"))) {
        return;
      }
      // a key press, not sendKeys to the element: sendKeys to a file input would be taken as a file name
      new org.openqa.selenium.interactions.Actions(driver).sendKeys(Keys.TAB).perform();
    }
    if (!id.equals(focused().getAttribute("id"))) {
      fail("Tab did not reach #" + id + " within " + max + " presses; the focus is on "
          + focused().getTagName() + "#" + focused().getAttribute("id"));
    }
  }

  /** Types into a type-ahead and waits for its suggestions; returns them. */
  List<WebElement> typeAhead(String inputId, String text) {
    WebElement input = find("#" + inputId);
    input.sendKeys(text);
    new WebDriverWait(driver, WAIT)
        .withMessage(() -> "no suggestions in #" + inputId + " for '" + input.getAttribute("value") + "'; list: '"
            + find("#" + inputId + "-list").getAttribute("textContent") + "', status: '"
            + script("return document.querySelector('#" + inputId + "').closest('.combobox')"
                + ".querySelector('[role=status]').textContent") + "', timings: " + script("return window.cairnTimings"))
        .until(d -> !d.findElements(By.cssSelector(options(inputId, text))).isEmpty());
    return findAll(options(inputId, text));
  }

  /** The suggestions the type-ahead {@code inputId} shows for exactly {@code text} (not for a shorter prefix). */
  static String options(String inputId, String text) {
    return "#" + inputId + "-list[data-query='" + text.trim() + "'] li[role='option']";
  }

  Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Runs {@code check} with the page laid out for paper (CSS print media), then back to the screen. */
  void onPaper(Runnable check) {
    driver().executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
    try {
      check.run();
    } finally {
      driver().executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
    }
  }

  void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /**
   * Saves a screenshot of the whole page under docs/screenshots (the README shows these files), sized to the
   * page's height so nothing is cut off.
   */
  Path screenshot(String name) {
    Dimension before = driver.manage().window().getSize();
    long height = ((Number) script("return Math.ceil(document.documentElement.scrollHeight)")).longValue();
    driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(4000, Math.max(600, height + 120))));
    try {
      byte[] png = driver.getScreenshotAs(OutputType.BYTES);
      Path dir = screenshotDir();
      Files.createDirectories(dir);
      Path file = dir.resolve(name + ".png");
      Files.write(file, png);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      driver.manage().window().setSize(before);
    }
  }

  static Path screenshotDir() {
    String root = System.getProperty("cairn.root");
    return root == null ? Path.of("target", "screenshots") : Path.of(root, "docs", "screenshots");
  }

  /** The page's own timings (window.cairnTimings) and the navigation timing of the current page. */
  @SuppressWarnings("unchecked")
  Map<String, Object> timings() {
    return (Map<String, Object>) script("""
        const nav = performance.getEntriesByType('navigation')[0];
        return {
          url: location.pathname + location.search,
          screen: window.cairnTimings.screen,
          readyMs: window.cairnTimings.readyMs,
          responseEndMs: Math.round(nav.responseEnd),
          domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd),
          loadMs: Math.round(nav.loadEventEnd),
          typeahead: window.cairnTimings.typeahead,
        };""");
  }

  /**
   * Closes the browser after the class's last test, so a page test class declares it with the server it drives:
   * {@code @RegisterExtension static final Browser browser = Browser.start(server);}
   */
  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a temporary profile left behind is harmless
      }
    }
  }
}
