package io.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.interop.vc.Ob3Fixtures;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The learner screen in a real browser: a learner pastes a verified Open Badge and uploads a tampered one; the
 * suggestions count the first, the page says the second was refused and why, and neither goes into the address.
 */
class PresentedCredentialsPageTest {
  private static final Pattern GOAL_SKILLS = Pattern.compile("(\\d+) of (\\d+) goal skills");
  private static TestServer server;
  private static Browser browser;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    browser = Browser.start(server);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private static int goalSkillsNow() {
    Matcher now = GOAL_SKILLS.matcher(browser.find(".goal-now").getText());
    assertTrue(now.find(), browser.find(".goal-now").getText());
    return Integer.parseInt(now.group(1));
  }

  @Test
  void aPastedVerifiedBadgeCountsAndAnUploadedTamperedOneIsRefusedWithItsReason() {
    browser.open("/?screen=learner&goalType=occupation&occupation=d3edb8f8-3a06-47a0-8fb9-9b212c006aa2&k=5");
    int before = goalSkillsNow();

    WebElement paste = browser.find("#presented-text");
    browser.script("arguments[0].value = arguments[1];", paste,
        Ob3Fixtures.text("valid-ob3-di-eddsa-rdfc-2022-sf-spreadsheet-essentials.json"));
    browser.find("#presented-add").click();
    browser.find("#presented-file").sendKeys(
        Ob3Fixtures.directory().resolve("invalid-ob3-di-claim-tampered.json").toAbsolutePath().normalize().toString());
    browser.waitFor("#presented-list li:nth-child(2)");
    assertTrue(browser.find("#presented-list").getText().contains("Spreadsheet Essentials (JSON)"),
        browser.find("#presented-list").getText());

    browser.find("#suggest").click();
    WebElement results = browser.waitFor("#presented-results");
    browser.waitReady();
    String text = results.getText();
    assertTrue(text.contains("Verified: Spreadsheet Essentials (JSON)") && text.contains("counts as Spreadsheet Essentials"),
        text);
    assertTrue(text.contains("Refused: Python for Data Analysis (JSON) (bad signature)"), text);
    assertTrue(goalSkillsNow() > before, "the badge's skills count toward the goal");
    List<String> suggested = browser.findAll(".suggestion h3 a").stream().map(WebElement::getText).toList();
    assertFalse(suggested.contains("Spreadsheet Essentials"), "held through the badge, no longer suggested");

    String url = browser.driver().getCurrentUrl();
    assertTrue(url.contains("occupation=d3edb8f8-3a06-47a0-8fb9-9b212c006aa2"), url);
    assertFalse(url.contains("proof") || url.contains("presented") || url.contains("Spreadsheet"),
        "credentials stay out of the address: " + url);
    browser.screenshot("learner-presented");

    // a reload starts afresh: nothing was stored anywhere
    browser.open(url.substring(url.indexOf('/', "http://".length())));
    assertEquals(0, browser.findAll("#presented-list li").size());
    assertEquals(before, goalSkillsNow());
  }

  @Test
  void somethingThatIsNotACredentialIsExplainedBeforeAnythingIsSent() {
    browser.open("/");
    browser.find("#presented-text").sendKeys("hello");
    browser.find("#presented-add").click();
    assertTrue(browser.find("#presented-error").getText().contains("Paste a credential as JSON"),
        browser.find("#presented-error").getText());
    assertEquals(0, browser.findAll("#presented-list li").size());
  }
}
