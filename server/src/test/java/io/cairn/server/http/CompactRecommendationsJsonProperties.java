package io.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.Cairn;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Competency;
import io.cairn.catalog.Credential;
import io.cairn.catalog.CredentialKind;
import io.cairn.catalog.DeliveryMode;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Issuer;
import io.cairn.interop.vc.Ob3Fixtures;
import io.cairn.labor.FixtureModel;
import io.cairn.labor.demand.SkillDemand;
import io.cairn.learner.Constraints;
import io.cairn.learner.Goal;
import io.cairn.learner.Learner;
import io.cairn.rank.RecommendationList;
import io.cairn.rank.RecommendationRequest;
import io.cairn.rank.Recommender;
import io.cairn.server.api.CatalogStrings;
import io.cairn.server.api.CompactRecommendationsJson;
import io.cairn.server.api.ExplanationForm;
import io.cairn.server.api.JsonMapping;
import io.cairn.server.api.RequestBodies;
import io.cairn.server.api.Views;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compact recommendations document written field by field ({@link CompactRecommendationsJson}) is, byte for
 * byte, what the mapper makes of the view records ({@code Views.recommendations(list, demand, COMPACT)}), over
 * seeded requests on the sample: every kind of goal, held and declared things, presented credentials (verified and
 * refused, from the shared fixtures), constraints that exclude, lists cut short, and both scorers. Every failure
 * message starts with the seed. The same on a catalog of credentials the sample does not have (no issuer, no EQF
 * level, unknown facts, names that need escaping). Afterwards, the requests must have reached each part of the document the writer
 * writes on its own.
 */
class CompactRecommendationsJsonProperties {
  private static final int SEEDS = 150;
  private static final List<String> PRESENTABLE = List.of("valid-ob3-di-eddsa-rdfc-2022-sf-spreadsheet-essentials.json",
      "valid-ob3-di-eddsa-rdfc-2022-python-for-data-analysis.json", "invalid-ob3-di-claim-tampered.json",
      "valid-ob3-vc-jwt-ES256-data-visualisation-practitioner.jwt", "invalid-ob3-vc-jwt-expired.jwt");
  private static final List<String> MODES = List.of("online", "in-person", "blended");

  @RegisterExtension
  static final TestServer transparent = TestServer.start();
  @RegisterExtension
  static final TestServer learned = TestServer.start(FixtureModel.model());

  private static final ObjectMapper JSON = JsonMapping.create();
  private static final ObjectWriter BYTES = Utf8JsonMapper.utf8Writer(JSON);
  // the strings of the snapshot the last case wrote, as the server keeps them across answers
  private static final java.util.concurrent.atomic.AtomicReference<CatalogStrings> SHARED_STRINGS =
      new java.util.concurrent.atomic.AtomicReference<>();
  /** The parts of the document the seeds reached, checked once they have all run. */
  private static final Set<String> REACHED = new ConcurrentSkipListSet<>();
  /** Seeds run to the end, over both properties. */
  private static final AtomicInteger FINISHED = new AtomicInteger();

  static Stream<Long> seeds() {
    return LongStream.range(0, SEEDS).boxed();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void writtenFieldByFieldIsWhatTheMapperMakesOfTheViews(long seed) throws Exception {
    Random random = new Random(seed);
    Cairn cairn = (seed % 3 == 2 ? learned : transparent).cairn();
    CatalogSnapshot snapshot = cairn.snapshot();
    for (int q = 0; q < 8; q++) {
      String body = body(snapshot, random);
      String at = "seed=" + seed + " request " + q + " " + body + ": ";
      RecommendationList list = cairn.recommend(JsonMapping.read(JSON, body, RequestBodies.RecommendationBody.class)
          .toRequest());
      assertWrittenAsTheViews(snapshot, list, cairn.demand(snapshot), at);
    }
    FINISHED.incrementAndGet();
  }

  /** A request as a client sends it, drawn from the sample's own ids. */
  private static String body(CatalogSnapshot s, Random random) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode learner = body.putObject("learner");
    ArrayNode held = learner.putArray("credentials");
    for (int i = random.nextInt(4); i > 0; i--) {
      held.add(s.credential(random.nextInt(s.credentials().size())).id());
    }
    ArrayNode known = learner.putArray("competencies");
    for (int i = random.nextInt(4); i > 0; i--) {
      known.add(s.competency(random.nextInt(s.competencies().size())).id());
    }
    if (random.nextInt(4) == 0) {
      ArrayNode presented = learner.putArray("presented");
      for (int i = 1 + random.nextInt(2); i > 0; i--) {
        String file = PRESENTABLE.get(random.nextInt(PRESENTABLE.size()));
        String text = Ob3Fixtures.text(file);
        presented.add(file.endsWith(".jwt") ? JSON.getNodeFactory().textNode(text) : readTree(text));
      }
    }
    ObjectNode goal = body.putObject("goal");
    switch (random.nextInt(3)) {
      case 0 -> goal.put("type", "occupation").put("id",
          s.occupation(random.nextInt(s.occupations().size())).id());
      case 1 -> goal.put("type", "pathway").put("id", s.pathway(random.nextInt(s.pathways().size())).id());
      default -> {
        ArrayNode ids = goal.put("type", "competencies").putArray("ids");
        for (int i = 1 + random.nextInt(6); i > 0; i--) {
          ids.add(s.competency(random.nextInt(s.competencies().size())).id());
        }
      }
    }
    if (random.nextBoolean()) {
      ObjectNode constraints = body.putObject("constraints");
      if (random.nextBoolean()) {
        constraints.put("maxCost", random.nextInt(2000));
      }
      if (random.nextBoolean()) {
        constraints.put("maxHours", random.nextInt(300));
      }
      if (random.nextInt(4) == 0) {
        constraints.putArray("modes").add(MODES.get(random.nextInt(MODES.size())));
      }
      if (random.nextInt(4) == 0) {
        constraints.put("creditBearingOnly", true);
      }
      if (random.nextInt(4) == 0) {
        constraints.put("maxEqfLevel", 3 + random.nextInt(5));
      }
    }
    body.put("k", 1 + random.nextInt(30));
    return body.toString();
  }

