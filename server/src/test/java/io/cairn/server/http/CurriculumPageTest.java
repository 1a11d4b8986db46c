package io.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a curriculum designer sees (issue 14) in headless Chromium against a real server over the sample with the
 * shared job offers: the heatmap of an occupation's skills by credential, the overlap clusters (the sample's planted
 * near-duplicates among them, cheapest and shortest marked), the inflation table with its evidence and the value-index
 * histogram, the demand gaps with their job offers, the CSV downloads, and the job offers behind each skill on the
 * Curriculum and learner screens, each as the API answers.
 */
class CurriculumPageTest {
  static final String DATA_ANALYST = "d3edb8f8-3a06-47a0-8fb9-9b212c006aa2";
  static final String SECURITY_TECHNICIAN = "a44a1dc5-be08-4840-8bd5-770c4ac1ca6d";
  /** Two of the sample's planted near-duplicates (datasets/sample/README.md, "Planted near-duplicates"). */
  static final String BOOTCAMP = "cc-data-cleaning-bootcamp";
  static final String EXPRESS = "cc-data-cleaning-express";

  @RegisterExtension
  static final TestServer server = TestServer.start();
  @RegisterExtension
  static final Browser browser = Browser.start(server);

  @BeforeEach
  void desktop() {
    browser.resize(1280, 900);
  }

  private static JsonNode get(String path) {
    return TestServer.okJson(server.get(path));
  }

  private static List<String> ids(JsonNode array, String pointer) {
    List<String> ids = new ArrayList<>();
    array.forEach(n -> ids.add(n.at(pointer).asText()));
    return ids;
  }

  private static List<String> attributes(String css, String attribute) {
    return browser.findAll(css).stream().map(e -> e.getAttribute(attribute)).toList();
  }

  @Test
  void theHeatmapShowsWhichCredentialTeachesWhichOfTheOccupationsSkills() {
    browser.open("/?screen=designer&occupation=" + DATA_ANALYST);
    JsonNode report = get("/api/coverage?occupation=" + DATA_ANALYST);
    assertEquals(ids(report.get("skills"), "/competency/id"), attributes("table.heatmap tbody tr", "data-competency"));
    List<String> columns = attributes("table.heatmap thead th.credential-head", "data-credential");
    assertFalse(columns.isEmpty());
    for (JsonNode skill : report.get("skills")) {
      Set<String> taught = new HashSet<>(ids(skill.get("taughtBy"), "/id"));
      for (WebElement cell : browser.findAll("table.heatmap tr[data-competency='" + skill.at("/competency/id").asText()
          + "'] td.cell")) {
        String credential = cell.getAttribute("data-credential");
        assertEquals(taught.contains(credential), cell.getAttribute("class").contains("taught"),
            skill.at("/competency/label").asText() + " x " + credential);
        assertEquals(taught.contains(credential) ? "taught" : "not taught",
            cell.findElement(By.cssSelector(".visually-hidden")).getAttribute("textContent"), "the cell says it in words");
      }
    }
    assertTrue(PageAudit.problems(browser).isEmpty(), PageAudit.problems(browser)::toString);
  }

  @Test
  void aDesignerFindsThePlantedNearDuplicatesInAClusterWithTheCheapestAndShortestMarked() {
    browser.open("/?screen=designer&subject=catalog");
    JsonNode overlap = get("/api/analytics/overlap");
    List<WebElement> clusters = browser.findAll("#overlap ol.clusters > li.cluster");
    assertEquals(overlap.get("clusters").size(), clusters.size());
    int planted = -1;
    for (int i = 0; i < clusters.size(); i++) {
      JsonNode cluster = overlap.get("clusters").get(i);
      List<String> members = clusters.get(i).findElements(By.cssSelector("ul.members > li")).stream()
          .map(li -> li.getAttribute("data-credential")).toList();
      assertEquals(ids(cluster.get("members"), "/id"), members);
      WebElement cheapest = clusters.get(i).findElement(By.cssSelector("li:has(.cheapest)"));
      assertEquals(cluster.get("cheapest").asText(), cheapest.getAttribute("data-credential"));
      assertEquals(1, clusters.get(i).findElements(By.cssSelector(".cheapest")).size());
      assertEquals(cluster.get("shortest").asText(),
          clusters.get(i).findElement(By.cssSelector("li:has(.shortest)")).getAttribute("data-credential"));
      if (members.contains(BOOTCAMP) && members.contains(EXPRESS)) {
        planted = i;
      }
    }
    assertTrue(planted >= 0, "the planted near-duplicates share a cluster: " + browser.find("#overlap").getText());
    browser.find("#overlap details.pairs summary").click();
    assertEquals(overlap.get("items").size(), browser.findAll("table.overlap-pairs tbody tr").size());
    assertTrue(PageAudit.problems(browser).isEmpty(), PageAudit.problems(browser)::toString);
    browser.script("window.scrollTo(0, 0)");
    browser.screenshot("designer-analytics");
  }

