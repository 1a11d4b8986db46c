package io.cairn.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.catalog.CatalogSnapshot;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed data is refused whole, with the right focus node, and the store is left exactly as it was. */
class ShapeRefusalTest {
  private static final String PREFIXES = """
      @prefix cairn: <https://w3id.org/cairn/ns#> .
      @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
      @prefix esco: <http://data.europa.eu/esco/model#> .
      @prefix elm: <http://data.europa.eu/snb/model/elm/> .
      @prefix ceterms: <https://purl.org/ctdl/terms/> .
      @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
      @prefix id: <https://w3id.org/cairn/id/> .
      """;

  /** A credential that conforms, built from a real sample issuer and skill; the cases below each break one rule. */
  private static String credential(String iri, String body) {
    return PREFIXES + "<" + iri + "> a ceterms:OpenBadge , elm:LearningAchievementSpecification ;\n" + body + " .\n";
  }

  private static LiveCatalog catalog;
  private static String issuer;
  private static String skill;
  private static String existingCredential;

  @BeforeAll
  static void loadSample() {
    catalog = new LiveCatalog(GraphStore.inMemory());
    catalog.load(SampleData.sources());
    CatalogSnapshot s = catalog.snapshot();
    issuer = s.issuer(0).iri();
    skill = s.competencies().stream().filter(c -> !c.skillType().equals("skill-group")).findFirst().orElseThrow().iri();
    existingCredential = s.credential(0).iri();
  }

  @AfterAll
  static void close() {
    catalog.close();
  }

  private static String valid(String extra) {
    return "  ceterms:name \"Test badge\"@en ;\n"
        + "  ceterms:ownedBy <" + issuer + "> ;\n"
        + "  elm:volumeOfLearning \"PT10H\"^^xsd:duration ;\n"
        + "  elm:mode <http://data.europa.eu/snb/learning-assessment/920fbb3cbe> ;\n"
        + "  elm:learningOutcome [ a elm:LearningOutcome ; elm:relatedESCOSkill <" + skill + "> ]" + extra;
  }

  static Stream<Arguments> malformed() {
    String bad = "https://w3id.org/cairn/id/credential/test-bad";
    return Stream.of(
        Arguments.of("missing name", bad, credential(bad, valid("").replace("  ceterms:name \"Test badge\"@en ;\n", ""))),
        Arguments.of("unknown mode", bad, credential(bad, valid("").replace("920fbb3cbe", "nonsense"))),
        Arguments.of("negative price", bad, credential(bad, valid(
            " ;\n  ceterms:estimatedCost [ a ceterms:CostProfile ; ceterms:price -5.0 ; ceterms:currency \"EUR\" ]"))),
        Arguments.of("stack target missing", bad, credential(bad, valid(
            " ;\n  cairn:stacksInto [ a cairn:StackingLink ; cairn:stackTarget id:credential\\/nope ; cairn:transferCredits 2.0 ]"))),
        Arguments.of("self prerequisite", bad, credential(bad, valid(
            " ;\n  ceterms:requires [ a ceterms:ConditionProfile ; ceterms:targetCredential <" + bad + "> ]"))),
        Arguments.of("workload not a duration", bad, credential(bad, valid("").replace("\"PT10H\"^^xsd:duration", "\"ten hours\""))),
        Arguments.of("impossible requiredNumber", "https://w3id.org/cairn/id/condition/test-bad",
            PREFIXES + "id:condition\\/test-bad a ceterms:ComponentCondition ; ceterms:name \"x\" ;\n"
                + "  ceterms:requiredNumber 3 ; ceterms:targetComponent id:component\\/test-c .\n"
                + "id:component\\/test-c a ceterms:CredentialComponent ; ceterms:proxyFor <" + existingCredential + "> .\n"),
        // a new file may add triples to data already in the store: the existing node is checked too
        Arguments.of("second issuer for a stored credential", "EXISTING",
            PREFIXES + "<EXISTING> ceterms:ownedBy <https://w3id.org/cairn/id/issuer/extra> .\n"),
        Arguments.of("broader concept missing", "http://data.europa.eu/esco/skill/test-bad",
            PREFIXES + "<http://data.europa.eu/esco/skill/test-bad> a esco:Skill , skos:Concept ;\n"
                + "  skos:prefLabel \"test\"@en ; skos:broader <http://data.europa.eu/esco/skill/does-not-exist> .\n"),
        // the focus is the missing skill, which the new file only points at
        Arguments.of("occupation links a missing skill", "http://data.europa.eu/esco/skill/not-in-store",
            PREFIXES + "<http://data.europa.eu/esco/occupation/test-bad> a esco:Occupation ;\n"
                + "  skos:prefLabel \"test\"@en ; esco:relatedEssentialSkill <" + skill + "> ;\n"
                + "  esco:relatedOptionalSkill <http://data.europa.eu/esco/skill/not-in-store> .\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void refusedWholeWithFocusNodeAndStoreUnchanged(String why, String focusTemplate, String turtleTemplate) {
    String focus = focusTemplate.replace("EXISTING", existingCredential);
    String turtle = turtleTemplate.replace("EXISTING", existingCredential);
    long versionBefore = catalog.store().version();
    List<String> sourcesBefore = catalog.store().sources();
    CatalogSnapshot snapshotBefore = catalog.snapshot();
    RdfSource good = RdfSource.fromText("extra-good.ttl", PREFIXES
        + "<https://w3id.org/cairn/id/issuer/extra> a ceterms:CredentialOrganization ; ceterms:name \"Extra\" .\n",
        Lang.TURTLE);
    RdfSource broken = RdfSource.fromText("broken.ttl", turtle, Lang.TURTLE);

    LoadRejectedException e = assertThrows(LoadRejectedException.class, () -> catalog.load(List.of(good, broken)), why);

    assertFalse(e.violations().isEmpty(), why);
    assertTrue(e.violations().stream().anyMatch(v -> focus.equals("_:") ? v.focusNode().startsWith("_:")
        : v.focusNode().equals(focus)), () -> why + ": expected focus " + focus + " in " + e.violations());
    assertTrue(e.violations().stream().allMatch(v -> !v.message().isBlank()), why);
    assertEquals(versionBefore, catalog.store().version(), why + ": version moved");
    assertEquals(sourcesBefore, catalog.store().sources(), why + ": a graph was written");
    assertEquals(snapshotBefore, catalog.snapshot(), why + ": the snapshot was swapped");
    assertTrue(catalog.snapshot().findIssuer("extra").isEmpty(), why + ": the good half of the load leaked");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void validateReportsTheSameWithoutWriting(String why, String focus, String turtleTemplate) {
    String turtle = turtleTemplate.replace("EXISTING", existingCredential);
    long versionBefore = catalog.store().version();
    List<Violation> violations = catalog.store().validate(List.of(RdfSource.fromText("broken.ttl", turtle, Lang.TURTLE)));
    assertFalse(violations.isEmpty(), why);
    assertEquals(versionBefore, catalog.store().version(), why);
  }
}
