package io.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The Plan screen in headless Chromium against a real server over the sample: the plan drawn as a timeline in terms
 * with running totals, alternatives side by side, pin and exclude re-planning through the address, the bookmark,
 * the print view with the learner and the date; and the "Plan the whole path" actions of the learner and advisor
 * screens. Its answers are checked against POST /api/plans.
 */
class PlanPageTest {
  private static final String DATA_ANALYST = "d3edb8f8-3a06-47a0-8fb9-9b212c006aa2";
  private static final String AMIRA = "/?screen=plan&name=Amira&credential=sf-spreadsheet-essentials"
      + "&credential=sf-remote-teamwork&competency=609a8ac1-9d29-4237-9886-596dbbe7ca8a&goalType=occupation"
      + "&occupation=" + DATA_ANALYST + "&maxCost=1500&mode=online&mode=blended&objective=cost&reach=0.8"
      + "&hoursPerWeek=10&alternatives=3";
  private static final Pattern SO_FAR = Pattern.compile("So far: (€[\\d,]+|free)[^;]*; (\\d+)% of the goal");
  @RegisterExtension
  static final TestServer server = TestServer.start();
  @RegisterExtension
  static final Browser browser = Browser.start(server);

  private static List<String> steps(WebElement plan) {
    return plan.findElements(By.cssSelector(".timeline > li.step")).stream().map(li -> li.getAttribute("data-credential"))
        .toList();
  }

  private static List<WebElement> plans() {
    return browser.findAll("article.plan");
  }

  private static String path(String url) {
    return url.substring(url.indexOf('/', "http://".length()));
  }

  @Test
  void thePlanIsATimelineInTermsWithRunningTotalsAndItsAlternativesSideBySide() {
    browser.resize(1400, 1000);
    browser.open(AMIRA);
    List<WebElement> plans = plans();
    assertTrue(plans.size() >= 2, "the best plan and at least one alternative: " + browser.find("#results").getText());

    JsonNode api = TestServer.okJson(server.postJson("/api/plans", """
        {"learner": {"credentials": ["sf-spreadsheet-essentials", "sf-remote-teamwork"],
                     "competencies": ["609a8ac1-9d29-4237-9886-596dbbe7ca8a"]},
         "goal": {"type": "occupation", "id": "%s"}, "constraints": {"maxCost": 1500, "modes": ["online", "blended"]},
         "objective": "cost", "reach": 0.8, "hoursPerWeek": 10, "alternatives": 3}""".formatted(DATA_ANALYST)));
    List<String> first = new ArrayList<>();
    api.at("/plans/0/steps").forEach(s -> first.add(s.at("/credential/id").asText()));
    assertEquals(first, steps(plans.getFirst()), "the page draws the API's first plan, in order");
    assertEquals(api.get("plans").size(), plans.size());

    // terms at 10 hours a week, progress and cost never going back, the goal reached at the last step
    List<WebElement> items = plans.getFirst().findElements(By.cssSelector(".timeline > li.step"));
    int lastPct = -1;
    long lastCost = -1;
    for (WebElement item : items) {
      String text = item.getText();
      assertTrue(text.matches("(?s)TERM \\d+ · WEEKS? \\d+.*"), "a term and weeks: " + text);
      Matcher m = SO_FAR.matcher(text);
      assertTrue(m.find(), text);
      long cost = m.group(1).equals("free") ? 0 : Long.parseLong(m.group(1).replaceAll("[€,]", ""));
      int pct = Integer.parseInt(m.group(2));
      assertTrue(pct >= lastPct && cost >= lastCost, "running totals never go back: " + text);
      lastPct = pct;
      lastCost = cost;
    }
    assertTrue(items.getLast().getText().contains("goal reached"), items.getLast().getText());
    for (int k = 1; k < plans.size(); k++) {
      assertTrue(plans.get(k).getText().contains("Differs: "), "an alternative says how it differs");
      assertFalse(steps(plans.get(k)).equals(steps(plans.getFirst())), "an alternative is another plan");
    }
    Object sideBySide = browser.script("const [a, b] = document.querySelectorAll('article.plan');"
        + "return Math.abs(a.getBoundingClientRect().top - b.getBoundingClientRect().top) < 2 "
        + "&& b.getBoundingClientRect().left > a.getBoundingClientRect().right - 1;");
    assertEquals(Boolean.TRUE, sideBySide, "on a wide screen the alternatives stand side by side");
    assertTrue(browser.find(".greedy summary").getText().contains("Step by step instead"));
    assertTrue(PageAudit.problems(browser).isEmpty(), PageAudit.problems(browser)::toString);
    browser.screenshot("plan");

    // on paper: the learner and the date, no form and no buttons, one plan after the other
    browser.onPaper(() -> {
      String today = LocalDate.now().format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
      String head = browser.find("#print-head").getText();
      assertTrue(head.contains("Prepared for Amira on " + today), head);
      assertFalse(browser.find("form").isDisplayed(), "no form on paper");
      assertFalse(browser.find("button.exclude").isDisplayed(), "no buttons on paper");
      assertEquals(Boolean.TRUE, browser.script("const [a, b] = document.querySelectorAll('article.plan');"
          + "return b.getBoundingClientRect().top >= a.getBoundingClientRect().bottom;"), "plans follow each other");
      browser.screenshot("plan-print");
    });
  }

