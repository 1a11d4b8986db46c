package io.cairn.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a new user meets it (issue 15): looking ids up, the README's example files, help that reads
 * whole, an audit table that says "waived" plainly, and usage errors in sentences.
 */
class CliForPeopleTest {
  private static final Path ROOT = Path.of(System.getProperty("cairn.root", "."));
  private static final Path AUDIT = ROOT.resolve("datasets/sample/audits/sofia-ml-skills.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void searchFindsIdsByNameAsATableAndAsTheApisJson() throws Exception {
    CliRun occupations = CliRun.of("search", "occupations", "data", "analyst", "--in-memory");
    assertEquals(0, occupations.exit(), occupations.err());
    assertTrue(occupations.out().contains("d3edb8f8-3a06-47a0-8fb9-9b212c006aa2") && occupations.out().contains("OCCUPATION")
        && occupations.out().contains("data analyst"), occupations.out());

    CliRun skills = CliRun.of("search", "competencies", "python", "--in-memory", "--json");
    assertEquals(0, skills.exit(), skills.err());
    JsonNode body = JSON.readTree(skills.out());
    assertEquals("ccd0a1d9-afda-43d9-b901-96344886e14d", body.at("/items/0/id").asText(), skills.out());

    CliRun credentials = CliRun.of("search", "credentials", "statistics", "--in-memory");
    assertTrue(credentials.out().contains("nb-mc-applied-statistics"), credentials.out());
  }

  @Test
  void aSearchThatFindsNothingSaysWhy() {
    CliRun nurse = CliRun.of("search", "occupations", "nurse", "--in-memory");
    assertEquals(0, nurse.exit(), nurse.err());
    assertTrue(nurse.out().contains("among the 8 occupations loaded") && nurse.out().contains("3,007")
        && nurse.out().contains("cairn import esco"), nurse.out());
    CliRun what = CliRun.of("search", "pathwayz", "data", "--in-memory");
    assertEquals(2, what.exit());
    assertTrue(what.err().contains("say competencies, occupations or credentials"), what.err());
  }

  @Test
  void anAbbreviationNeverMatchesInsideAWord() throws Exception {
    CliRun ml = CliRun.of("search", "credentials", "ML", "--in-memory", "--json");
    JsonNode body = JSON.readTree(ml.out());
    for (JsonNode item : body.get("items")) {
      assertFalse(item.get("name").asText().contains("HTML"), ml.out());
    }
    CliRun html = CliRun.of("search", "credentials", "html", "--in-memory", "--json");
    assertTrue(JSON.readTree(html.out()).get("total").asInt() > 0, "the sample has an HTML credential: " + html.out());
  }

