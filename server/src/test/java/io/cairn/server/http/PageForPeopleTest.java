package io.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The page as a new user and an advisor meet it (issue 15), in headless Chromium against a real server over the
 * sample: advisor exceptions entered on the page and kept in the address, the printout naming the learner, the date,
 * the pathway and the catalog version, and the API's refusals shown in words.
 */
class PageForPeopleTest {
  /** The sample's own advisor case, datasets/sample/audits/sofia-ml-skills.json, without its exception. */
  private static final String SOFIA = "/?screen=advisor&name=Sofia&credential=nb-mc-applied-statistics"
      + "&competency=7ee4c2ea-b349-4bd2-81a3-ec31475d4833&competency=1973c966-f236-40c9-b2d4-5d71a89019be"
      + "&competency=51586df8-1c46-4b47-8583-773cb63bf00b&pathway=data-analytics";
  private static final String PROGRAMMING = "da-bsc-programming";
  @RegisterExtension
  static final TestServer server = TestServer.start();
  @RegisterExtension
  static final Browser browser = Browser.start(server);

  private static String nodeClass(String requirement) {
    return browser.find("article.audit li.node[data-requirement='" + requirement + "']").getAttribute("class");
  }

  private static void addException(String requirement, String kind, String note) {
    new Select(browser.find("#exception-requirement")).selectByValue(requirement);
    new Select(browser.find("#exception-kind")).selectByValue(kind);
    browser.find("#exception-note").sendKeys(note);
    browser.navigating(() -> browser.find("#add-exception").click());
  }

  @Test
  void anAdvisorWaivesARequirementOnThePageTheAddressKeepsItAndThePrintoutNamesItsNote() {
    browser.resize(1400, 1000);
    browser.open(SOFIA);
    assertFalse(nodeClass(PROGRAMMING).contains("node-satisfied"), "not waived yet: " + nodeClass(PROGRAMMING));
    String note = "Equivalent programming course in her economics degree";
    addException(PROGRAMMING, "waive", note);

    String url = browser.driver().getCurrentUrl();
    assertTrue(url.contains("exception=waive%7C" + PROGRAMMING), "the exception is in the address: " + url);
    assertTrue(nodeClass(PROGRAMMING).contains("node-satisfied"), nodeClass(PROGRAMMING));
    String node = browser.find("li.node[data-requirement='" + PROGRAMMING + "'] .exception").getText();
    assertTrue(node.contains("waived") && node.contains(note), node);

    // the API agrees with what the page shows for the sample's own exception
    JsonNode api = TestServer.okJson(server.postJson("/api/audits", """
        {"learner": {"credentials": ["nb-mc-applied-statistics"], "competencies": ["7ee4c2ea-b349-4bd2-81a3-ec31475d4833",
          "1973c966-f236-40c9-b2d4-5d71a89019be", "51586df8-1c46-4b47-8583-773cb63bf00b"]},
         "pathway": "data-analytics", "exceptions": [{"kind": "waive", "requirement": "%s", "note": "%s"}]}"""
        .formatted(PROGRAMMING, note)));
    assertEquals(api.at("/audit/status").asText(),
        browser.find("article.audit h3 .badge").getAttribute("class").replace("badge badge-", ""));

    // a bookmark of the address shows the same, and pressing Audit again keeps the exception
    browser.open(url.substring(url.indexOf('/', "http://".length())));
    assertTrue(nodeClass(PROGRAMMING).contains("node-satisfied"));
    browser.navigating(() -> browser.find("#audit").click());
    assertTrue(browser.driver().getCurrentUrl().contains("exception="), browser.driver().getCurrentUrl());
    assertTrue(nodeClass(PROGRAMMING).contains("node-satisfied"));
    assertTrue(PageAudit.problems(browser).isEmpty(), PageAudit.problems(browser)::toString);
    browser.screenshot("advisor-exception");

    browser.onPaper(() -> {
      String today = LocalDate.now().format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
      String head = browser.find("#print-head").getText();
      assertTrue(head.contains("Prepared for Sofia on " + today) && head.contains("Data analytics pathway")
          && head.contains("catalog version " + api.get("catalogVersion").asInt()), head);
      String exceptions = browser.find("section.exceptions").getText();
      assertTrue(exceptions.contains("Waived") && exceptions.contains(note), exceptions);
      assertFalse(browser.find("form.exception-form").isDisplayed(), "no exception form on paper");
      assertFalse(browser.find("a.remove-exception").isDisplayed(), "no remove links on paper");
    });

    // removing it puts the requirement back to what the holdings give
    browser.navigating(() -> browser.find("a.remove-exception").click());
    assertFalse(browser.driver().getCurrentUrl().contains("exception="));
    assertFalse(nodeClass(PROGRAMMING).contains("node-satisfied"));
  }

