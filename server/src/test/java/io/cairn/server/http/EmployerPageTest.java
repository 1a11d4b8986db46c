package io.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Employer screen (issue 14) in headless Chromium against a real server over the sample: a real-looking posting
 * pasted into the form is read as the skills the API finds, each marked where the posting says it, with the
 * occupation its title normalizes to, the credentials ranked as the API ranks them, the covering set, a candidate's
 * held and missing skills, a printable summary, and refusals said beside the field they concern.
 */
class EmployerPageTest {
  static final String TITLE = "Data Analyst (m/f/d) - Hybrid, Lisbon";
  /** Written for this test in the way retail employers write postings; not the page's own example. */
  static final String TEXT = """
      Lumen Grocers is hiring an analyst for its pricing team in Lisbon.

      Your tasks:
      - perform data cleansing on till and loyalty-card data
      - query the warehouse with SQL and script recurring jobs in Python
      - apply statistical analysis techniques to promotions and report analysis results to category managers
      - business intelligence dashboards for store managers

      Your profile:
      - degree in statistics or economics
      - you know data models and care about data quality assessment
      - good use of spreadsheets software; English and Portuguese""";
  static final String DATA_ANALYST = "d3edb8f8-3a06-47a0-8fb9-9b212c006aa2";

  @RegisterExtension
  static final TestServer server = TestServer.start();
  @RegisterExtension
  static final Browser browser = Browser.start(server);

  @BeforeEach
  void desktop() {
    browser.resize(1280, 900);
  }

  private static JsonNode api(String path, String body) {
    return TestServer.okJson(server.postJson(path, body));
  }

  private static String posting() {
    ObjectNode posting = TestServer.JSON.createObjectNode().put("title", TITLE).put("text", TEXT);
    return posting.toString();
  }

  private static List<String> attributes(String css, String attribute) {
    return browser.findAll(css).stream().map(e -> e.getAttribute(attribute)).toList();
  }

  /** A job-offer figure as the page writes it. */
  static String offers(long count) {
    return String.format(java.util.Locale.ENGLISH, "%,d job offer%s", count, count == 1 ? "" : "s");
  }

  private static void assertNoRawErrors() {
    String text = browser.find("main").getText();
    assertFalse(text.contains("{\"") || text.contains("Exception"), "raw JSON or a stack trace: " + text);
  }

