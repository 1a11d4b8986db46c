package io.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.interop.vc.Ob3Fixtures;
import io.cairn.server.lti.DemoPlatform;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An LTI 1.3 launch in headless Chromium, inside the LMS's iframe: the {@link DemoPlatform} (the same one
 * {@code cairn lti demo-platform} runs) serves its course page from another site ({@code 127.0.0.1}, while Cairn is
 * {@code localhost}), the button posts the login initiation into the iframe, the platform's authorization endpoint
 * posts the signed id_token back into it, and Cairn's learner screen renders in the frame with its launch cookie (a
 * third-party cookie there) and the holdings the OneRoster test server says the learner passed, each labelled with
 * its source: from the SIS, declared by the learner, presented and verified. An instructor's launch lists the
 * course's learners from the platform's roster (Names and Role Provisioning) and opens a learner's audit from it.
 */
class LtiFramePageTest {
  private static final String ADMIN = "lti-frame-admin-token-0123456789";
  private static TestOneRoster sis;
  private static TestServer server;
  private static DemoPlatform platform;
  private static Browser browser;

  @BeforeAll
  static void start() {
    sis = TestOneRoster.start();
    server = TestServer.startWithSis(sis, ADMIN);
    platform = DemoPlatform.start("127.0.0.1", 0, server.base(), "learner-0001", "data-analytics");
    HttpResponse<String> registered = server.post("/api/lti/platforms",
        platform.registration().getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json",
        "Authorization", "Bearer " + ADMIN);
    assertEquals(201, registered.statusCode(), registered.body());
    browser = Browser.start(server);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (platform != null) {
      platform.close();
    }
    if (server != null) {
      server.close();
    }
    if (sis != null) {
      sis.close();
    }
  }

  /** Opens the platform's course page, presses a launch button, and waits for Cairn's page inside the frame. */
  private static void launchInFrame(String who) {
    browser.driver().switchTo().defaultContent();
    browser.driver().get(platform.coursePage().toString());
    browser.find("#launch-" + who).click();
    waitInFrame(() -> frameUrl().startsWith(server.base().toString()));
    assertEquals(true, browser.script("return window.top !== window.self"), "Cairn is framed by the LMS page");
  }

  /** Runs {@code action}, which navigates Cairn's page inside the frame, and waits for the next page there. */
  private static void navigatingInFrame(Runnable action) {
    browser.script("window.cairnPageBefore = true");
    action.run();
    waitInFrame(() -> !Boolean.TRUE.equals(browser.script("return window.cairnPageBefore === true")));
  }

  /**
   * Waits until the document in Cairn's frame is rendered ({@code body[data-ready]}) and {@code also} holds, and
   * leaves the driver in that frame. ChromeDriver does not keep its context in a cross-site frame (Cairn on
   * localhost inside the LMS on 127.0.0.1) when that frame navigates: it may fall back to the top document, the
   * LMS page, where no Cairn page ever becomes ready; so each look enters the frame again from the top.
   */
  private static void waitInFrame(java.util.function.BooleanSupplier also) {
    new WebDriverWait(browser.driver(), Browser.WAIT)
        .ignoring(org.openqa.selenium.JavascriptException.class)
        .withMessage(() -> "Cairn's page did not render in the frame: " + frameUrl() + " "
            + browser.driver().getPageSource())
        .until(d -> {
          d.switchTo().defaultContent();
          d.switchTo().frame("cairn-frame");
          return !d.findElements(By.cssSelector("body[data-ready='true']")).isEmpty() && also.getAsBoolean();
        });
  }

  /** The address of the document in the frame (WebDriver's current URL is the top page's). */
  private static String frameUrl() {
    return String.valueOf(browser.script("return location.href"));
  }

  private static Map<String, String> sources() {
    return browser.findAll("#holding-sources li").stream().collect(Collectors.toMap(
        li -> li.findElement(By.tagName("strong")).getText(), li -> li.getAttribute("data-source"), (a, b) -> a + "," + b,
        java.util.LinkedHashMap::new));
  }

