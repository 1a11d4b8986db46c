package io.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The result screens as people use their results (issue 15), in headless Chromium against a real server over the
 * sample: every result screen downloads what it shows as CSV and JSON and prints without its forms; the catalog
 * sorts by any column and filters by issuer and by skill; the credential page's stack is readable, and a list on a
 * phone.
 */
class ResultScreensPageTest {
  @RegisterExtension
  static final TestServer server = TestServer.start();
  @RegisterExtension
  static final Browser browser = Browser.start(server);

  /** The text a download link carries (a data: URL), decoded. */
  private static String download(String css) {
    String href = browser.attribute(css, "href");
    assertTrue(href.startsWith("data:"), href);
    return URLDecoder.decode(href.substring(href.indexOf(',') + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static JsonNode downloadJson(String exportName) {
    return TestServer.json(download("[data-export='" + exportName + "'] a.export-csv ~ a.export-json"));
  }

  private static List<String> csvLines(String exportName) {
    String csv = download("[data-export='" + exportName + "'] a.export-csv");
    assertTrue(csv.endsWith("\r\n"), "RFC 4180 lines end in CRLF");
    return List.of(csv.split("\r\n"));
  }

  private static List<String> ids(JsonNode array, String field) {
    List<String> ids = new ArrayList<>();
    array.forEach(n -> ids.add(n.at(field).asText()));
    return ids;
  }

  @Test
  void everyResultScreenDownloadsTheRowsItShowsAsCsvAndJsonAndPrintsWithoutItsForms() {
    // suggestions: the API's list, in its order
    String occupation = "d3edb8f8-3a06-47a0-8fb9-9b212c006aa2";
    browser.open("/?screen=learner&goalType=occupation&k=5&occupation=" + occupation);
    JsonNode suggested = TestServer.okJson(server.postJson("/api/recommendations",
        "{\"goal\": {\"type\": \"occupation\", \"id\": \"" + occupation + "\"}, \"k\": 5}")).get("items");
    assertEquals(ids(suggested, "/credential/id"), ids(downloadJson("suggestions"), "/id"));
    List<String> lines = csvLines("suggestions");
    assertTrue(lines.get(0).startsWith("rank,id,name,"), lines.get(0));
    assertEquals(suggested.size() + 1, lines.size(), String.join("\n", lines));

    // the audit: one row per requirement node of the API's tree
    browser.open("/?screen=advisor&credential=nb-mc-applied-statistics&pathway=data-analytics");
    JsonNode audit = TestServer.okJson(server.postJson("/api/audits",
        "{\"learner\": {\"credentials\": [\"nb-mc-applied-statistics\"]}, \"pathway\": \"data-analytics\"}"));
    List<String> nodes = new ArrayList<>();
    audit.at("/audit/destinations").forEach(d -> walk(d.get("requirements"), nodes));
    assertEquals(nodes, ids(downloadJson("audit"), "/requirementId"));
    browser.waitFor("#left-summary[data-ready='true']");
    JsonNode withLeft = downloadJson("audit");
    assertTrue(withLeft.get(0).get("leftCost").isNumber(), "once planned, the download has what is left: " + withLeft.get(0));

    // coverage: the table as shown, one row per skill of the API's report
    browser.open("/?screen=designer&occupation=" + occupation);
    JsonNode coverage = TestServer.okJson(server.get("/api/coverage?occupation=" + occupation));
    JsonNode rows = downloadJson("designer");
    assertEquals(coverage.get("skillCount").asInt(), rows.size());
    assertEquals(coverage.at("/skills/0/competency/label").asText(), rows.get(0).get("Skill").asText());
    assertEquals(browser.findAll("table.coverage tbody tr").size() + 1, csvLines("designer").size());

    // the catalog: this page, as listed
    browser.open("/?screen=catalog&sort=-cost");
    JsonNode page = TestServer.okJson(server.get("/api/credentials?sort=-cost&limit=20"));
    assertEquals(ids(page.get("items"), "/id"), ids(downloadJson("catalog"), "/id"));
    browser.onPaper(() -> {
      assertFalse(browser.find("main form").isDisplayed(), "no filters on paper");
      assertFalse(browser.find("[data-export]").isDisplayed(), "no download links on paper");
      assertFalse(browser.find("header.site").isDisplayed(), "no menu on paper");
      List<WebElement> printed = browser.findAll("table.catalog tbody tr");
      assertEquals(page.get("items").size(), printed.size());
      assertTrue(printed.stream().allMatch(WebElement::isDisplayed), "the table whole");
    });
  }

  private static void walk(JsonNode node, List<String> into) {
    into.add(node.get("id").asText());
    node.get("children").forEach(child -> walk(child, into));
  }

  @Test
  void theCatalogSortsByAnyColumnStablyKeepsItInTheAddressAndFiltersByIssuerAndSkill() {
    JsonNode all = TestServer.okJson(server.get("/api/credentials?limit=100")).get("items");
    // by hand: a stable sort of the catalog order by cost, dearest first, unknown prices last
    List<JsonNode> expected = new ArrayList<>();
    all.forEach(expected::add);
    expected.sort(Comparator.comparing((JsonNode c) -> c.path("unknown").toString().contains("cost"))
        .thenComparingDouble(c -> -c.get("cost").asDouble()));
    JsonNode sorted = TestServer.okJson(server.get("/api/credentials?limit=100&sort=-cost")).get("items");
    assertEquals(expected.stream().map(c -> c.get("id").asText()).toList(), ids(sorted, "/id"),
        "ties keep the catalog order");

    browser.open("/?screen=catalog");
    browser.navigating(() -> browser.find("th[data-sort='cost'] a").click());
    assertTrue(browser.driver().getCurrentUrl().contains("sort=-cost"), browser.driver().getCurrentUrl());
    assertEquals("descending", browser.find("th[data-sort='cost']").getAttribute("aria-sort"));
    assertEquals("none", browser.find("th[data-sort='name']").getAttribute("aria-sort"));
    List<String> shown = browser.findAll("table.catalog tbody th a").stream().map(WebElement::getText).toList();
    assertEquals(ids(sorted, "/name").subList(0, shown.size()), shown);
    browser.navigating(() -> browser.find("th[data-sort='cost'] a").click());
    assertEquals("ascending", browser.find("th[data-sort='cost']").getAttribute("aria-sort"));
    browser.navigating(() -> browser.find("th[data-sort='name'] a").click());
    List<String> names = browser.findAll("table.catalog tbody th a").stream().map(WebElement::getText).toList();
    assertEquals(names.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), names, "A to Z");

    // by issuer: the select offers the issuers with their counts; the choice is kept with the sort
    Select issuers = new Select(browser.find("#issuer"));
    WebElement northbridge = issuers.getOptions().stream().filter(o -> o.getText().startsWith("Northbridge"))
        .findFirst().orElseThrow(() -> new AssertionError(browser.find("#issuer").getText()));
    String count = northbridge.getText().replaceAll(".*\\((\\d+)\\)$", "$1");
    issuers.selectByValue(northbridge.getAttribute("value"));
    browser.navigating(() -> browser.find("form.filters button[type='submit']").click());
    String url = browser.driver().getCurrentUrl();
    assertTrue(url.contains("issuer=") && url.contains("sort=name"), url);
    assertEquals(count + (count.equals("1") ? " credential" : " credentials"), browser.find("#catalog-results").getText());
    assertTrue(browser.findAll("table.catalog tbody tr td:nth-of-type(2)").stream()
        .allMatch(td -> td.getText().startsWith("Northbridge")), "only that issuer's");

    // by skill: the API's teaches filter, the skill named in its field
    String python = "ccd0a1d9-afda-43d9-b901-96344886e14d";
    int teaching = TestServer.okJson(server.get("/api/credentials?teaches=" + python)).get("total").asInt();
    browser.open("/?screen=catalog&teaches=" + python);
    assertEquals(teaching + " credential" + (teaching == 1 ? "" : "s"), browser.find("#catalog-results").getText());
    assertTrue(browser.find("form.filters .chip").getText().contains("Python"), browser.find("form.filters").getText());

    // labels read alike: every option and every cell starts with a capital
    Set<String> labels = new HashSet<>();
    browser.findAll("form.filters option").forEach(o -> labels.add(o.getText()));
    browser.findAll("table.catalog tbody td:nth-of-type(1), table.catalog tbody td:nth-of-type(3)")
        .forEach(td -> labels.add(td.getText()));
    labels.forEach(l -> assertTrue(l.isEmpty() || !Character.isLowerCase(l.charAt(0)), "sentence case: " + l));
  }

  @Test
  void theStackIsColumnsByLevelWithWholeNamesAndOneLinePerLinkAndAListOnAPhone() {
    String id = "nb-cert-data-analytics";
    JsonNode c = TestServer.okJson(server.get("/api/credentials/" + id));
    browser.resize(1400, 1000);
    browser.open("/?screen=credential&id=" + id);
    WebElement svg = browser.find("svg.stack-diagram");
    assertTrue(svg.isDisplayed());
    Set<String> names = new HashSet<>();
    names.add(c.get("name").asText());
    c.get("stackLinks").forEach(l -> {
      names.add(l.at("/from/label").asText());
      names.add(l.at("/to/label").asText());
    });
    List<String> boxes = browser.findAll("svg.stack-diagram g.node").stream()
        .map(g -> String.join(" ", g.findElements(By.tagName("tspan")).stream().map(WebElement::getText).toList()))
        .toList();
    assertEquals(names, new HashSet<>(boxes), "every name whole, wrapped over lines, the credential's own included");
    assertEquals(c.get("stackLinks").size(), browser.findAll("svg.stack-diagram g.link line").size(), "one line a link");
    // lines into the credential end at points of their own, not in one point
    Set<String> ends = new HashSet<>();
    long into = 0;
    for (WebElement link : browser.findAll("svg.stack-diagram g.link")) {
      if (link.findElement(By.tagName("title")).getAttribute("textContent").contains("stacks into " + c.get("name").asText())) {
        into++;
        WebElement line = link.findElement(By.tagName("line"));
        ends.add(line.getAttribute("x2") + "," + line.getAttribute("y2"));
      }
    }
    assertTrue(into > 1, "the certificate has several parts");
    assertEquals(into, ends.size(), "each line ends at a point of its own");
    // columns by level: a part left of the certificate, the degree it stacks into right of it
    double self = boxX("svg.stack-diagram g.node.self");
    assertTrue(boxX("svg.stack-diagram a[aria-label='Data Wrangling and Quality'] g.node") < self);
    assertTrue(boxX("svg.stack-diagram a[aria-label='BSc Data Science'] g.node") > self);
    // "through another credential" names it
    JsonNode indirect = null;
    for (JsonNode r : c.get("stackedFrom")) {
      if (!r.get("direct").asBoolean() && indirect == null) {
        indirect = r;
      }
    }
    assertTrue(indirect != null, "the sample has a part that stacks in through another credential");
    String part = indirect.at("/credential/label").asText();
    String viaLabel = indirect.at("/via/0/label").asText();
    String via = indirect.at("/via/0/id").asText();
    WebElement through = browser.findAll("section.card li").stream()
        .filter(li -> li.getText().startsWith(part)).findFirst().orElseThrow();
    assertTrue(through.getText().contains("(through " + viaLabel + ")"), through.getText());
    assertTrue(through.findElement(By.cssSelector(".via a")).getAttribute("href").endsWith("id=" + via));

    // on a phone: the links as a list, no diagram
    browser.resize(400, 900);
    assertFalse(svg.isDisplayed(), "no diagram at phone width");
    List<WebElement> items = browser.findAll("ul.stack-links li");
    assertEquals(c.get("stackLinks").size(), items.size());
    assertTrue(items.get(0).isDisplayed() && items.get(0).getText().contains(" → "), items.get(0).getText());
    browser.screenshot("credential-phone");
    browser.resize(1400, 1000);
  }

  private static double boxX(String css) {
    return Double.parseDouble(browser.find(css).findElement(By.tagName("rect")).getAttribute("x"));
  }
}