  @Test
  void excludingAndPinningPlanAgainAndTheAddressKeepsIt() {
    browser.resize(1400, 1000);
    browser.open(AMIRA);
    List<String> before = steps(plans().getFirst());
    String dropped = before.getFirst();
    browser.navigating(() -> plans().getFirst().findElement(By.cssSelector("button.exclude")).click());
    String url = browser.driver().getCurrentUrl();
    assertTrue(url.contains("exclude=" + dropped), url);
    for (WebElement plan : plans()) {
      assertFalse(steps(plan).contains(dropped), "every plan does without " + dropped);
    }
    assertTrue(browser.find(".what-if").getText().contains("Without"), browser.find(".what-if").getText());

    // pin a credential of another plan: the best plan now takes it
    String pinned = plans().stream().flatMap(p -> steps(p).stream()).filter(id -> !steps(plans().getFirst())
        .contains(id)).findFirst().orElseThrow(() -> new AssertionError("the alternatives add nothing to pin"));
    browser.navigating(() -> browser.find("button.pin[data-id='" + pinned + "']").click());
    String pinnedUrl = browser.driver().getCurrentUrl();
    assertTrue(pinnedUrl.contains("include=" + pinned) && pinnedUrl.contains("exclude=" + dropped), pinnedUrl);
    List<String> withPin = steps(plans().getFirst());
    assertTrue(withPin.contains(pinned) && !withPin.contains(dropped), withPin::toString);

    // the address is the plan: opened afresh (a bookmark, a link sent), the same plan; undo takes a pin back
    browser.open(path(pinnedUrl));
    assertEquals(withPin, steps(plans().getFirst()));
    browser.navigating(() -> browser.find(".what-if button[data-undo='" + pinned + "']").click());
    assertFalse(browser.driver().getCurrentUrl().contains("include="), browser.driver().getCurrentUrl());
  }

  @Test
  void theLearnerAndAdvisorScreensOpenThePlanOfTheirLearnerAndGoal() {
    browser.resize(1280, 900);
    browser.open("/?screen=learner&credential=sf-spreadsheet-essentials&goalType=occupation&occupation=" + DATA_ANALYST
        + "&maxCost=1500&k=5");
    browser.navigating(() -> browser.find("#plan-whole-path").click());
    String url = browser.driver().getCurrentUrl();
    assertTrue(url.contains("screen=plan") && url.contains("occupation=" + DATA_ANALYST)
        && url.contains("credential=sf-spreadsheet-essentials") && url.contains("maxCost=1500"), url);
    assertFalse(plans().isEmpty(), browser.find("#results").getText());

    browser.open("/?screen=advisor&credential=nb-mc-applied-statistics&pathway=data-analytics");
    browser.navigating(() -> browser.find("#plan-whole-path").click());
    assertEquals("data-analytics", new Select(browser.find("#goal-pathway")).getFirstSelectedOption()
        .getAttribute("value"));
    WebElement best = plans().getFirst();
    assertTrue(best.getText().contains("reaches the goal"), best.getText());
    assertFalse(steps(best).contains("nb-mc-applied-statistics"), "a held credential is not planned again");
  }

  @Test
  void aSuggestionThatIsPartOfAnotherSaysSo() {
    browser.resize(1280, 900);
    browser.open("/?screen=learner&goalType=pathway&pathway=data-analytics&k=25");
    List<WebElement> items = browser.findAll("ol.suggestions > li.suggestion");
    List<String> names = items.stream().map(i -> i.findElement(By.cssSelector("h3 a")).getText()).toList();
    List<WebElement> parts = browser.findAll(".suggestion .part-of");
    assertFalse(parts.isEmpty(), "the sample's data-analytics modules stack into its certificate: " + names);
    for (WebElement part : parts) {
      Matcher m = Pattern.compile("Part of suggestion (\\d+) \\(([^)]+)\\)").matcher(part.getText());
      assertTrue(m.find(), part.getText());
      assertEquals(m.group(2), names.get(Integer.parseInt(m.group(1)) - 1), "names the right suggestion");
    }
  }
}
