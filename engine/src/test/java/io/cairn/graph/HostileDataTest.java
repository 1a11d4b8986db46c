package io.cairn.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.catalog.Requirement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Data that an attacker or an unlucky operator could write, each refused at load with a message that says what
 * is wrong, and the TDB2 store left exactly as it was (same version, same content digest): non-finite and
 * absurd numbers, requirement trees nested too deep (20,000 levels too, quickly), cycles, and chains of
 * stacking and prerequisites too long to walk.
 */
class HostileDataTest {
  private static final String PREFIXES = """
      @prefix cairn: <https://w3id.org/cairn/ns#> .
      @prefix elm: <http://data.europa.eu/snb/model/elm/> .
      @prefix ceterms: <https://purl.org/ctdl/terms/> .
      @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
      @prefix prov: <http://www.w3.org/ns/prov#> .
      @prefix cred: <https://w3id.org/cairn/id/credential/> .
      @prefix cond: <https://w3id.org/cairn/id/condition/> .
      """;
  private static final String ISSUER = "<https://w3id.org/cairn/id/issuer/skillforge>";
  private static final String SKILL = "<http://data.europa.eu/esco/skill/1973c966-f236-40c9-b2d4-5d71a89019be>";

  @TempDir
  static Path dir;
  private static LiveCatalog catalog;
  private static StoreDigest before;
  private static long version;

  @BeforeAll
  static void loadSample() {
    catalog = new LiveCatalog(GraphStore.onDisk(dir.resolve("tdb2")));
    catalog.load(SampleData.sources());
    rememberTheStore();
  }

  /** What a refused load must leave; taken again by the one test that loads something. */
  private static void rememberTheStore() {
    before = StoreDigest.of(catalog.store());
    version = catalog.store().version();
  }

  @AfterAll
  static void close() {
    catalog.close();
  }

  /** A credential that conforms but for what {@code extra} adds or changes. */
  static String credential(String id, String price, String extra) {
    return "cred:" + id + " a ceterms:OpenBadge , elm:LearningAchievementSpecification ;\n"
        + "  ceterms:name \"" + id + "\" ; ceterms:ownedBy " + ISSUER + " ;\n"
        + "  elm:volumeOfLearning \"PT10H\"^^xsd:duration ;\n"
        + "  elm:mode <http://data.europa.eu/snb/learning-assessment/920fbb3cbe> ;\n"
        + "  ceterms:estimatedCost [ a ceterms:CostProfile ; ceterms:price " + price
        + " ; ceterms:currency \"EUR\" ] ;\n"
        + "  elm:learningOutcome [ a elm:LearningOutcome ; elm:relatedESCOSkill " + SKILL + " ]" + extra + " .\n";
  }

  /**
   * A pathway {@code name} whose destination's condition nests {@code depth} conditions, the deepest naming a
   * credential; its nodes are named after it, so trees of different names never share one.
   */
  static String deepTree(String name, int depth) {
    StringBuilder turtle = new StringBuilder(PREFIXES).append("""
        <https://w3id.org/cairn/id/pathway/NAME> a ceterms:Pathway ; ceterms:name "NAME" ;
          ceterms:hasDestinationComponent <https://w3id.org/cairn/id/component/NAME-dest> .
        <https://w3id.org/cairn/id/component/NAME-dest> a ceterms:CredentialComponent ; ceterms:name "Destination" ;
          ceterms:proxyFor cred:nb-cert-data-analytics ; ceterms:hasCondition cond:NAME-0 .
        <https://w3id.org/cairn/id/component/NAME-leaf> a ceterms:CredentialComponent ; ceterms:name "Leaf" ;
          ceterms:proxyFor cred:sf-sql-basics .
        """.replace("NAME", name));
    for (int i = 0; i < depth; i++) {
      turtle.append("cond:").append(name).append('-').append(i).append(" a ceterms:ComponentCondition ;"
          + " ceterms:name \"level ").append(i).append("\" ; ").append(i + 1 < depth
              ? "ceterms:hasCondition cond:" + name + "-" + (i + 1)
              : "ceterms:targetComponent <https://w3id.org/cairn/id/component/" + name + "-leaf>").append(" .\n");
    }
    return turtle.toString();
  }

  /**
   * A pathway of 2 conditions per level, {@code levels} deep, each nesting both of the next level's: 2 * levels
   * conditions in the file, 2^levels requirements once spelled out into the tree Cairn builds.
   */
  static String diamonds(int levels) {
    String top = "cond:diamonds-0 a ceterms:ComponentCondition ; ceterms:name \"level 0\" ; ";
    StringBuilder turtle = new StringBuilder(deepTree("diamonds", 1).replace(
        top + "ceterms:targetComponent <https://w3id.org/cairn/id/component/diamonds-leaf> .\n",
        top + "ceterms:hasCondition cond:a-1 , cond:b-1 .\n"));
    for (int i = 1; i <= levels; i++) {
      for (String side : List.of("a", "b")) {
        turtle.append("cond:").append(side).append('-').append(i).append(" a ceterms:ComponentCondition ;"
            + " ceterms:name \"").append(side).append(i).append("\" ; ").append(i < levels
                ? "ceterms:hasCondition cond:a-" + (i + 1) + " , cond:b-" + (i + 1)
                : "ceterms:targetComponent <https://w3id.org/cairn/id/component/diamonds-leaf>").append(" .\n");
      }
    }
    return turtle.toString();
  }

