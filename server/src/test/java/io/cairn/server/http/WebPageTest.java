package io.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page end to end in headless Chromium against a real server over the sample: each screen used as a
 * person would, with a screenshot of it saved for the README and its timings recorded (not asserted).
 */
class WebPageTest {
  private static final String DATA_ANALYST = "d3edb8f8-3a06-47a0-8fb9-9b212c006aa2";
  private static final String SECURITY_TECHNICIAN = "a44a1dc5-be08-4840-8bd5-770c4ac1ca6d";
  private static final Pattern GOAL_SKILLS = Pattern.compile("(\\d+) of (\\d+) goal skills");

  private static TestServer server;
  private static Browser browser;
  private static final WebTimings TIMINGS = new WebTimings();

  @BeforeAll
  static void start() {
    server = TestServer.start();
    browser = Browser.start(server);
    // a fresh JVM and browser are slow the first time (JIT, label index, caches); the timings are of warm pages
    server.get("/api/competencies?q=warm&suggest=true");
    browser.open("/?screen=catalog");
  }

  @AfterAll
  static void stop() {
    TIMINGS.write();
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void desktopWidth() {
    browser.resize(1280, 900);
  }

  /** Chooses the suggestion whose label is {@code label} from the type-ahead {@code inputId}. */
  private static void choose(String inputId, String typed, String label) {
    List<WebElement> options = browser.typeAhead(inputId, typed);
    WebElement option = options.stream().filter(o -> o.getText().startsWith(label)).findFirst()
        .orElseThrow(() -> new AssertionError("no option '" + label + "' for '" + typed + "' in "
            + options.stream().map(WebElement::getText).toList()));
    option.click();
  }

  private static void assertNoRawErrors() {
    String text = browser.find("main").getText();
    assertFalse(text.contains("{\"") || text.contains("Exception") || text.contains("\tat "),
        "the page shows raw JSON or a stack trace: " + text);
  }

  /**
   * Asserts the suggestions are explained and that "After this" is cumulative: each counts the goal skills it newly
   * covers that no suggestion above it covers, so the last one's figure is what taking them all would reach.
   */
  private static int assertExplainedSuggestions() {
    List<WebElement> items = browser.findAll("ol.suggestions > li.suggestion");
    assertFalse(items.isEmpty(), "no suggestions: " + browser.find("#results").getText());
    Matcher now = GOAL_SKILLS.matcher(browser.find(".goal-now").getText());
    assertTrue(now.find(), browser.find(".goal-now").getText());
    int met = Integer.parseInt(now.group(1));
    int total = Integer.parseInt(now.group(2));
    assertTrue(browser.find("#after-note").getText().contains("counts each suggestion after the ones above it"));
    java.util.Set<String> covered = new java.util.HashSet<>();
    for (WebElement item : items) {
      String text = item.getText();
      assertTrue(text.contains("Newly covers") || text.contains("Advances"), "no explanation in: " + text);
      assertTrue(text.contains("Cost and time"), text);
      Matcher after = GOAL_SKILLS.matcher(item.findElement(org.openqa.selenium.By.cssSelector(".goal-after")).getText());
      assertTrue(after.find(), text);
      if (text.contains("Newly covers")) {
        item.findElements(org.openqa.selenium.By.cssSelector(".why dd:first-of-type .tags li"))
            .forEach(li -> covered.add(li.getAttribute("data-competency")));
      }
      assertEquals(total, Integer.parseInt(after.group(2)), text);
      assertEquals(Math.min(total, met + covered.size()), Integer.parseInt(after.group(1)),
          "after = now + the goal skills this and the suggestions above it newly cover: " + text);
    }
    return items.size();
  }

  @Test
  void learnerEntersHoldingsAndAGoalAndGetsExplainedSuggestionsWhoseUrlCanBeShared() {
    browser.open("/");
    assertEquals("What should I earn next?", browser.find("h1").getText());
    choose("held-credentials", "spreadsh", "Spreadsheet Essentials");
    choose("held-competencies", "python", "Python");
    choose("goal-occupation", "data anal", "data analyst");
    browser.find("#max-cost").sendKeys("1500");
    TIMINGS.record("learner-form", browser);
    browser.navigating(() -> browser.find("#suggest").click());
    String url = browser.driver().getCurrentUrl();
    assertTrue(url.contains("credential=sf-spreadsheet-essentials") && url.contains("occupation=" + DATA_ANALYST)
        && url.contains("maxCost=1500"), "the state is in the URL: " + url);
    assertTrue(browser.find("#results h2").getText().contains("data analyst"), browser.find("#results h2").getText());
    int shown = assertExplainedSuggestions();
    List<String> names = browser.findAll(".suggestion h3 a").stream().map(WebElement::getText).toList();
    TIMINGS.record("learner-results", browser);
    browser.screenshot("learner");

    // the same URL, opened afresh (a bookmark or a shared link), shows the same suggestions and holdings
    browser.open(url.substring(url.indexOf('/', "http://".length())));
    assertEquals(names, browser.findAll(".suggestion h3 a").stream().map(WebElement::getText).toList());
    assertTrue(browser.find(".chips").getText().contains("Spreadsheet Essentials"));
    assertEquals(shown, names.size());

    // the API agrees on the first suggestion, and the page names the skills it covers as the full form labels them
    HttpResponse<String> api = server.postJson("/api/recommendations?explain=full", """
        {"learner": {"credentials": ["sf-spreadsheet-essentials"], "competencies": [%s]},
         "goal": {"type": "occupation", "id": "%s"}, "constraints": {"maxCost": 1500}, "k": 5}"""
        .formatted(competencyParam(url), DATA_ANALYST));
    JsonNode first = TestServer.okJson(api).get("items").get(0);
    assertEquals(first.get("credential").get("name").asText(), names.getFirst());
    List<WebElement> tags = browser.findAll(".suggestion").getFirst()
        .findElements(org.openqa.selenium.By.cssSelector(".why dd:first-of-type .tags li"));
    assertEquals(first.at("/explanation/covers").size(), tags.size());
    for (int i = 0; i < tags.size(); i++) {
      JsonNode covered = first.at("/explanation/covers").get(i);
      assertEquals(covered.at("/competency/id").asText(), tags.get(i).getAttribute("data-competency"));
      assertTrue(tags.get(i).getText().startsWith(covered.at("/competency/label").asText() + " "),
          tags.get(i).getText());
    }
  }

  private static String competencyParam(String url) {
    Matcher m = Pattern.compile("competency=([^&]+)").matcher(url);
    assertTrue(m.find(), url);
    return "\"" + m.group(1) + "\"";
  }

  @Test
  void keyboardAloneCompletesTheLearnerFlow() {
    browser.open("/?screen=learner");
    browser.tabTo("held-credentials", 20);
    browser.focused().sendKeys("sql");
    browser.waitFor(Browser.options("held-credentials", "sql"));
    browser.focused().sendKeys(Keys.ARROW_DOWN);
    String active = browser.focused().getAttribute("aria-activedescendant");
    assertTrue(active != null && !active.isEmpty(), "Down marks an option active");
    String chosen = browser.find("#" + active + " .option-label").getText();
    browser.focused().sendKeys(Keys.ENTER);
    assertTrue(browser.find(".chips").getText().contains(chosen), "Enter chose " + chosen);
    assertEquals("held-credentials", browser.focused().getAttribute("id"), "the focus stays in the field");

    browser.tabTo("goal-occupation", 20);
    browser.focused().sendKeys("web dev");
    browser.waitFor(Browser.options("goal-occupation", "web dev"));
    browser.focused().sendKeys(Keys.ARROW_DOWN);
    browser.focused().sendKeys(Keys.ENTER);
    assertFalse(browser.findAll(".choice-field:has(#goal-occupation) .chip").isEmpty(), "an occupation is chosen");

    browser.tabTo("suggest", 30);
    TIMINGS.record("learner-keyboard-form", browser);
    browser.navigating(() -> browser.focused().sendKeys(Keys.ENTER));
    assertTrue(browser.driver().getCurrentUrl().contains("goalType=occupation"));
    assertExplainedSuggestions();
    TIMINGS.record("learner-keyboard", browser);
    browser.screenshot("learner-keyboard");
  }

  @Test
  void aBadInputShowsAReadableErrorNotRawJson() {
    browser.open("/?screen=learner");
    browser.find("input[name='goalType'][value='competencies']").click();
    browser.navigating(() -> browser.find("#suggest").click());
    WebElement problem = browser.waitFor("#results .problem[role='alert']");
    assertTrue(problem.getText().contains("Skills to gain: choose at least one skill"), problem.getText());
    assertTrue(problem.getText().startsWith("Check what you entered"), problem.getText());
    assertNoRawErrors();
    TIMINGS.record("learner-error", browser);
    browser.screenshot("error");

    // a shared link naming an occupation the catalog does not have
    browser.open("/?screen=learner&goalType=occupation&occupation=no-such-occupation");
    assertTrue(browser.find(".chip-unknown").getText().contains("no-such-occupation"));
    assertTrue(browser.find("#results .problem").getText().contains("no-such-occupation"),
        browser.find("#results .problem").getText());
    assertNoRawErrors();

    // a catalog filter out of range, typed into the URL
    browser.open("/?screen=catalog&eqfLevel=12");
    assertTrue(browser.find(".problem").getText().contains("EQF level"), browser.find(".problem").getText());
    assertNoRawErrors();
  }

  @Test
  void advisorOpensAnAuditAndAWhatIfSideBySide() {
    browser.open("/?screen=advisor");
    choose("held-credentials", "applied stat", "Applied Statistics");
    TIMINGS.record("advisor-form", browser);
    new Select(browser.find("#audit-pathway")).selectByValue("data-analytics");
    new Select(browser.find("#what-if-pathway")).selectByValue("ict-project-management");
    browser.navigating(() -> browser.find("#audit").click());
    List<WebElement> audits = browser.findAll("article.audit");
    assertEquals(2, audits.size(), "the audit and its what-if");
    assertTrue(audits.get(0).getText().contains("Data analytics pathway"), audits.get(0).getText());
    assertTrue(audits.get(1).getText().contains("ICT project management pathway"), audits.get(1).getText());
    assertTrue(audits.get(0).getText().contains("Counts: Applied Statistics"),
        "the held credential counts toward a requirement: " + audits.get(0).getText());
    for (WebElement audit : audits) {
      assertFalse(audit.findElements(org.openqa.selenium.By.cssSelector(".node .badge")).isEmpty());
    }
    Object sideBySide = browser.script("const [a, b] = document.querySelectorAll('article.audit');"
        + "return Math.abs(a.getBoundingClientRect().top - b.getBoundingClientRect().top) < 2 "
        + "&& b.getBoundingClientRect().left > a.getBoundingClientRect().right - 1;");
    assertEquals(Boolean.TRUE, sideBySide, "on a wide screen the what-if stands beside the audit");
    TIMINGS.record("advisor", browser);
    browser.waitFor("#left-summary[data-ready='true']");
    browser.screenshot("advisor");

    // on paper: no menu, no form, no buttons; the audits one after the other
    browser.onPaper(() -> {
      assertFalse(browser.find("header.site").isDisplayed(), "no menu on paper");
      assertFalse(browser.find("form").isDisplayed(), "no form on paper");
      assertTrue(audits.get(0).isDisplayed() && audits.get(1).isDisplayed());
      assertEquals(Boolean.TRUE, browser.script("const [a, b] = document.querySelectorAll('article.audit');"
          + "return b.getBoundingClientRect().top >= a.getBoundingClientRect().bottom;"), "the what-if follows the audit");
      browser.screenshot("advisor-print");
    });
  }

  @Test
  void everyScreenLabelsItsControlsAndItsTextPassesWcagAaContrast() {
    List<String> screens = List.of(
        "/?screen=learner&credential=sf-spreadsheet-essentials&goalType=occupation&occupation=" + DATA_ANALYST,
        "/?screen=learner&goalType=competencies",
        "/?screen=advisor&credential=nb-mc-applied-statistics&pathway=data-analytics&whatIf=ict-project-management",
        "/?screen=catalog", "/?screen=catalog&type=badge&issuer=skillforge", "/?screen=credential&id=nb-cert-data-analytics",
        "/?screen=catalog&teaches=ccd0a1d9-afda-43d9-b901-96344886e14d", "/?screen=credential&id=sf-spreadsheet-essentials",
        "/?screen=designer&pathway=web-development", "/?screen=nowhere",
        "/?screen=plan&credential=nb-mc-applied-statistics&goalType=pathway&pathway=data-analytics&hoursPerWeek=8",
        "/?screen=plan&goalType=occupation&occupation=" + DATA_ANALYST + "&maxCost=10");
    for (String screen : screens) {
      browser.open(screen);
      List<String> problems = PageAudit.problems(browser);
      assertTrue(problems.isEmpty(), screen + ":\n  " + String.join("\n  ", problems));
    }
    browser.open("/?screen=learner");
    browser.typeAhead("held-credentials", "data");
    browser.focused().sendKeys(Keys.ARROW_DOWN);
    List<String> problems = PageAudit.problems(browser);
    assertTrue(problems.isEmpty(), "with suggestions open:\n  " + String.join("\n  ", problems));

    // the audit itself notices faint text, a missing value shown as text and an unlabelled control
    browser.script("const p = document.createElement('p'); p.textContent = 'faint'; p.style.color = '#aaaaaa';"
        + "const q = document.createElement('p'); q.textContent = 'nullnull';"
        + "document.querySelector('main').append(p, q, document.createElement('input'));");
    List<String> planted = PageAudit.problems(browser);
    assertEquals(3, planted.size(), planted::toString);
    assertTrue(planted.stream().anyMatch(p -> p.contains("nullnull")), planted::toString);
    assertTrue(planted.stream().anyMatch(p -> p.contains("\"faint\"")), planted::toString);
  }

  @Test
  void catalogFiltersAndACredentialPageDrawsItsStack() {
    browser.open("/?screen=catalog&type=badge");
    List<WebElement> rows = browser.findAll("table.catalog tbody tr");
    assertFalse(rows.isEmpty());
    rows.forEach(r -> assertEquals("Badge", r.findElements(org.openqa.selenium.By.tagName("td")).get(0).getText()));
    TIMINGS.record("catalog", browser);
    browser.screenshot("catalog");

    browser.open("/?screen=credential&id=nb-cert-data-analytics");
    JsonNode detail = TestServer.okJson(server.get("/api/credentials/nb-cert-data-analytics"));
    assertEquals(detail.get("name").asText(), browser.find("h1").getText());
    int boxes = browser.findAll("svg.stack-diagram g.node").size();
    assertEquals(1 + detail.get("stackedFrom").size() + detail.get("stacksInto").size(), boxes,
        "one box for the credential and one per credential stacking into it or it stacks into");
    assertTrue(detail.get("stackedFrom").size() > 0 && detail.get("stacksInto").size() > 0,
        "the sample's certificate has both parts and a degree above it");
    TIMINGS.record("credential", browser);
    browser.screenshot("credential");
  }

  @Test
  void designerSeesWhichSkillsTheCatalogTeachesAndWhichNone() {
    browser.open("/?screen=designer&occupation=" + SECURITY_TECHNICIAN);
    JsonNode report = TestServer.okJson(server.get("/api/coverage?occupation=" + SECURITY_TECHNICIAN));
    assertTrue(report.get("untaughtCount").asInt() > 0, "the sample leaves a skill of this occupation untaught");
    assertEquals(report.get("skillCount").asInt(), browser.findAll("table.coverage tbody tr").size());
    List<String> gaps = browser.findAll("table.coverage tbody tr.gap th").stream().map(WebElement::getText).toList();
    assertEquals(report.get("untaughtCount").asInt(), gaps.size());
    String untaught = browser.find("ul.gaps").getText();
    gaps.forEach(g -> assertTrue(untaught.contains(g), g + " is listed as taught by no credential"));
    assertTrue(browser.find(".summary").getText().startsWith(report.get("taughtCount").asInt() + " of "
        + report.get("skillCount").asInt()), browser.find(".summary").getText());
    TIMINGS.record("designer", browser);
    browser.screenshot("designer");
  }

  /**
   * The page and the API docs work under the Content-Security-Policy every response carries: Swagger UI renders
   * the operations of /openapi.json and the browser reports no violation on either.
   */
  @Test
  void thePageAndTheDocsRunUnderTheirContentSecurityPolicy() {
    browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
        "window.cspViolations = []; document.addEventListener('securitypolicyviolation', "
            + "e => window.cspViolations.push(e.violatedDirective + ' blocked ' + e.blockedURI));"));
    browser.driver().get(server.base() + "/docs");
    new WebDriverWait(browser.driver(), Browser.WAIT).until(
        ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".opblock"), 10));
    assertEquals(List.of(), browser.script("return window.cspViolations"), "CSP violations on /docs");
    browser.open("/?screen=learner&credential=sf-spreadsheet-essentials&goalType=occupation&occupation="
        + DATA_ANALYST);
    assertEquals(List.of(), browser.script("return window.cspViolations"), "CSP violations on the page");
    browser.open("/?screen=plan&credential=sf-spreadsheet-essentials&goalType=occupation&occupation=" + DATA_ANALYST
        + "&reach=0.8&hoursPerWeek=10&alternatives=2");
    assertFalse(browser.findAll("article.plan").isEmpty(), browser.find("main").getText());
    assertEquals(List.of(), browser.script("return window.cspViolations"), "CSP violations on the plan screen");
  }

  @Test
  void onAPhoneEveryScreenFitsTheWidth() {
    browser.resize(390, 844);
    browser.open("/?screen=learner&credential=sf-spreadsheet-essentials&goalType=occupation&occupation="
        + DATA_ANALYST + "&k=3");
    assertExplainedSuggestions();
    Object overflow = browser.script("return document.documentElement.scrollWidth - window.innerWidth;");
    assertTrue(((Number) overflow).intValue() <= 0, "no sideways scrolling on a phone; overflow " + overflow);
    TIMINGS.record("learner-phone", browser);
    browser.screenshot("learner-phone");
    // each screen measured once its widest part is drawn: the advisor's what-is-left table comes after the page is
    // ready
    for (PhoneScreen screen : List.of(
        new PhoneScreen("/?screen=advisor&credential=nb-mc-applied-statistics&pathway=data-analytics"
            + "&whatIf=ict-project-management", "#left-summary[data-ready='true'] #left-table"),
        new PhoneScreen("/?screen=catalog", "table.catalog"),
        new PhoneScreen("/?screen=credential&id=nb-cert-data-analytics", "#stack-title"),
        new PhoneScreen("/?screen=designer&occupation=" + SECURITY_TECHNICIAN, "table.coverage"))) {
      browser.open(screen.path());
      browser.waitFor(screen.whole());
      Object sideways = browser.script("return document.documentElement.scrollWidth - window.innerWidth;");
      assertTrue(((Number) sideways).intValue() <= 0, screen.path() + " scrolls sideways on a phone by " + sideways);
    }
  }

  /** A screen's address and its widest part, drawn last (a CSS selector). */
  private record PhoneScreen(String path, String whole) {}
}