  @Test
  void waivingAWholeDegreeShowsTheApisRefusalInASentenceAndCanBeUndone() {
    browser.open(SOFIA);
    addException("da-bsc-root", "waive", "just give it");
    String problem = browser.find("#results .problem[role='alert']").getText();
    assertTrue(problem.contains("whole requirement of destination") && problem.contains("nothing earned"), problem);
    assertFalse(problem.contains("{\""), problem);
    browser.navigating(() -> browser.find("a.remove-exception").click());
    assertFalse(browser.findAll("article.audit").isEmpty(), browser.find("main").getText());
  }

  @Test
  void anOccupationTypedButNotPickedIsTakenAsItsBestMatchOrRefusedInWordsBesideTheField() {
    browser.open("/?screen=learner");
    browser.find("#goal-occupation").sendKeys("nurse");
    browser.find("#suggest").click();
    String error = browser.waitFor("#goal-occupation-error").getText();
    assertTrue(error.contains("No occupation matches \"nurse\"") && error.contains("3,007"), error);
    assertFalse(browser.driver().getCurrentUrl().contains("goalType="), "nothing was sent");
    assertEquals("true", browser.find("#goal-occupation").getAttribute("aria-invalid"));

    browser.find("#goal-occupation").clear();
    browser.find("#goal-occupation").sendKeys("data analyst");
    browser.navigating(() -> browser.find("#suggest").click());
    String url = browser.driver().getCurrentUrl();
    assertTrue(url.contains("occupation=d3edb8f8-3a06-47a0-8fb9-9b212c006aa2") && url.contains("typed=data+analyst"), url);
    String note = browser.find("#typed-note").getText();
    assertTrue(note.contains("You typed \"data analyst\"") && note.contains("best match, data analyst"), note);
    assertFalse(browser.findAll(".suggestion").isEmpty(), browser.find("#results").getText());
    assertTrue(browser.findAll("#results .problem").isEmpty(), "no 'needs goal.id' error");
  }

  @Test
  void theCatalogPastItsLastPageSaysSoAndLeadsBack() {
    int total = TestServer.okJson(server.get("/api/credentials?limit=1")).get("total").asInt();
    browser.open("/?screen=catalog&offset=100000");
    String results = browser.find("#results").getText();
    assertFalse(results.contains("100000") || results.contains("100001"), results);
    assertTrue(browser.find("#catalog-empty").getText().contains("past the last of the " + total + " items"), results);
    browser.navigating(() -> browser.find("nav.pager a").click());
    int rows = browser.findAll("table.catalog tbody tr").size();
    assertTrue(rows > 0, browser.find("#results").getText());
    assertTrue(browser.find("nav.pager").getText().contains("of " + total), browser.find("nav.pager").getText());
  }

