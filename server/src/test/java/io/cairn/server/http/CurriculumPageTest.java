package io.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What a curriculum designer sees (issue 14) in headless Chromium against a real server over the sample with the
 * shared job offers: the job offers behind each skill on the Curriculum and learner screens, as the API counts them.
 */
class CurriculumPageTest {
  static final String DATA_ANALYST = "d3edb8f8-3a06-47a0-8fb9-9b212c006aa2";

  @RegisterExtension
  static final TestServer server = TestServer.start();
  private static Browser browser;

  @BeforeAll
  static void start() {
    browser = Browser.start(server);
  }

  @AfterAll
  static void stop() {
    browser.close();
  }

  @BeforeEach
  void desktop() {
    browser.resize(1280, 900);
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
    JsonNode list = TestServer.okJson(server.postJson("/api/recommendations", learner));
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