  @Test
  void theInflationTableGivesEachSignalWithItsEvidenceAndTheChartMarksWhereABadgeStands() {
    browser.open("/?screen=designer&subject=catalog");
    JsonNode inflation = get("/api/analytics/inflation");
    assertEquals(ids(inflation.get("items"), "/credential/id"), attributes("table.inflation tbody tr", "data-credential"));
    int signals = 0;
    for (JsonNode item : inflation.get("items")) {
      WebElement row = browser.find("table.inflation tr[data-credential='" + item.at("/credential/id").asText() + "']");
      for (JsonNode signal : item.get("signals")) {
        String said = row.findElement(By.cssSelector("li[data-signal='" + signal.get("kind").asText() + "']")).getText();
        assertTrue(said.contains(signal.get("text").asText()), said);
        signal.get("evidence").forEach(e -> assertTrue(said.contains(e.get("label").asText()), said));
        signals++;
      }
    }
    assertTrue(signals > 0, "the sample's planted badges carry inflation signals");
    assertEquals(inflation.at("/distribution/histogram").size(), browser.findAll("svg.histogram rect.bin").size());
    JsonNode last = null;
    for (JsonNode item : inflation.get("items")) {
      if (item.at("/valueIndex/perHour").isNumber()) {
        last = item;
      }
    }
    String id = last.at("/credential/id").asText();
    browser.find("table.inflation tr[data-credential='" + id + "'] button").click();
    assertEquals(id, browser.find("#histogram-caption").getAttribute("data-credential"));
    assertTrue(browser.find("#histogram-caption").getText().contains(last.at("/credential/label").asText()));
    assertEquals(1, browser.findAll("svg.histogram .marker line").size());

    // one signal only, as the API filters it
    browser.navigating(() -> browser.find("a[href*='signal=covered-by-cheaper']").click());
    JsonNode covered = get("/api/analytics/inflation?signal=covered-by-cheaper");
    assertEquals(ids(covered.get("items"), "/credential/id"), attributes("table.inflation tbody tr", "data-credential"));
  }

  @Test
  void theGapListIsRankedByDemandAndEachRowShowsItsJobOffersAndTheCsvHasEveryGap() {
    browser.open("/?screen=designer&occupation=" + SECURITY_TECHNICIAN);
    JsonNode gaps = get("/api/analytics/gaps?occupation=" + SECURITY_TECHNICIAN);
    assertTrue(gaps.get("items").size() > 0, "the sample leaves a skill of this occupation untaught");
    assertEquals(ids(gaps.get("items"), "/competency/id"), attributes("table.demand-gaps tbody tr", "data-competency"));
    long previous = Long.MAX_VALUE;
    for (JsonNode gap : gaps.get("items")) {
      WebElement row = browser.find("table.demand-gaps tr[data-competency='" + gap.at("/competency/id").asText() + "']");
      assertEquals(EmployerPageTest.offers(gap.get("jobOffers").asLong()),
          row.findElement(By.cssSelector("td.job-offers")).getText());
      assertTrue(gap.get("jobOffers").asLong() <= previous, "most job offers first");
      previous = gap.get("jobOffers").asLong();
      assertTrue(row.getText().contains(gap.get("reason").asText().equals("untaught") ? "no credential teaches it"
          : "only dear ones"), row.getText());
    }

    browser.find("#demand-gaps button.csv").click();
    WebElement file = new WebDriverWait(browser.driver(), Browser.WAIT).until(d -> {
      List<WebElement> links = d.findElements(By.cssSelector("#gaps-csv-file"));
      return links.isEmpty() ? null : links.getFirst();
    });
    String href = file.getAttribute("href");
    assertTrue(href.startsWith("data:text/csv;charset=utf-8,"), href);
    List<String> lines = URLDecoder.decode(href.substring(href.indexOf(',') + 1), StandardCharsets.UTF_8).lines().toList();
    assertEquals(gaps.get("total").asInt() + 1, lines.size(), "a header and every gap: " + lines);
  }