  /** {@code n} credentials, each stacking into (or requiring) the next. */
  static String chain(int n, boolean stacking) {
    StringBuilder turtle = new StringBuilder(PREFIXES);
    for (int i = 0; i < n; i++) {
      String link = i + 1 == n ? "" : stacking
          ? " ;\n  cairn:stacksInto [ a cairn:StackingLink ; cairn:stackTarget cred:chain-" + (i + 1) + " ]"
          : " ;\n  ceterms:requires [ a ceterms:ConditionProfile ; ceterms:targetCredential cred:chain-"
              + (i + 1) + " ]";
      turtle.append(credential("chain-" + i, "10", link));
    }
    return turtle.toString();
  }

  static Stream<Arguments> hostile() {
    String twoConditionCycle = PREFIXES + """
        <https://w3id.org/cairn/id/pathway/loop> a ceterms:Pathway ; ceterms:name "Loop" ;
          ceterms:hasDestinationComponent <https://w3id.org/cairn/id/component/loop-dest> .
        <https://w3id.org/cairn/id/component/loop-dest> a ceterms:CredentialComponent ; ceterms:name "Destination" ;
          ceterms:proxyFor cred:nb-cert-data-analytics ; ceterms:hasCondition cond:loop-a .
        cond:loop-a a ceterms:ComponentCondition ; ceterms:name "A" ; ceterms:hasCondition cond:loop-b .
        cond:loop-b a ceterms:ComponentCondition ; ceterms:name "B" ; ceterms:hasCondition cond:loop-a .
        """;
    String stackingCycle = PREFIXES
        + credential("ring-a", "1", " ;\n  cairn:stacksInto [ a cairn:StackingLink ; cairn:stackTarget cred:ring-b ]")
        + credential("ring-b", "1", " ;\n  cairn:stacksInto [ a cairn:StackingLink ; cairn:stackTarget cred:ring-a ]");
    String requires = " ;\n  ceterms:requires [ a ceterms:ConditionProfile ; ceterms:targetCredential cred:";
    String prerequisiteCycle = PREFIXES + credential("egg", "1", requires + "hen ]")
        + credential("hen", "1", requires + "egg ]");
    return Stream.of(
        Arguments.of("price INF", PREFIXES + credential("inf", "\"INF\"^^xsd:double", ""),
            "ceterms:price must be one finite number"),
        Arguments.of("price -INF", PREFIXES + credential("minus-inf", "\"-INF\"^^xsd:double", ""),
            "ceterms:price must be one finite number"),
        Arguments.of("price NaN", PREFIXES + credential("nan", "\"NaN\"^^xsd:double", ""),
            "ceterms:price must be one finite number"),
        Arguments.of("price 1e400 (a double that overflows)",
            PREFIXES + credential("huge", "\"1e400\"^^xsd:double", ""),
            "ceterms:price must be one finite number"),
        Arguments.of("price of 400 digits", PREFIXES + credential("digits", "1" + "0".repeat(400) + ".0", ""),
            "ceterms:price must be one finite number"),
        Arguments.of("ECTS of 400 digits", PREFIXES + credential("ects", "1", " ;\n  elm:creditPoint [ elm:point \"1"
            + "0".repeat(400) + "\" ; elm:framework <http://data.europa.eu/snb/education-credit/6fcec5c5af> ]"),
            "elm:point must be one number of ECTS"),
        Arguments.of("a workload of 9,999,999 hours", PREFIXES + credential("forever", "1", "").replace("PT10H",
            "PT9999999H"), "elm:volumeOfLearning must be one xsd:duration"),
        Arguments.of("transfer credits INF", PREFIXES + credential("transfer", "1",
            " ;\n  cairn:stacksInto [ a cairn:StackingLink ; cairn:stackTarget cred:nb-cert-data-analytics ;"
                + " cairn:transferCredits \"INF\"^^xsd:double ]"), "cairn:transferCredits must be one finite number"),
        Arguments.of("minimum credits INF", deepTree("credits", 1).replace("ceterms:name \"level 0\" ;",
            "ceterms:name \"level 0\" ; cairn:minimumCredits \"INF\"^^xsd:double ;"),
            "cairn:minimumCredits must be one finite number"),
        Arguments.of("demand index NaN", PREFIXES + SKILL + " cairn:demand [ a cairn:DemandObservation ;"
            + " cairn:demandIndex \"NaN\"^^xsd:double ;"
            + " prov:wasDerivedFrom <https://w3id.org/cairn/id/dataset/illustrative-demand> ] .\n",
            "cairn:demandIndex must be one number between 0 and 1"),
        Arguments.of("a tree " + (Requirement.MAX_NESTING + 1) + " deep",
            deepTree("deep", Requirement.MAX_NESTING + 1),
            "nests conditions " + (Requirement.MAX_NESTING + 1) + " deep"),
        Arguments.of("a cycle of conditions", twoConditionCycle, "A condition cannot contain itself"),
        Arguments.of("40 shared conditions spelling out to 2^20", diamonds(20),
            "requirements once the conditions it shares between parents are spelled out"),
        Arguments.of("a stacking cycle", stackingCycle, "A credential cannot stack into itself"),
        Arguments.of("a prerequisite cycle", prerequisiteCycle, "A credential cannot require itself"),
        Arguments.of("a stacking chain of 40", chain(40, true), "chain of 39 stacking links"),
        Arguments.of("a prerequisite chain of 40", chain(40, false), "chain of 39 prerequisites"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void isRefusedWithAClearErrorAndTheStoreUnchanged(String what, String turtle, String message) {
    RdfSource source = RdfSource.fromText("hostile.ttl", turtle, Lang.TURTLE);
    LoadRejectedException e = assertThrows(LoadRejectedException.class, () -> catalog.load(List.of(source)), what);
    assertTrue(e.violations().stream().anyMatch(v -> v.message().contains(message)),
        what + ": expected a violation saying '" + message + "', got " + e.violations());
    assertUnchanged();
  }

  @Test
  void aTwentyThousandDeepTreeIsRefusedQuicklySayingTheLimit() {
    String turtle = deepTree("deep", 20_000);
    // a generous bound that only catches a hang: this once ran 220 s and died with a stack overflow
    LoadRejectedException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(
        LoadRejectedException.class, () -> catalog.load(List.of(RdfSource.fromText("deep.ttl", turtle, Lang.TURTLE)))));
    assertEquals(1, e.violations().size(), e.violations().toString());
    Violation v = e.violations().getFirst();
    assertEquals("https://w3id.org/cairn/id/component/deep-dest", v.focusNode());
    assertTrue(v.message().contains("20,000 deep") && v.message().contains("at most " + Requirement.MAX_NESTING),
        v.message());
    assertUnchanged();
  }

  @Test
  void aTreeAtTheLimitLoadsAndAudits() {
    // it stays: its nodes are named apart from the other cases', which compare with the store as it is now
    catalog.load(List.of(RdfSource.fromText("at-the-limit.ttl", deepTree("limit", Requirement.MAX_NESTING),
        Lang.TURTLE)));
    rememberTheStore();
    var pathway = catalog.snapshot().findPathway("limit").orElseThrow();
    Requirement node = pathway.destinations().getFirst().requirement();
    int depth = 0;
    while (node instanceof Requirement.Condition c) {
      depth++;
      node = c.children().getFirst();
    }
    assertEquals(Requirement.MAX_NESTING, depth);
    var audit = io.cairn.audit.Auditor.standard().audit(catalog.snapshot(), pathway,
        new io.cairn.audit.Holdings(io.cairn.catalog.IntSet.empty(), io.cairn.catalog.IntSet.empty()), List.of());
    assertEquals(io.cairn.audit.Status.MISSING, audit.status());
  }

  @Test
  void aTreeWrittenPastTheShapesStopsTheSnapshotWithAMessageNotAStackOverflow(@TempDir Path other) {
    // a store an older Cairn (or another tool) filled with a 1,200-deep tree: the compiler refuses to walk it (the
    // tree is built before its leaves' credentials are looked up, so the tree alone shows it)
    Path store = other.resolve("tdb2");
    GraphStore.onDisk(store).close();
    var dataset = org.apache.jena.tdb2.TDB2Factory.connectDataset(store.toString());
    org.apache.jena.system.Txn.executeWrite(dataset, () -> dataset.asDatasetGraph().addGraph(
        org.apache.jena.graph.NodeFactory.createURI(RdfSource.GRAPH_PREFIX + "deep"),
        RdfSource.fromText("deep.ttl", deepTree("deep", 1_200), Lang.TURTLE).graph()));
    org.apache.jena.tdb2.sys.TDBInternal.expel(dataset.asDatasetGraph());
    try (GraphStore opened = GraphStore.onDiskReadOnly(store)) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> new LiveCatalog(opened));
      assertTrue(e.getMessage().contains("nests conditions deeper than " + Requirement.MAX_NESTING), e.getMessage());
    }
  }

  private static void assertUnchanged() {
    assertEquals(version, catalog.store().version(), "a refused load committed");
    assertEquals(before, StoreDigest.of(catalog.store()), "a refused load changed the store's content");
  }
}
