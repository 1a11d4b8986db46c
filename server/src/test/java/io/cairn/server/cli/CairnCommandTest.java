package io.cairn.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end, in-process: exit codes, tables, JSON and the store on disk. */
class CairnCommandTest {
  private static final Path ROOT = Path.of(System.getProperty("cairn.root", "."));
  private static final Path LEARNER = ROOT.resolve("datasets/sample/learners/amira-retail-to-data.json");
  private static final Path AUDIT = ROOT.resolve("datasets/sample/audits/sofia-ml-skills.json");

  private static CliRun cairn(String... args) {
    return CliRun.of(args);
  }

  @Test
  void recommendPrintsATableAndTheSameAsJson() throws Exception {
    CliRun table = cairn("recommend", "--in-memory", "--learner", LEARNER.toString());
    assertEquals(0, table.exit(), table.err());
    assertTrue(table.out().contains("Goal: occupation 'data analyst'"), table.out());
    assertTrue(table.out().contains("CREDENTIAL"), table.out());

    CliRun json = cairn("recommend", "--in-memory", "--learner", LEARNER.toString(), "--json", "--k", "3");
    assertEquals(0, json.exit(), json.err());
    JsonNode body = new ObjectMapper().readTree(json.out());
    assertEquals(3, body.get("items").size());
    String first = body.get("items").get(0).get("credential").get("id").asText();
    assertTrue(table.out().contains("[" + first + "]"), "the table and the JSON disagree on the top item");
  }

  @Test
  void planPrintsTheStepsAndTheSameAsJson() throws Exception {
    Path plan = ROOT.resolve("datasets/sample/plans/amira-retail-to-data.json");
    CliRun table = cairn("plan", "--in-memory", "--learner", plan.toString(), "--plan-time-limit", "20000");
    assertEquals(0, table.exit(), table.err());
    assertTrue(table.out().contains("Goal: occupation 'data analyst', reach 80% of 27 essential skills"), table.out());
    assertTrue(table.out().contains("Plan 1 (optimal)") && table.out().contains("SO FAR"), table.out());
    assertTrue(table.out().contains("Greedy baseline"), table.out());
    CliRun json = cairn("plan", "--in-memory", "--learner", plan.toString(), "--json", "--alternatives", "1",
        "--plan-time-limit", "20000");
    assertEquals(0, json.exit(), json.err());
    JsonNode body = new ObjectMapper().readTree(json.out());
    assertEquals(1, body.get("plans").size());
    String first = body.at("/plans/0/steps/0/credential/id").asText();
    assertTrue(table.out().contains("[" + first + "]"), "the table and the JSON disagree on the first step");
  }