  @Test
  void showPrintsAnyKindOfIdAndSaysHowToFindOneItDoesNotKnow() throws Exception {
    CliRun competency = CliRun.of("show", "ccd0a1d9-afda-43d9-b901-96344886e14d", "--in-memory");
    assertTrue(competency.out().startsWith("Competency Python (computer programming)"), competency.out());
    assertTrue(competency.out().contains("Taught by"), competency.out());
    CliRun occupation = CliRun.of("show", "d3edb8f8-3a06-47a0-8fb9-9b212c006aa2", "--in-memory");
    assertTrue(occupation.out().startsWith("Occupation data analyst") && occupation.out().contains("Essential skills"),
        occupation.out());
    CliRun credential = CliRun.of("show", "nb-cert-data-analytics", "--in-memory");
    assertTrue(credential.out().startsWith("Credential Certificate in Data Analytics")
        && credential.out().contains("Stacks into"), credential.out());
    CliRun pathway = CliRun.of("show", "data-analytics", "--in-memory", "--json");
    assertEquals("data-analytics", JSON.readTree(pathway.out()).get("id").asText());
    assertTrue(JSON.readTree(pathway.out()).has("destinations"), "the API's pathway detail");
    CliRun unknown = CliRun.of("show", "no-such-thing", "--in-memory");
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().contains("no competency, occupation, credential or pathway has the id 'no-such-thing'")
        && unknown.err().contains("cairn search") && unknown.err().contains("data-analytics"), unknown.err());
  }

  /** Every `bin/cairn validate|load datasets/...` line of the README runs as written (on a fresh store). */
  @Test
  void theReadmesValidateAndLoadCommandsRunOnTheShippedExamples(@TempDir Path dir) throws Exception {
    String readme = Files.readString(ROOT.resolve("README.md"));
    Matcher m = Pattern.compile("(?m)^bin/cairn ((?:validate|load) datasets/\\S+)").matcher(readme);
    List<String> commands = new ArrayList<>();
    while (m.find()) {
      commands.add(m.group(1));
    }
    assertTrue(commands.size() >= 4, "the README names the example files: " + commands);
    Path data = dir.resolve("data");
    for (String command : commands) {
      List<String> args = new ArrayList<>(Arrays.asList(command.split(" ")));
      Path file = ROOT.resolve(args.get(1));
      assertTrue(Files.isRegularFile(file), "the README's file exists: " + file);
      args.set(1, file.toString());
      args.addAll(List.of("--data", data.toString()));
      CliRun run = CliRun.of(args.toArray(String[]::new));
      if (command.contains("broken")) {
        assertEquals(1, run.exit(), command + "\n" + run.out() + run.err());
        assertTrue((run.out() + run.err()).contains("3 violation") || run.err().contains("3 SHACL violation"),
            command + "\n" + run.out() + run.err());
        assertTrue((run.out() + run.err()).contains("ISO 4217"), run.out() + run.err());
      } else {
        assertEquals(0, run.exit(), command + "\n" + run.out() + run.err());
      }
    }
    CliRun found = CliRun.of("search", "credentials", "spreadsheet", "--data", data.toString());
    assertTrue(found.out().contains("rc-spreadsheet-dashboards"), "the loaded example is in the store: " + found.out());
    assertFalse(found.out().contains("rc-broken-badge"), found.out());
  }

  @Test
  void helpListsEveryCommandWithAWholeSentence() {
    CliRun help = CliRun.of("--help");
    assertEquals(0, help.exit(), help.err());
    String commands = help.out().substring(help.out().indexOf("Commands:"));
    // a command's summary runs from its name to the next command's name; each ends a sentence
    Matcher m = Pattern.compile("(?m)^  ([a-z-]+)\\s+(.+(?:\\n {4,}.+)*)").matcher(commands);
    int seen = 0;
    while (m.find()) {
      String summary = m.group(2).replaceAll("\\s+", " ").strip();
      assertTrue(summary.endsWith("."), m.group(1) + " is cut mid-sentence: " + summary);
      seen++;
    }
    assertEquals(15, seen, "every command is listed: " + commands);
    assertTrue(commands.contains("search") && commands.contains("show"), commands);
  }

  @Test
  void theAuditTableSaysWaivedPlainlyWithTheWholeNote() {
    CliRun r = CliRun.of("audit", "--in-memory", "--learner", AUDIT.toString());
    assertEquals(0, r.exit(), r.err());
    String row = r.out().lines().filter(l -> l.contains("[da-bsc-programming]") || l.contains("Programming in Python"))
        .findFirst().orElseThrow(() -> new AssertionError(r.out()));
    assertTrue(row.contains("waived"), row);
    assertFalse(row.contains("satisfied (waived"), row);
    assertFalse(row.contains("0/1"), "a waived node shows no progress of its own: " + row);
    assertTrue(r.out().contains("transcript checked by the programme director"), "the whole note: " + r.out());
  }

  @Test
  void aBadOptionIsASentenceNamingItNotAParserMessage() {
    Path learner = ROOT.resolve("datasets/sample/learners/amira-retail-to-data.json");
    CliRun k = CliRun.of("recommend", "--in-memory", "--learner", learner.toString(), "--k", "x");
    assertEquals(2, k.exit());
    assertTrue(k.err().contains("--k N takes a whole number, got 'x'") && k.err().contains("1..50"), k.err());
    assertFalse(k.err().contains("is not an int") || k.err().contains("Usage:"), k.err());
    CliRun huge = CliRun.of("recommend", "--in-memory", "--learner", learner.toString(), "--k", "99999999999");
    assertTrue(huge.err().contains("--k N takes a whole number") && !huge.err().contains("not an int"), huge.err());
    CliRun unknown = CliRun.of("recommend", "--in-memory", "--learner", learner.toString(), "--kk", "3");
    assertTrue(unknown.err().contains("'cairn recommend' has no option '--kk'") && unknown.err().contains("--k"),
        unknown.err());
    CliRun missing = CliRun.of("audit", "--in-memory");
    assertTrue(missing.err().contains("'cairn audit' needs --learner FILE"), missing.err());
  }

  @Test
  void aBadLearnerFileSaysWhichLineAndFieldInWords(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("learner.json");
    Files.writeString(file, "{\"learner\": {},\n \"goal\": {\"type\": \"occupation\", \"id\": \"x\"},\n"
        + " \"constraints\": {\"maxCost\": \"cheap\"}}");
    CliRun r = CliRun.of("recommend", "--in-memory", "--learner", file.toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("learner.json, line 3: field 'constraints.maxCost' must be a number, got a string"),
        r.err());
    assertFalse(r.err().contains("Constraints") || r.err().contains("Double"), r.err());
  }
}