  @Test
  void anEmployerPastesAPostingAndSeesItsSkillsWhereTheyAreSaidTheCredentialsAndThePrintableSummary() {
    browser.open("/?screen=employer");
    assertEquals("Employer", browser.find("nav a[aria-current='page']").getText());
    browser.find("#posting-title").sendKeys(TITLE);
    // a posting of 600 characters is pasted, not typed: set it as a paste would
    browser.script("arguments[0].value = arguments[1];", browser.find("#posting-text"), TEXT);
    browser.navigating(() -> browser.find("#read-posting").click());
    String url = browser.driver().getCurrentUrl();
    assertTrue(url.contains("screen=employer") && url.contains("title=Data+Analyst") && url.contains("text=Lumen"),
        "the posting is in the address: " + url);
    assertNoRawErrors();

    JsonNode skills = api("/api/postings/skills", posting());
    JsonNode match = api("/api/postings/match", "{\"posting\": " + posting() + ", \"k\": 10}");
    assertEquals(DATA_ANALYST, skills.at("/occupation/id").asText(), "the title normalizes to data analyst");
    assertTrue(browser.find("#posting-occupation").getText().startsWith("data analyst"),
        browser.find("#posting-occupation").getText());

    // every skill the API finds is a row, in its order; the occupation's essential ones are said so
    List<String> ids = TestServer.texts(skills.get("skills"), "id");
    assertTrue(ids.size() >= 8, "the posting names at least 8 ESCO skills: " + ids);
    assertEquals(ids, attributes("table.posting-skills tbody tr", "data-competency"));
    for (JsonNode s : skills.get("skills")) {
      String row = browser.find("table.posting-skills tr[data-competency='" + s.get("id").asText() + "']").getText();
      assertTrue(row.startsWith(s.get("label").asText()), row);
      assertEquals(s.get("forOccupation").asText().equals("essential"), row.contains("essential for the occupation"),
          row);
    }

    // each skill's job offers as the API counts them, explained once above the table
    assertTrue(browser.find("#job-offers-note").getText().startsWith("Job offers: the offers in the labor-market data"));
    long demanded = 0;
    for (JsonNode s : skills.get("skills")) {
      assertTrue(s.get("jobOffers").canConvertToLong(), "the test server knows the job offers: " + s);
      demanded += s.get("jobOffers").asLong() > 0 ? 1 : 0;
      assertEquals(offers(s.get("jobOffers").asLong()), browser.find("table.posting-skills tr[data-competency='"
          + s.get("id").asText() + "'] td.job-offers").getText());
    }
    assertTrue(demanded > 0, "a data analyst's essential skills have job offers behind them");

    // each evidence span is marked in the posting as written, on exactly the words the API points at
    List<String> expected = new ArrayList<>();
    for (JsonNode s : skills.get("skills")) {
      for (JsonNode e : s.get("evidence")) {
        String value = e.get("field").asText().equals("title") ? TITLE : TEXT;
        assertEquals(e.get("text").asText(), value.substring(e.get("start").asInt(), e.get("end").asInt()));
        expected.add(s.get("id").asText() + "=" + e.get("text").asText());
      }
    }
    List<String> marks = browser.findAll("#posting-evidence mark.evidence").stream()
        .map(m -> m.getAttribute("data-competency") + "=" + m.getText()).toList();
    assertEquals(expected.stream().sorted().toList(), marks.stream().sorted().toList());
    assertEquals(TEXT, browser.find("#posting-evidence .posting-body").getText().replace("\r", ""),
        "the marks leave the posting's words as written");

    // the credentials in the API's ranking, and its covering set, with what is left uncovered
    assertEquals(TestServer.texts(match.get("credentials"), "credential").size(),
        browser.findAll("table.ranked tbody tr").size());
    List<String> ranked = new ArrayList<>();
    match.get("credentials").forEach(c -> ranked.add(c.at("/credential/id").asText()));
    assertEquals(ranked, attributes("table.ranked tbody tr", "data-credential"));
    List<String> covering = new ArrayList<>();
    match.at("/coveringSet/credentials").forEach(c -> covering.add(c.at("/credential/id").asText()));
    assertFalse(covering.isEmpty());
    assertEquals(covering, attributes("ol.covering li", "data-credential"));
    String summary = browser.find("#employer-summary").getText();
    assertTrue(summary.contains(covering.size() + " credential"), summary);
    assertEquals(match.at("/coveringSet/uncovered").isEmpty(), browser.findAll("#uncovered").isEmpty());

    assertTrue(PageAudit.problems(browser).isEmpty(), PageAudit.problems(browser)::toString);
    browser.screenshot("employer");

    // on paper: the summary, the skills and the set, without the form or the buttons
    browser.onPaper(() -> {
      assertFalse(browser.find("form.posting-form").isDisplayed(), "no form on paper");
      assertFalse(browser.find("#print-summary").isDisplayed(), "no buttons on paper");
      assertTrue(browser.find("#print-head").isDisplayed() && browser.find("#print-head").getText().contains("Read by Cairn on"));
      assertTrue(browser.find("#employer-summary").isDisplayed() && browser.find("#covering-set").isDisplayed());
    });

    // the saved CSV lists the ranked credentials, one row each, with a header
    String href = browser.find("#save-csv").getAttribute("href");
    assertTrue(href.startsWith("data:text/csv;charset=utf-8,"), href);
    assertEquals("posting-credentials.csv", browser.find("#save-csv").getAttribute("download"));
    String csv = java.net.URLDecoder.decode(href.substring(href.indexOf(',') + 1), java.nio.charset.StandardCharsets.UTF_8);
    List<String> lines = csv.lines().toList();
    assertTrue(lines.getFirst().startsWith("\ufeffrank,credential,id,"), lines.getFirst());
    assertEquals(ranked.size() + 1, lines.size(), csv);
    assertTrue(lines.get(1).startsWith("1," + match.at("/credentials/0/credential/label").asText() + ","), lines.get(1));
  }

