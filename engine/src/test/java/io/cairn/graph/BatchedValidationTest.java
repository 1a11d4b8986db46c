package io.cairn.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.cairn.catalog.CatalogSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Validating the nodes a load adds to in one batch ({@link ShapeValidator#validate(Graph, java.util.Collection)})
 * reports exactly what Jena's one validation per node reports ({@link ShapeValidator#validateEach}), and a load
 * refused on them leaves the store as it was: on seeded random catalogs with random breakages.
 */
class BatchedValidationTest {
  private static final String PREFIXES = """
      @prefix cairn: <https://w3id.org/cairn/ns#> .
      @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
      @prefix esco: <http://data.europa.eu/esco/model#> .
      @prefix elm: <http://data.europa.eu/snb/model/elm/> .
      @prefix ceterms: <https://purl.org/ctdl/terms/> .
      @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
      """;
  private static final String ID = "https://w3id.org/cairn/id/";
  private static final ShapeValidator VALIDATOR = ShapeValidator.cairn();

  private static LiveCatalog catalog;
  private static String issuer;
  private static List<String> skills;
  private static String existingCredential;

  @BeforeAll
  static void loadSample() {
    catalog = new LiveCatalog(GraphStore.inMemory());
    catalog.load(SampleData.sources());
    CatalogSnapshot s = catalog.snapshot();
    issuer = s.issuer(0).iri();
    skills = s.competencies().stream().filter(c -> !c.skillType().equals("skill-group")).limit(5)
        .map(c -> c.iri()).toList();
    existingCredential = s.credential(0).iri();
  }

  @AfterAll
  static void close() {
    catalog.close();
  }

  static Stream<Arguments> seeds() {
    return LongStream.range(1, 13).mapToObj(seed -> Arguments.of(seed, catalogTurtle(new Random(seed))));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void batchedValidationReportsWhatOneValidationPerNodeReports(long seed, String turtle) {
    Graph added = RdfSource.fromText("random-" + seed + ".ttl", turtle, Lang.TURTLE).graph();
    List<Violation> batched = catalog.store().readDataset(dsg -> {
      MultiUnion data = new MultiUnion(new Graph[] {dsg.getUnionGraph(), added});
      Set<Node> focus = VALIDATOR.focusNodes(List.of(added));
      List<Violation> each = VALIDATOR.validateEach(data, focus);
      List<Violation> once = VALIDATOR.validate(data, focus);
      assertEquals(each, once, "seed " + seed);
      return once;
    });
    assertFalse(batched.stream().noneMatch(Violation::refuses), "seed " + seed + " broke nothing: " + turtle);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aRefusedLoadReportsWhatTheDryRunReportsAndLeavesTheStore(long seed, String turtle) {
    RdfSource source = RdfSource.fromText("random-" + seed + ".ttl", turtle, Lang.TURTLE);
    long version = catalog.store().version();
    List<Violation> dryRun = catalog.store().validate(List.of(source)).stream().filter(Violation::refuses).toList();
    LoadRejectedException e = org.junit.jupiter.api.Assertions.assertThrows(LoadRejectedException.class,
        () -> catalog.store().load(List.of(source)), "seed " + seed);
    assertEquals(dryRun, e.violations(), "seed " + seed);
    assertEquals(version, catalog.store().version(), "seed " + seed);
    assertFalse(catalog.store().sources().contains(source.graphName()), "seed " + seed);
  }

  /** A few credentials, skills and occupations, each valid or broken in one or two random ways; at least one is. */
  private static String catalogTurtle(Random random) {
    StringBuilder ttl = new StringBuilder(PREFIXES);
    int n = 3 + random.nextInt(6);
    boolean broken = false;
    for (int i = 0; i < n; i++) {
      int breakages = i == n - 1 && !broken ? 1 + random.nextInt(2) : random.nextInt(3) == 0 ? 1 : 0;
      broken |= breakages > 0;
      List<Integer> ways = new ArrayList<>();
      for (int b = 0; b < breakages; b++) {
        ways.add(random.nextInt(12));
      }
      switch (random.nextInt(4)) {
        case 0 -> ttl.append(skill(i, ways));
        case 1 -> ttl.append(occupation(i, ways));
        default -> ttl.append(credential(i, ways, random));
      }
    }
    return ttl.toString();
  }

  private static String credential(int i, List<Integer> ways, Random random) {
    String iri = "<" + ID + "credential/random-" + i + ">";
    String type = random.nextBoolean() ? "ceterms:OpenBadge , elm:LearningAchievementSpecification" : "elm:Qualification";
    String skill = skills.get(random.nextInt(skills.size()));
    StringBuilder s = new StringBuilder(iri + " a " + type + " ;\n");
    if (!ways.contains(0)) {
      s.append("  ceterms:name \"Random ").append(i).append("\"@en ;\n");
    }
    s.append("  ceterms:ownedBy <").append(ways.contains(1) ? ID + "issuer/missing" : issuer).append("> ;\n");
    s.append("  elm:volumeOfLearning ").append(ways.contains(2) ? "\"ten hours\"" : "\"PT10H\"^^xsd:duration")
        .append(" ;\n");
    s.append("  elm:mode <http://data.europa.eu/snb/learning-assessment/")
        .append(ways.contains(3) ? "nonsense" : "920fbb3cbe").append("> ;\n");
    if (ways.contains(4)) {
      s.append("  ceterms:estimatedCost [ a ceterms:CostProfile ; ceterms:price -5.0 ; ceterms:currency \"EUR\" ] ;\n");
    }
    if (ways.contains(5)) {
      s.append("  cairn:stacksInto [ a cairn:StackingLink ; cairn:stackTarget <").append(ID)
          .append("credential/nope> ] ;\n");
    }
    if (ways.contains(6)) {
      s.append("  elm:EQFLevel <http://data.europa.eu/snb/eqf/9> ;\n");
    }
    if (ways.contains(7)) {
      s.append("  elm:learningOutcome [ a elm:LearningOutcome ] ;\n");
    }
    s.append("  elm:learningOutcome [ a elm:LearningOutcome ; elm:relatedESCOSkill <").append(skill).append("> ] .\n");
    if (ways.contains(8)) {
      s.append("<").append(existingCredential).append("> ceterms:ownedBy <").append(ID).append("issuer/extra> .\n");
    }
    return s.toString();
  }

  private static String skill(int i, List<Integer> ways) {
    String iri = "<http://data.europa.eu/esco/skill/random-" + i + ">";
    StringBuilder s = new StringBuilder(iri + " a esco:Skill , skos:Concept ;\n");
    if (!ways.contains(0) && !ways.contains(9)) {
      s.append("  skos:prefLabel \"random ").append(i).append("\"@en ;\n");
    }
    if (ways.contains(10) || ways.contains(2)) {
      s.append("  esco:skillType <http://data.europa.eu/esco/skill-type/skill> , ")
          .append("<http://data.europa.eu/esco/skill-type/knowledge> ;\n");
    }
    s.append("  skos:broader <").append(ways.contains(11) || ways.contains(1) ? "http://data.europa.eu/esco/skill/gone"
        : skills.getFirst()).append("> .\n");
    return s.toString();
  }

  private static String occupation(int i, List<Integer> ways) {
    String iri = "<http://data.europa.eu/esco/occupation/random-" + i + ">";
    StringBuilder s = new StringBuilder(iri + " a esco:Occupation ;\n");
    if (ways.isEmpty() || ways.getFirst() % 2 == 0) {
      s.append("  skos:prefLabel \"random ").append(i).append("\"@en ;\n");
    }
    s.append("  esco:relatedEssentialSkill <").append(skills.getLast()).append("> ;\n");
    s.append("  esco:relatedOptionalSkill <").append(ways.isEmpty() ? skills.getFirst()
        : "http://data.europa.eu/esco/skill/not-in-store-" + i).append("> .\n");
    return s.toString();
  }
}