  private static JsonNode readTree(String text) {
    try {
      return JSON.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The writer's bytes for {@code list} are the mapper's serialization of the compact view records, byte for byte;
   * what they reached is recorded for the coverage check.
   */
  private static void assertWrittenAsTheViews(CatalogSnapshot snapshot, RecommendationList list, SkillDemand demand,
      String at) throws Exception {
    byte[] expected = BYTES.writeValueAsBytes(new Views(snapshot).recommendations(list, demand,
        ExplanationForm.COMPACT));
    byte[] written = new CompactRecommendationsJson(snapshot, BYTES).bytes(list);
    assertEquals(new String(expected, StandardCharsets.UTF_8), new String(written, StandardCharsets.UTF_8), at);
    assertTrue(java.util.Arrays.equals(expected, written), at + "same text, different bytes");
    // as the server writes them: with the strings of the snapshot that earlier answers encoded, kept across answers
    CatalogStrings strings = CatalogStrings.of(snapshot, SHARED_STRINGS.get());
    SHARED_STRINGS.set(strings);
    assertTrue(java.util.Arrays.equals(expected, new CompactRecommendationsJson(BYTES, strings).bytes(list)),
        at + ": different bytes with the strings earlier answers encoded");
    reached(JSON.readTree(written));
  }

  /** Notes which optional or rarely filled parts of the document this answer has. */
  private static void reached(JsonNode answer) {
    note(answer.get("reason").isTextual(), "a reason");
    note(!answer.get("excluded").isEmpty(), "exclusions");
    note(answer.at("/goal/id").isNull(), "a goal without an id");
    note(!answer.at("/holdings/declared/credentials").isEmpty(), "declared credentials");
    note(!answer.at("/holdings/declared/competencies").isEmpty(), "declared competencies");
    note(!answer.at("/holdings/verified").isEmpty(), "verified presented credentials");
    note(!answer.at("/holdings/refused").isEmpty(), "refused presented credentials");
    for (JsonNode item : answer.get("items")) {
      JsonNode credential = item.get("credential");
      JsonNode explanation = item.get("explanation");
      note(credential.has("unknown"), "a credential with unknown facts");
      note(credential.get("eqfLevel").isNull(), "a credential without an EQF level");
      note(credential.get("eqfLevel").isInt(), "a credential with an EQF level");
      note(credential.get("achievementType").isNull(), "a credential without an achievement type");
      note(credential.get("issuer").isNull(), "a credential without an issuer");
      note(!explanation.get("advances").isEmpty(), "requirement steps");
      note(!explanation.get("stacksInto").isEmpty(), "stacking");
      note(!explanation.get("unlocks").isEmpty(), "unlocking");
      note(!explanation.get("missingPrerequisites").isEmpty(), "missing prerequisites");
      note(!explanation.get("missingCompetencies").isEmpty(), "missing competencies");
      note(explanation.has("skills"), "a learned scorer's skills");
      note(explanation.has("unknown"), "an explanation with unknown facts");
    }
  }

  private static void note(boolean present, String part) {
    if (present) {
      REACHED.add(part);
    }
  }

  @AfterAll
  static void theSeedsReachedEveryPartTheWriterWrites() {
    if (FINISHED.get() < 2 * SEEDS) {
      return; // some seeds were run on their own, or failed: what they reached says nothing of the whole
    }
    Set<String> missing = new TreeSet<>(List.of("a reason", "exclusions", "declared credentials",
        "declared competencies", "verified presented credentials", "refused presented credentials",
        "a credential with unknown facts", "a credential without an EQF level", "a credential with an EQF level",
        "a credential without an issuer", "a credential without an achievement type", "an explanation with unknown facts",
        "requirement steps", "stacking", "unlocking", "missing prerequisites", "a learned scorer's skills"));
    missing.removeAll(REACHED);
    assertTrue(missing.isEmpty(), "no seed reached " + missing + "; reached " + REACHED);
  }

  /**
   * What the sample never has, on a catalog made for it: credentials without an issuer, an EQF level, an achievement
   * type or a known workload or cost, and names that need escaping or more than one UTF-8 byte per character.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void writtenFieldByFieldOnACatalogOfOddCredentials(long seed) throws Exception {
    Random random = new Random(seed);
    List<String> names = List.of("Data Mining", "café – Ελληνικά 数据 🧭", "tab\tand \"quotes\" \u0001 <b>&</b>",
        "\u2028line\u2029separators\\", "");
    List<Competency> skills = new ArrayList<>();
    for (int k = 0; k < 12; k++) {
      String name = names.get(random.nextInt(names.size()));
      skills.add(new Competency(k, "http://data.europa.eu/esco/skill/s" + k, "s" + k, name + k, List.of(), "skill",
          "cross-sector", 0.5, 100, ""));
    }
    List<Issuer> issuers = List.of(new Issuer(0, "https://example.org/issuer/" + seed, "issuer-" + seed,
        names.get(random.nextInt(names.size()))));
    List<Credential> credentials = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Set<Credential.Fact> unknown = EnumSet.noneOf(Credential.Fact.class);
      for (Credential.Fact fact : Credential.Fact.values()) {
        if (random.nextInt(3) == 0) {
          unknown.add(fact);
        }
      }
      double cost = unknown.contains(Credential.Fact.COST) ? 0 : random.nextInt(500) + random.nextInt(100) / 100.0;
      double hours = unknown.contains(Credential.Fact.WORKLOAD) ? 0 : random.nextInt(200) / 4.0;
      IntSet requires = i > 0 && random.nextInt(4) == 0 ? IntSet.of(random.nextInt(i)) : IntSet.empty();
      credentials.add(new Credential(i, "https://example.org/credential/" + i + "?q=" + seed, "c" + i,
          names.get(random.nextInt(names.size())) + " " + i, "", CredentialKind.values()[random.nextInt(
          CredentialKind.values().length)], random.nextBoolean() ? "" : "Certificate",
          random.nextBoolean() ? -1 : 0, hours, random.nextInt(3) * 2.5, random.nextInt(9),
          DeliveryMode.values()[random.nextInt(DeliveryMode.values().length)], cost,
          random.nextBoolean() ? "EUR" : "", IntSet.of(random.nextInt(12), random.nextInt(12)), requires,
          IntSet.empty(), List.of(), unknown));
    }
    CatalogSnapshot snapshot = new CatalogSnapshot(seed, Instant.EPOCH, skills, List.of(), credentials, issuers,
        List.of(), skills.stream().map(c -> IntSet.empty()).toList());
    Recommender recommender = Recommender.builder().build();
    for (int q = 0; q < 5; q++) {
      List<String> goal = new ArrayList<>();
      for (int i = 1 + random.nextInt(6); i > 0; i--) {
        goal.add("s" + random.nextInt(12));
      }
      Learner learner = new Learner("odd", List.of("c" + random.nextInt(30)), List.of("s" + random.nextInt(12)));
      RecommendationList list = recommender.recommend(snapshot, new RecommendationRequest(learner,
          new Goal.CompetencyGoal(goal), Constraints.none(), 1 + random.nextInt(20)));
      String at = "seed=" + seed + " request " + q + " goal " + goal + ": ";
      assertWrittenAsTheViews(snapshot, list, null, at);
    }
    FINISHED.incrementAndGet();
  }

  @Test
  void theServerAnswersWithTheWrittenBytes() throws Exception {
    Cairn cairn = transparent.cairn();
    CatalogSnapshot snapshot = cairn.snapshot();
    Random random = new Random(20261203);
    for (int q = 0; q < 10; q++) {
      String body = body(snapshot, random);
      var response = transparent.postJson("/api/recommendations", body);
      TestServer.okJson(response);
      RecommendationList list = cairn.recommend(JsonMapping.read(JSON, body, RequestBodies.RecommendationBody.class)
          .toRequest());
      assertEquals(new String(new CompactRecommendationsJson(snapshot, BYTES).bytes(list), StandardCharsets.UTF_8),
          response.body(), body);
    }
  }
}
