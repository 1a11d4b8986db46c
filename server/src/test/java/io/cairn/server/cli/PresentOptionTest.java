package io.cairn.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.interop.vc.Ob3Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --present FILE...} and {@code --trusted-issuers FILE} on the command line, in-process. */
class PresentOptionTest {
  private static final Path ROOT = Path.of(System.getProperty("cairn.root", "."));
  private static final Path LEARNER = ROOT.resolve("datasets/sample/learners/jonas-newcomer.json");
  private static final Path AUDIT = ROOT.resolve("datasets/sample/audits/jonas-newcomer.json");
  private static final String VALID = Ob3Fixtures.directory()
      .resolve("valid-ob3-di-eddsa-rdfc-2022-sf-spreadsheet-essentials.json").toString();
  private static final String TAMPERED = Ob3Fixtures.directory().resolve("invalid-ob3-di-claim-tampered.json")
      .toString();
  private static final String JWT = Ob3Fixtures.directory().resolve("valid-ob3-vc-jwt-EdDSA-sql-querying.jwt")
      .toString();

  private static CliRun cairn(String... args) {
    return CliRun.of(args);
  }

  @Test
  void recommendVerifiesPresentedFilesAndSaysWhichCounted() throws Exception {
    CliRun table = cairn("recommend", "--in-memory", "--learner", LEARNER.toString(), "--present", VALID, TAMPERED, JWT);
    assertEquals(0, table.exit(), table.err());
    assertTrue(table.out().contains("Presented #1 verified (eddsa-rdfc-2022") && table.out().contains(
        "[sf-spreadsheet-essentials]"), table.out());
    assertTrue(table.out().contains("Presented #2 refused (bad-signature)"), table.out());
    assertTrue(table.out().contains("Presented #3 verified (vc-jwt EdDSA"), table.out());

    CliRun json = cairn("recommend", "--in-memory", "--learner", LEARNER.toString(), "--present", VALID, "--json");
    JsonNode holdings = new ObjectMapper().readTree(json.out()).get("holdings");
    assertEquals("sf-spreadsheet-essentials", holdings.at("/verified/0/achievements/0/credential/id").asText());
  }

  @Test
  void planVerifiesPresentedFilesAndCountsWhatTheyProve() throws Exception {
    String[] plan = {"plan", "--in-memory", "--learner", LEARNER.toString(), "--goal",
        "occupation:d3edb8f8-3a06-47a0-8fb9-9b212c006aa2", "--reach", "0.8", "--alternatives", "1",
        "--plan-time-limit", "20000"};
    CliRun table = cairn(concat(plan, "--present", VALID, TAMPERED));
    assertEquals(0, table.exit(), table.err());
    assertTrue(table.out().contains("Presented #1 verified (eddsa-rdfc-2022") && table.out().contains(
        "Presented #2 refused (bad-signature)"), table.out());
    JsonNode with = new ObjectMapper().readTree(cairn(concat(plan, "--present", VALID, "--json")).out());
    JsonNode without = new ObjectMapper().readTree(cairn(concat(plan, "--json")).out());
    assertEquals("sf-spreadsheet-essentials", with.at("/holdings/verified/0/achievements/0/credential/id").asText());
    assertTrue(with.at("/goal/held").asInt() > without.at("/goal/held").asInt(), with.get("goal") + " vs "
        + without.get("goal"));
    with.at("/plans/0/steps").forEach(step -> assertTrue(!step.at("/credential/id").asText().equals(
        "sf-spreadsheet-essentials"), "a verified badge is not bought again: " + step));
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }

  @Test
  void anOperatorListDecidesWhichIssuersAreTrustedOrAccepted(@TempDir Path dir) throws Exception {
    String issuer = new ObjectMapper().readTree(Files.readString(Path.of(VALID))).at("/issuer/id").asText();
    Path listed = dir.resolve("listed.json");
    Files.writeString(listed, "{\"acceptUnlisted\": false, \"issuers\": [{\"id\": \"" + issuer + "\"}]}");
    CliRun trusted = cairn("audit", "--in-memory", "--learner", AUDIT.toString(), "--present", VALID, JWT,
        "--trusted-issuers", listed.toString(), "--json");
    assertEquals(0, trusted.exit(), trusted.err());
    JsonNode holdings = new ObjectMapper().readTree(trusted.out()).get("holdings");
    assertTrue(holdings.at("/verified/0/issuer/trusted").asBoolean(), holdings.toString());
    assertEquals("unknown-issuer", holdings.at("/refused/0/reason").asText(), "the JWT's issuer is not listed");

    CliRun missing = cairn("audit", "--in-memory", "--learner", AUDIT.toString(), "--trusted-issuers",
        dir.resolve("nope.json").toString());
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("no trusted-issuers file"), missing.err());
  }
}