  @Test
  void onAPhoneTheHeatmapAndTheAnalyticsScrollInsideTheirTablesNotThePage() {
    browser.resize(390, 844);
    for (String screen : List.of("/?screen=designer&occupation=" + DATA_ANALYST, "/?screen=designer&subject=catalog")) {
      browser.open(screen);
      Object sideways = browser.script("return document.documentElement.scrollWidth - window.innerWidth;");
      assertTrue(((Number) sideways).intValue() <= 0, screen + " scrolls sideways on a phone by " + sideways);
    }
  }

  @Test
  void eachCoverageRowShowsTheJobOffersBehindItsSkill() {
    browser.open("/?screen=designer&occupation=" + DATA_ANALYST);
    JsonNode report = TestServer.okJson(server.get("/api/coverage?occupation=" + DATA_ANALYST));
    assertTrue(browser.find("#job-offers-note").getText().startsWith("Job offers:"));
    var rows = browser.findAll("table.coverage tbody tr");
    assertEquals(report.get("skills").size(), rows.size());
    long withOffers = 0;
    for (int i = 0; i < rows.size(); i++) {
      JsonNode skill = report.get("skills").get(i);
      assertEquals(skill.at("/competency/label").asText(), rows.get(i).findElement(By.tagName("th")).getText());
      assertEquals(EmployerPageTest.offers(skill.get("jobOffers").asLong()),
          rows.get(i).findElement(By.cssSelector("td.job-offers")).getText());
      withOffers += skill.get("jobOffers").asLong() > 0 ? 1 : 0;
    }
    assertTrue(withOffers > 0, "the shared job offers reach the data analyst's essential skills");
  }

  @Test
  void eachSuggestionsGoalSkillsCarryTheirJobOffersAndTheSuggestionItsMost() {
    String learner = "{\"learner\": {\"credentials\": [\"sf-spreadsheet-essentials\"]}, \"goal\": {\"type\": "
        + "\"occupation\", \"id\": \"" + DATA_ANALYST + "\"}, \"k\": 3}";
    JsonNode list = TestServer.okJson(server.postJson("/api/recommendations?explain=full", learner));
    browser.open("/?screen=learner&credential=sf-spreadsheet-essentials&goalType=occupation&occupation="
        + DATA_ANALYST + "&k=3");
    assertTrue(browser.find("#job-offers-note").getText().startsWith("Job offers:"));
    var items = browser.findAll("ol.suggestions > li.suggestion");
    assertEquals(list.get("items").size(), items.size());
    for (int i = 0; i < items.size(); i++) {
      JsonNode covers = list.get("items").get(i).at("/explanation/covers");
      long most = -1;
      for (JsonNode t : covers) {
        WebElement tag = items.get(i).findElement(By.cssSelector("li[data-competency='" + t.at("/competency/id").asText()
            + "'] .job-offers"));
        assertEquals("· " + EmployerPageTest.offers(t.get("jobOffers").asLong()), tag.getText());
        most = Math.max(most, t.get("jobOffers").asLong());
      }
      if (most >= 0) {
        assertEquals(EmployerPageTest.offers(most) + " for its most asked-for new skill",
            items.get(i).findElement(By.cssSelector("dd.demand")).getText());
      } else {
        assertFalse(items.get(i).getText().contains("Demand"), items.get(i).getText());
      }
    }
  }
}