  @Test
  void planTakesARecommendationFileAndOptionsFromTheCommandLine() throws Exception {
    CliRun json = cairn("plan", "--in-memory", "--learner", LEARNER.toString(), "--goal", "pathway:web-development",
        "--objective", "time", "--exclude", "sf-html-css-foundations", "--hours-per-week", "5", "--json",
        "--plan-time-limit", "20000");
    assertEquals(0, json.exit(), json.err());
    JsonNode body = new ObjectMapper().readTree(json.out());
    assertEquals("pathway", body.at("/goal/type").asText());
    assertEquals("time", body.get("objective").asText());
    body.at("/plans/0/steps").forEach(step -> {
      assertFalse(step.at("/credential/id").asText().equals("sf-html-css-foundations"), step.toString());
      assertTrue(step.get("startWeek").isInt(), step.toString());
    });
    CliRun bad = cairn("plan", "--in-memory", "--learner", LEARNER.toString(), "--reach", "2");
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("reach must be more than 0 and at most 1"), bad.err());
  }

  @Test
  void recommendWithoutAGoalNeedsAModelAndWithOneAimsAtItsNextSkills(@TempDir Path dir) throws Exception {
    Path free = dir.resolve("goal-free.json");
    Files.writeString(free, "{\"learner\": {\"credentials\": [\"sf-spreadsheet-essentials\"]}, \"goalField\": \"251\"}");
    CliRun refused = cairn("recommend", "--in-memory", "--learner", free.toString());
    assertEquals(2, refused.exit(), refused.out());
    assertTrue(refused.err().contains("a goal is required") && refused.err().contains("--model"), refused.err());
    CliRun json = cairn("recommend", "--in-memory", "--learner", free.toString(), "--json",
        "--model", io.cairn.labor.FixtureModel.file().toString());
    assertEquals(0, json.exit(), json.err());
    JsonNode body = new ObjectMapper().readTree(json.out());
    assertEquals("field", body.at("/goal/type").asText());
    assertTrue(body.get("scorer").asText().startsWith("learned"), body.get("scorer").asText());
    assertFalse(body.get("items").isEmpty());
  }

  @Test
  void recommendTakesAGoalFromTheCommandLine() throws Exception {
    CliRun json = cairn("recommend", "--in-memory", "--learner", LEARNER.toString(), "--goal", "pathway:data-analytics",
        "--json");
    assertEquals(0, json.exit(), json.err());
    JsonNode goal = new ObjectMapper().readTree(json.out()).get("goal");
    assertEquals("pathway", goal.get("type").asText());
    assertEquals("data-analytics", goal.get("id").asText());
  }

  @Test
  void badInputExitsWithTwoAndAMessageNotAStackTrace() {
    CliRun goal = cairn("recommend", "--in-memory", "--learner", LEARNER.toString(), "--goal", "nonsense");
    assertEquals(2, goal.exit());
    assertTrue(goal.err().contains("--goal must look like"), goal.err());
    CliRun unknown = cairn("recommend", "--in-memory", "--learner", LEARNER.toString(), "--goal", "occupation:nope");
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().contains("unknown occupation id nope"), unknown.err());
    assertFalse(unknown.err().contains("\tat "), unknown.err());
    CliRun missing = cairn("audit", "--in-memory", "--learner", "no/such/file.json");
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("no such file"), missing.err());
  }

  @Test
  void serveListensOnThisMachineByDefaultAndRefusesABadLimit() {
    CliRun help = cairn("serve", "--help");
    assertEquals(0, help.exit(), help.err());
    assertTrue(help.out().contains("default: 127.0.0.1"), help.out());
    for (String option : new String[] {"--max-connections", "--max-in-flight", "--max-queued", "--queue-timeout",
        "--idle-timeout", "--body-timeout", "--max-threads"}) {
      assertTrue(help.out().contains(option), option + " in " + help.out());
    }
    CliRun bad = cairn("serve", "--in-memory", "--port", "0", "--max-in-flight", "100", "--max-threads", "50");
    assertEquals(2, bad.exit(), bad.out());
    assertTrue(bad.err().contains("maxThreads must be at least maxInFlight"), bad.err());
    assertFalse(bad.err().contains("\tat "), bad.err());
    assertTrue(help.out().contains("--job-offers"), help.out());
    CliRun noOffers = cairn("serve", "--in-memory", "--port", "0", "--job-offers", "no/such/offers.csv");
    assertEquals(2, noOffers.exit(), noOffers.out());
    assertTrue(noOffers.err().contains("no job-offer file at") && noOffers.err().contains("offers.csv"),
        noOffers.err());
  }

  @Test
  void auditPrintsTheTreeWithWhatIf() {
    CliRun r = cairn("audit", "--in-memory", "--learner", AUDIT.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("Pathway Data analytics pathway [data-analytics]"), r.out());
    assertTrue(r.out().contains("waived"), r.out());
    assertTrue(r.out().contains("What if"), r.out());
  }

  /**
   * With --what-is-left the audit says what to earn to finish the pathway, with its totals, and gives each open
   * requirement its own cheapest finish; the same JSON as the API carries the plans.
   */
  @Test
  void auditWithWhatIsLeftSaysWhatToEarnToFinish(@TempDir Path dir) throws Exception {
    CliRun r = cairn("audit", "--in-memory", "--learner", AUDIT.toString(), "--what-is-left");
    assertEquals(0, r.exit(), r.err());
    java.util.regex.Matcher whole = java.util.regex.Pattern.compile(
        "What is left: earn ([a-z0-9-]+(, [a-z0-9-]+)*).*: (\\d+) credentials?, [\\d.]+ EUR, [\\d.]+ h, [\\d.]+ ECTS")
        .matcher(r.out());
    assertTrue(whole.find(), r.out());
    assertEquals(whole.group(1).split(", ").length, Integer.parseInt(whole.group(3)), "the count is of the list");
    assertTrue(r.out().contains("TO FINISH"), r.out());
    // a missing module is finished by earning it, and Machine Learning, which requires Python, by its
    // prerequisites first (the waived Python requirement does not give the learner Python)
    assertTrue(r.out().contains("- Data Mining [credential]"), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.contains("- Data Wrangling and Quality [credential]")
        && l.contains("1 credential, 450 EUR, 125 h: nb-mc-data-wrangling")), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.contains("- Machine Learning [credential]")
        && l.contains("4 credentials") && l.contains("sf-python-for-data")), r.out());
    // the request file's own "whatIsLeft": true asks the same, and --json carries the plans as the API does
    Path file = dir.resolve("left.json");
    Files.writeString(file, """
        {"whatIsLeft": true, "learner": {"credentials": ["nb-mc-applied-statistics"]}, "pathway": "data-analytics"}
        """);
    CliRun json = cairn("audit", "--in-memory", "--learner", file.toString(), "--json");
    assertEquals(0, json.exit(), json.err());
    com.fasterxml.jackson.databind.JsonNode left = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(json.out()).path("audit").path("left");
    assertTrue(left.path("credentials").isArray() && left.path("credentials").size() > 0, json.out());
    CliRun without = cairn("audit", "--in-memory", "--learner", AUDIT.toString());
    assertFalse(without.out().contains("What is left"), "only when asked: it runs the planner");
  }

  @Test
  void auditSaysWhichDestinationTheStatusIsForAndWhatTheBestFitChanged(@TempDir Path dir) throws Exception {
    Path learner = dir.resolve("modules.json");
    Files.writeString(learner, """
        {"learner": {"credentials": ["nb-mc-data-mining", "nb-mc-big-data-platforms"]}, "pathway": "data-analytics"}
        """);
    CliRun r = cairn("audit", "--in-memory", "--learner", learner.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("Partial for BSc Data Science; Certificate in Data Analytics (an exit award): "
        + "partial."), r.out());
    assertTrue(r.out().contains("- Advanced modules: at least 2 of 3 reads SATISFIED (greedy: PARTIAL) by assigning "
        + "Data Mining to it"), r.out());
  }

  @Test
  void loadAndValidateWorkOnATdb2Directory(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("tdb2");
    Path good = dir.resolve("extra.ttl");
    Files.writeString(good, """
        @prefix ceterms: <https://purl.org/ctdl/terms/> .
        <https://w3id.org/cairn/id/issuer/test-college> a ceterms:CredentialOrganization ; ceterms:name "Test College" .
        """);
    Path bad = dir.resolve("bad.ttl");
    Files.writeString(bad, """
        @prefix ceterms: <https://purl.org/ctdl/terms/> .
        <https://w3id.org/cairn/id/issuer/nameless> a ceterms:CredentialOrganization .
        """);

    // the first use of an empty directory loads the sample, then the file goes on top
    CliRun load = cairn("load", "--data", data.toString(), good.toString());
    assertEquals(0, load.exit(), load.err());
    assertTrue(load.out().contains("Loaded 2 triples from 1 file(s)"), load.out());

    CliRun valid = cairn("validate", "--data", data.toString(), good.toString());
    assertEquals(0, valid.exit(), valid.err());
    CliRun invalid = cairn("validate", "--data", data.toString(), bad.toString());
    assertEquals(1, invalid.exit());
    assertTrue(invalid.out().contains("https://w3id.org/cairn/id/issuer/nameless"), invalid.out());
    assertTrue(invalid.out().contains("An issuer needs a ceterms:name."), invalid.out());

    CliRun refused = cairn("load", "--data", data.toString(), bad.toString());
    assertEquals(1, refused.exit());
    assertTrue(refused.err().contains("nothing was loaded"), refused.err());

    // each file is a source by its path: one named like a sample file adds to the sample, reloading it replaces
    // what it loaded (and says so), and replacing another source's graph must be asked for
    Path mine = dir.resolve("mine/pathways.ttl");
    Files.createDirectories(mine.getParent());
    Files.writeString(mine, """
        @prefix ceterms: <https://purl.org/ctdl/terms/> .
        <https://w3id.org/cairn/id/issuer/my-college> a ceterms:CredentialOrganization ; ceterms:name "My College" .
        """);
    String graph = "urn:cairn:source:" + mine.toRealPath().toUri();

    CliRun first = cairn("load", "--data", data.toString(), mine.toString());
    assertEquals(0, first.exit(), first.err());
    assertTrue(first.out().contains("added graph " + graph + " (2 triples)"), first.out());
    assertTrue(first.out().contains("5 pathways"),
        "a file named like the sample's must not replace it: " + first.out());

    Files.writeString(mine, Files.readString(mine).replace("\"My College\" .",
        "\"My College\" ; ceterms:description \"Edited\" ."));
    CliRun plan = cairn("validate", "--data", data.toString(), mine.toString());
    assertEquals(0, plan.exit(), plan.err());
    assertTrue(plan.out().contains("would replace graph " + graph + " (2 triples) with 3 from the same source"),
        plan.out());
    CliRun reload = cairn("load", "--data", data.toString(), mine.toString());
    assertTrue(reload.out().contains("replaced graph " + graph + " (2 triples) with 3 from the same source"),
        reload.out());

    CliRun conflict = cairn("load", "--data", data.toString(), "--graph", "pathways.ttl", mine.toString());
    assertEquals(1, conflict.exit(), conflict.out());
    assertTrue(conflict.err().contains("Refused: graph urn:cairn:source:pathways.ttl already holds")
        && conflict.err().contains("--replace"), conflict.err());
    CliRun refusedPlan = cairn("validate", "--data", data.toString(), "--graph", "pathways.ttl", mine.toString());
    assertEquals(1, refusedPlan.exit(), refusedPlan.out());
    assertTrue(refusedPlan.out().contains("Refused: graph urn:cairn:source:pathways.ttl"), refusedPlan.out());
    CliRun twoWithOneGraph = cairn("load", "--data", data.toString(), "--graph", "x", mine.toString(),
        mine.toString());
    assertEquals(2, twoWithOneGraph.exit());
    assertTrue(twoWithOneGraph.err().contains("--graph names the graph of one file"), twoWithOneGraph.err());
  }
}