  @Test
  void aLearnerLaunchedInTheLmsFrameSeesTheirSisHoldingsLabelledApartFromDeclaredAndPresentedOnes() {
    launchInFrame("learner");
    assertTrue(frameUrl().contains("screen=learner"), frameUrl());
    assertFalse(frameUrl().contains("credential="), "the address carries no SIS holding: "
        + frameUrl());
    // the launch cookie lives in the frame (JavaScript cannot read it: HttpOnly), and it is what /lti/session reads
    Cookie cookie = browser.driver().manage().getCookieNamed(LtiController.SESSION_COOKIE);
    assertTrue(cookie != null && cookie.isSecure() && cookie.isHttpOnly() && "None".equals(cookie.getSameSite()),
        "the launch cookie in the frame: " + cookie);
    assertEquals("", browser.script("return document.cookie"));

    List<WebElement> fromSis = browser.findAll("#from-sis li[data-source='sis']");
    assertEquals(List.of("nb-mc-applied-statistics", "nb-mc-data-mining"),
        fromSis.stream().map(li -> li.getAttribute("data-credential")).toList());
    fromSis.forEach(li -> assertTrue(li.getText().contains("from the SIS: passed "), li.getText()));
    assertTrue(fromSis.get(0).getText().contains("STAT-210"), fromSis.get(0).getText());
    // the suggestions toward the course's pathway count them, and say where each holding came from
    browser.waitFor("#holding-sources");
    Map<String, String> sources = sources();
    assertEquals(List.of("sis", "sis"), List.copyOf(sources.values()), sources.toString());
    browser.findAll("#holding-sources li[data-source='sis']").forEach(li -> assertTrue(
        li.findElement(By.className("source")).getText().equals("from the SIS"), li.getText()));

    // the learner declares one more and presents a verified badge: three sources, each said
    browser.script("arguments[0].value = arguments[1];", browser.find("#presented-text"),
        Ob3Fixtures.text("valid-ob3-di-eddsa-rdfc-2022-sf-spreadsheet-essentials.json"));
    browser.find("#presented-add").click();
    browser.script("const f = document.querySelector('#main form'); f.append(Object.assign("
        + "document.createElement('input'), {type: 'hidden', name: 'credential', value: 'sf-remote-teamwork'}));");
    // not a navigation: the learner's screen re-renders in place, keeping the presented badge (never in the address)
    browser.find("#suggest").click();
    new WebDriverWait(browser.driver(), Browser.WAIT).until(d -> d.findElements(By.cssSelector(
        "#holding-sources li[data-source='presented']")).size() == 1);
    Map<String, String> all = sources();
    assertEquals("declared", all.get("Remote Teamwork and Collaboration"), all.toString());
    assertTrue(all.values().containsAll(List.of("sis", "declared", "presented")), all.toString());
    assertEquals("declared by you", browser.find("#holding-sources li[data-source='declared'] .source").getText());
    assertEquals("presented, verified", browser.find("#holding-sources li[data-source='presented'] .source")
        .getText());
    assertTrue(browser.find("#holding-sources li[data-source='presented']").getText().contains("Spreadsheet"),
        browser.find("#holding-sources").getText());
    assertTrue(browser.findAll("#from-sis li[data-source='sis']").size() == 2, "the SIS holdings stay after a submit");

    // the advisor screen, from the menu inside the frame, audits the same SIS holdings and labels them too
    navigatingInFrame(() -> browser.find("nav a[data-screen='advisor']").click());
    assertTrue(frameUrl().contains("lti=1"), frameUrl());
    assertEquals(2, browser.findAll("#from-sis li[data-source='sis']").size());
    navigatingInFrame(() -> browser.script("location.href = '/?screen=advisor&lti=1&pathway=data-analytics'"));
    browser.waitFor("#holding-sources");
    assertEquals(List.of("sis", "sis"), List.copyOf(sources().values()), sources().toString());
    assertTrue(browser.find(".holdings-summary").getText().contains("Applied Statistics (from the SIS)"),
        browser.find(".holdings-summary").getText());

    // "Plan the whole path" from the learner screen plans from the same SIS holdings: shown, and never earned again
    navigatingInFrame(() -> browser.script(
        "location.href = '/?screen=learner&lti=1&goalType=pathway&pathway=data-analytics'"));
    browser.waitFor("#plan-whole-path");
    navigatingInFrame(() -> browser.find("#plan-whole-path").click());
    assertTrue(frameUrl().contains("screen=plan") && frameUrl().contains("lti=1"), frameUrl());
    assertEquals(List.of("nb-mc-applied-statistics", "nb-mc-data-mining"), browser.findAll(
        "#from-sis li[data-source='sis']").stream().map(li -> li.getAttribute("data-credential")).toList());
    browser.waitFor("article.plan");
    List<String> steps = browser.findAll("article.plan .timeline > li.step").stream()
        .map(li -> li.getAttribute("data-credential")).toList();
    assertFalse(steps.isEmpty(), browser.find("#results").getText());
    assertFalse(steps.contains("nb-mc-applied-statistics") || steps.contains("nb-mc-data-mining"),
        "a plan never earns what the SIS says is passed: " + steps);
  }

  @Test
  void anInstructorLaunchedInTheFrameLandsOnTheAdvisorScreenForTheCoursePathway() {
    launchInFrame("instructor");
    String url = frameUrl();
    assertTrue(url.contains("screen=advisor") && url.contains("pathway=data-analytics"), url);
    assertTrue(browser.find("#advisor-title").isDisplayed());
    assertTrue(browser.findAll("#from-sis").isEmpty(), "an instructor's launch brings no learner's SIS holdings");

    // the course's learners, from the LMS's roster (Names and Role Provisioning): the instructor and the inactive
    // learner are not listed; a learner opens their audit with what the SIS says they passed
    new WebDriverWait(browser.driver(), Browser.WAIT).until(d -> !d.findElements(By.cssSelector(
        "#course-learners[data-ready='true']")).isEmpty());
    assertEquals(List.of("Dana Learner", "Lee Student", "Kim Newcomer"), browser.findAll("#course-learners li a")
        .stream().map(WebElement::getText).toList(), browser.find("#course-learners").getText());
    navigatingInFrame(() -> browser.find("#course-learners li[data-member='demo-learner-1'] a").click());
    assertTrue(frameUrl().contains("member=demo-learner-1") && frameUrl().contains("pathway=data-analytics"),
        frameUrl());
    assertEquals(List.of("nb-mc-applied-statistics", "nb-mc-data-mining"), browser.findAll(
        "#from-sis li[data-source='sis']").stream().map(li -> li.getAttribute("data-credential")).toList());
    assertTrue(browser.find(".holdings-summary").getText().contains("Applied Statistics (from the SIS)"),
        browser.find(".holdings-summary").getText());
    assertEquals("Dana Learner", browser.find("#learner-name").getAttribute("value"));
    assertEquals("true", browser.find("#course-learners li[data-member='demo-learner-1'] a")
        .getAttribute("aria-current"));
  }
}