  @Test
  void theTypeAheadSaysWhyNothingMatched() {
    browser.open("/?screen=learner");
    browser.find("#held-credentials").sendKeys("excel");
    String none = new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Browser.WAIT).until(d -> {
      var items = d.findElements(org.openqa.selenium.By.cssSelector("#held-credentials-list[data-query='excel'] li.option-none"));
      return items.isEmpty() ? null : items.getFirst().getText();
    });
    assertTrue(none.contains("No credential's name holds the words 'excel'"), none);
    assertFalse(none.equals("No matches"));
  }

  private static final String DATA_ANALYST = "d3edb8f8-3a06-47a0-8fb9-9b212c006aa2";

  /** Opens {@code path}, and returns the problem's text after checking it names no request field of the API's. */
  private static String problemAt(String path) {
    browser.open(path);
    String text = browser.find(".problem[role='alert']").getText();
    for (String apiWord : List.of("constraints.", "goal.id", "must be an integer", ">= 0", "query parameter", "eqfLevel",
        "got a string", "1.0E", "-5.0")) {
      assertFalse(text.contains(apiWord), "API wording '" + apiWord + "' on the page: " + text);
    }
    return text;
  }

  private static void assertMarked(String id, String words) {
    assertEquals("true", browser.find("#" + id).getAttribute("aria-invalid"), id + " is marked");
    String beside = browser.find("#" + id + "-problem").getText();
    assertTrue(beside.contains(words), beside);
  }

  @Test
  void refusalsNameTheFieldInWordsAndMarkIt() {
    String learner = "/?screen=learner&goalType=occupation&occupation=" + DATA_ANALYST;
    String budget = problemAt(learner + "&maxCost=-5");
    assertTrue(budget.contains("Budget at most (EUR): must be a number, 0 or more; you entered -5."), budget);
    assertMarked("max-cost", "0 or more");

    String notANumber = problemAt(learner + "&maxHours=lots");
    assertTrue(notANumber.contains("Hours at most: must be a number; you entered lots."), notANumber);
    assertMarked("max-hours", "must be a number");

    String k = problemAt(learner + "&k=99");
    assertTrue(k.contains("How many suggestions: must be from 1 to "), k);

    String skills = problemAt("/?screen=learner&goalType=competencies");
    assertTrue(skills.contains("Skills to gain: choose at least one skill from the list."), skills);

    String eqf = problemAt("/?screen=catalog&eqfLevel=12");
    assertTrue(eqf.contains("EQF level: must be a whole number from 1 to 8; you entered 12."), eqf);
    assertMarked("eqf", "1 to 8");

    String reach = problemAt("/?screen=plan&goalType=occupation&occupation=" + DATA_ANALYST + "&reach=2");
    assertTrue(reach.contains("Share of the essential skills to reach: must be more than 0 and at most 1"), reach);
    assertMarked("reach", "you entered 2");
    assertTrue(PageAudit.problems(browser).isEmpty(), PageAudit.problems(browser)::toString);
  }

  @Test
  void everyNumberOfASuggestionExplainsItselfAndTypesAreNotSaidTwice() {
    browser.open("/?screen=learner&goalType=occupation&occupation=" + DATA_ANALYST + "&maxCost=100&mode=online");
    List<WebElement> scores = browser.findAll(".suggestion .score");
    assertFalse(scores.isEmpty(), browser.find("#results").getText());
    assertTrue(scores.getFirst().getText().matches("(?s)Ranking score \\d+\\.\\d\\d: 100% of the top suggestion's\\..*"),
        scores.getFirst().getText());
    scores.forEach(sc -> assertTrue(sc.getText().contains("compares suggestions within this list only"), sc.getText()));
    String candidates = browser.find("#candidates").getText();
    assertTrue(candidates.contains("left out by your limits") && candidates.contains("over your budget"), candidates);
    assertFalse(candidates.contains("maxCost") || candidates.contains("not allowed"), candidates);

    JsonNode certificate = TestServer.okJson(server.get("/api/credentials/nb-cert-data-analytics"));
    assertEquals("Certificate", certificate.get("achievementType").asText(), "the sample's certificate");
    browser.open("/?screen=credential&id=nb-cert-data-analytics");
    assertEquals("Certificate", browser.find("dl.facts-grid dd").getText(), "the type once");
  }

  @Test
  void aWhatIfOfTheAuditedPathwayItselfIsSaidOnceNotDrawnTwice() {
    browser.open("/?screen=advisor&credential=nb-mc-applied-statistics&pathway=data-analytics&whatIf=data-analytics");
    assertEquals(1, browser.findAll("article.audit").size(), browser.find("#results").getText());
    assertTrue(browser.find("#what-if-same").getText().contains("audited pathway itself"));
  }

  @Test
  void takeFirstLinksEachPrerequisiteToWhereItCanBeFound() {
    JsonNode found = null;
    String occupation = null;
    for (JsonNode o : TestServer.okJson(server.get("/api/occupations?limit=100")).get("items")) {
      JsonNode list = TestServer.okJson(server.postJson("/api/recommendations?explain=full",
          "{\"goal\": {\"type\": \"occupation\", \"id\": \"" + o.get("id").asText() + "\"}, \"k\": 10}"));
      for (JsonNode item : list.get("items")) {
        if (found == null && item.at("/explanation/oneStepAway").asBoolean()) {
          found = item;
          occupation = o.get("id").asText();
        }
      }
    }
    assertTrue(found != null, "the sample has a suggestion one step away (with something to take first)");
    browser.open("/?screen=learner&goalType=occupation&k=10&occupation=" + occupation);
    String name = found.at("/credential/name").asText();
    WebElement suggestion = browser.findAll(".suggestion").stream()
        .filter(sg -> sg.findElement(org.openqa.selenium.By.cssSelector("h3 a")).getText().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError(name + " not on the page"));
    List<String> hrefs = suggestion.findElements(org.openqa.selenium.By.cssSelector("a.take-first")).stream()
        .map(a -> a.getAttribute("href")).toList();
    int expected = found.at("/explanation/missingPrerequisites").size() + found.at("/explanation/missingCompetencies").size();
    assertEquals(expected, hrefs.size(), "one link per thing to take first: " + hrefs);
    found.at("/explanation/missingPrerequisites").forEach(r -> assertTrue(hrefs.stream().anyMatch(
        hr -> hr.contains("screen=credential") && hr.contains("id=" + r.get("id").asText())), hrefs::toString));
    found.at("/explanation/missingCompetencies").forEach(r -> assertTrue(hrefs.stream().anyMatch(
        hr -> hr.contains("teaches=" + r.get("id").asText())), hrefs::toString));
  }

  @Test
  void auditLeavesLinkTheirCredentialAndWhatCountsIsSaidOnceWhereItCounts() {
    browser.open(SOFIA);
    JsonNode api = TestServer.okJson(server.postJson("/api/audits", """
        {"learner": {"credentials": ["nb-mc-applied-statistics"]}, "pathway": "data-analytics"}"""));
    for (WebElement destination : browser.findAll("article.audit section.destination")) {
      long counted = destination.findElements(org.openqa.selenium.By.cssSelector(".counted")).stream()
          .filter(p -> p.getText().contains("Applied Statistics") && p.getText().startsWith("Counts:")).count();
      assertEquals(1, counted, "Applied Statistics counts once per destination: " + destination.getText());
    }
    JsonNode leaf = api.at("/audit/destinations/0/requirements/children/0/children/0/children/0");
    assertEquals("credential", leaf.get("kind").asText(), leaf.toString());
    WebElement link = browser.find("li.node[data-requirement='" + leaf.get("id").asText() + "'] a.node-target");
    assertTrue(link.getAttribute("href").endsWith("screen=credential&id=" + leaf.at("/target/id").asText()),
        link.getAttribute("href"));
  }

  @Test
  void theAdvisorComparesPathwaysByWhatIsLeftAndSeesTheCheapestWayToFinishEachOpenRequirement() {
    browser.resize(1400, 1000);
    browser.open(SOFIA + "&whatIf=ict-project-management");
    browser.waitFor("#left-summary[data-ready='true'] #left-table");
    JsonNode api = TestServer.okJson(server.postJson("/api/audits", """
        {"learner": {"credentials": ["nb-mc-applied-statistics"], "competencies": ["7ee4c2ea-b349-4bd2-81a3-ec31475d4833",
          "1973c966-f236-40c9-b2d4-5d71a89019be", "51586df8-1c46-4b47-8583-773cb63bf00b"]},
         "pathway": "data-analytics", "whatIf": ["ict-project-management"], "whatIsLeft": true}"""));
    List<WebElement> rows = browser.findAll("#left-table tbody tr");
    assertEquals(2, rows.size(), browser.find("#left-table").getText());
    // cheapest first, each row the planner's figures for that pathway
    double previous = -1;
    for (WebElement row : rows) {
      String id = row.getAttribute("data-pathway");
      JsonNode audit = id.equals("data-analytics") ? api.get("audit") : api.at("/whatIf/0");
      JsonNode left = audit.get("left");
      List<String> cells = row.findElements(org.openqa.selenium.By.cssSelector("td")).stream().map(WebElement::getText)
          .toList();
      assertEquals(String.valueOf(left.get("credentials").size()), cells.get(1), row.getText());
      assertEquals(String.format(Locale.ENGLISH, "€%,d", Math.round(left.get("cost").asDouble())), cells.get(2),
          row.getText());
      assertTrue(left.get("cost").asDouble() >= previous, "sorted by cost: " + browser.find("#left-table").getText());
      previous = left.get("cost").asDouble();
    }
    // the open core modules say what is left of them, each credential linked to its page
    WebElement core = browser.find("article.audit li.node[data-requirement='da-bsc-core-modules'] > p.left");
    assertTrue(core.getText().startsWith("Left here: the cheapest way is ") && core.getText().contains("€900")
        && core.getText().contains("250 h") && core.getText().contains("10 ECTS"), core.getText());
    List<String> links = core.findElements(org.openqa.selenium.By.tagName("a")).stream()
        .map(a -> a.getAttribute("href")).toList();
    assertTrue(links.stream().anyMatch(l -> l.endsWith("screen=credential&id=nb-mc-data-wrangling"))
        && links.stream().anyMatch(l -> l.endsWith("screen=credential&id=nb-mc-databases-and-sql")), links::toString);
    assertTrue(browser.findAll("article.audit li.node.node-satisfied > p.left").isEmpty(),
        "a satisfied requirement has nothing left");
    assertTrue(browser.find("article.audit p.left-pathway").getText().startsWith("What is left: "));
    assertTrue(PageAudit.problems(browser).isEmpty(), PageAudit.problems(browser)::toString);
    browser.screenshot("advisor-what-is-left");
  }

  /** The skills a requirement tree asks for, from the pathway and credential endpoints (not the engine's count). */
  private static void askedSkills(JsonNode node, java.util.Set<String> into) {
    switch (node.get("kind").asText()) {
      case "competency" -> into.add(node.at("/target/id").asText());
      case "credential" -> TestServer.okJson(server.get("/api/credentials/" + node.at("/target/id").asText()))
          .get("teaches").forEach(k -> into.add(k.get("id").asText()));
      default -> node.get("children").forEach(child -> askedSkills(child, into));
    }
  }

  @Test
  void theLearnerScreenAndTheCurriculumScreenCountAPathwaysGoalSkillsAlike() {
    java.util.Set<String> asked = new java.util.HashSet<>();
    TestServer.okJson(server.get("/api/pathways/data-analytics")).get("destinations")
        .forEach(d -> askedSkills(d.get("requirement"), asked));
    browser.open("/?screen=learner&goalType=pathway&pathway=data-analytics&credential=nb-mc-applied-statistics");
    String goal = browser.find(".goal-now").getText();
    java.util.regex.Matcher learner = java.util.regex.Pattern.compile("(\\d+) of (\\d+) goal skills").matcher(goal);
    assertTrue(learner.find(), goal);
    assertEquals(asked.size(), Integer.parseInt(learner.group(2)), goal);
    assertTrue(Integer.parseInt(learner.group(1)) > 0, "Applied Statistics' skills count as met: " + goal);
    assertTrue(browser.find("#goal-skills-definition").getText().contains("Curriculum screen"));

    browser.navigating(() -> browser.find("#goal-skills-definition a").click());
    String said = browser.find("#goal-skills-definition").getText();
    assertTrue(said.startsWith(asked.size() + " of these are the pathway's goal skills"), said);
    assertEquals(asked.size(), browser.findAll("table.coverage tbody tr").stream()
        .filter(tr -> tr.getText().contains("required by the pathway")).count());
  }
}