  @Test
  void aCandidatesCredentialsSplitThePostingIntoSkillsTheyShowAndSkillsMissing() {
    browser.open("/?screen=employer&title=Data+analyst&skills=statistics%0ASQL%0APython"
        + "&credential=sf-statistics-for-analysis");
    assertNoRawErrors();
    JsonNode match = api("/api/postings/match", "{\"posting\": {\"title\": \"Data analyst\", \"skills\": [\"statistics\","
        + " \"SQL\", \"Python\"]}, \"learner\": {\"credentials\": [\"sf-statistics-for-analysis\"]}}");
    int held = 0;
    for (JsonNode s : match.get("skills")) {
      WebElement row = browser.find("table.posting-skills tr[data-competency='" + s.get("id").asText() + "']");
      String candidate = row.findElement(By.cssSelector("td:last-child")).getText();
      assertEquals(s.get("held").asBoolean() ? "shows it" : "missing", candidate, row.getText());
      held += s.get("held").asBoolean() ? 1 : 0;
    }
    assertEquals(1, held, "Statistics for Data Analysis shows statistics, not SQL or Python");
    assertEquals(3, browser.findAll("#posting-evidence .posting-phrases li").size(), "the phrases are shown as given");
    assertTrue(browser.find("details.candidate").getAttribute("open") != null, "the candidate's part stays open");
  }

  @Test
  void anEmptyOrTooLongPostingIsRefusedInWordsBesideItsField() {
    browser.open("/?screen=employer");
    browser.navigating(() -> browser.find("#read-posting").click());
    String problem = browser.find("#results .problem[role='alert']").getText();
    assertTrue(problem.contains("The posting: paste the posting's text, or give its title or a list of skill phrases"),
        problem);
    assertFalse(problem.contains("'title'") || problem.contains("'skills'"), "no API field names: " + problem);
    assertEquals("true", browser.find("#posting-text").getAttribute("aria-invalid"));

    browser.open("/?screen=employer&title=" + "Analyst%20".repeat(40));
    String tooLong = browser.find("#posting-title-problem").getText();
    assertEquals("Job title: is too long: 320 characters, and at most 300 are read.", tooLong);
    assertEquals("true", browser.find("#posting-title").getAttribute("aria-invalid"));
  }

  @Test
  void aPostingTooLongForTheAddressIsReadInThePageAndSaysSo() {
    browser.open("/?screen=employer");
    // 8,900 characters, many of them non-ASCII: over 8 KB as an address
    String longText = TEXT + "\n\nÜber uns: " + ("Wir bieten flexible Arbeitszeiten, Weiterbildung und ein Büro "
        + "mit Blick auf den Fluss für alle Mitarbeitenden. ").repeat(80);
    browser.find("#posting-title").sendKeys(TITLE);
    browser.script("arguments[0].value = arguments[1];", browser.find("#posting-text"), longText);
    browser.find("#read-posting").click();
    browser.waitFor("#kept-note");
    browser.waitReady();
    String url = browser.driver().getCurrentUrl();
    assertTrue(url.contains("title=Data+Analyst") && !url.contains("text="), "only the title is kept: " + url);
    assertTrue(url.length() < 6000, url);
    assertTrue(browser.findAll("table.posting-skills tbody tr").size() >= 8, browser.find("#results").getText());
  }

  @Test
  void onAPhoneTheScreenFitsTheWidth() {
    browser.resize(390, 844);
    browser.open("/?screen=employer&title=" + TITLE.replace(" ", "+") + "&text=" + java.net.URLEncoder.encode(TEXT,
        java.nio.charset.StandardCharsets.UTF_8));
    assertFalse(browser.findAll("table.ranked tbody tr").isEmpty(), browser.find("main").getText());
    Object sideways = browser.script("return document.documentElement.scrollWidth - window.innerWidth;");
    assertTrue(((Number) sideways).intValue() <= 0, "the employer screen scrolls sideways on a phone by " + sideways);
  }
}
