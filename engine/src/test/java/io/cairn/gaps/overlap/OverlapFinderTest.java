package io.cairn.gaps.overlap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Competency;
import io.cairn.catalog.Credential;
import io.cairn.catalog.CredentialKind;
import io.cairn.catalog.DeliveryMode;
import io.cairn.catalog.IntSet;
import io.cairn.gaps.AnalysisScope;
import io.cairn.rank.SampleCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OverlapFinderTest {
  /** The near-duplicates planted in the sample (datasets/sample/README.md, "Planted near-duplicates"). */
  static final Set<Set<String>> PLANTED = Set.of(
      Set.of("cc-data-cleaning-bootcamp", "sf-data-cleaning"),
      Set.of("cc-data-cleaning-express", "sf-data-cleaning"),
      Set.of("cc-data-cleaning-bootcamp", "cc-data-cleaning-express"),
      Set.of("cc-statistics-fundamentals", "sf-statistics-for-analysis"),
      Set.of("cc-statistics-refresher", "sf-statistics-for-analysis"),
      Set.of("cc-statistics-fundamentals", "cc-statistics-refresher"));
  /** The near-duplicates the sample's README names among its original credentials. */
  static final Set<Set<String>> DOCUMENTED = Set.of(
      Set.of("sf-sql-basics", "va-sql-fundamentals"),
      Set.of("sf-social-media-foundations", "bw-social-media-essentials"));

  private static Set<String> ids(CatalogSnapshot s, OverlapPair p) {
    return Set.of(s.credential(p.a()).id(), s.credential(p.b()).id());
  }

  @Test
  void findsThePlantedNearDuplicatesOfTheSample() {
    CatalogSnapshot s = SampleCatalog.snapshot();
    OverlapReport report = OverlapFinder.of(s).find(AnalysisScope.catalog(s).credentials(), 0.5);
    Set<Set<String>> found = new HashSet<>();
    report.pairs().forEach(p -> found.add(ids(s, p)));
    long plantedFound = PLANTED.stream().filter(found::contains).count();
    Set<Set<String>> truth = new HashSet<>(PLANTED);
    truth.addAll(DOCUMENTED);
    long correct = found.stream().filter(truth::contains).count();
    double recall = (double) plantedFound / PLANTED.size();
    double precision = found.isEmpty() ? 0 : (double) correct / found.size();
    System.out.printf(Locale.ROOT, "Overlap finder on the sample (Jaccard >= 0.5, %d credentials, %d candidate"
        + " pairs of %d): %d pairs found; recall on the %d planted pairs %.2f; precision %.2f (%d of %d found pairs"
        + " are planted or documented near-duplicates)%n", s.credentials().size(), report.candidates(),
        (long) s.credentials().size() * (s.credentials().size() - 1) / 2, found.size(), PLANTED.size(), recall,
        precision, correct, found.size());
    // the rest are overlaps between the hand-written originals that the sample's README does not list
    report.pairs().stream().filter(p -> !truth.contains(ids(s, p))).forEach(p -> System.out.printf(Locale.ROOT,
        "  also found: %s ~ %s (Jaccard %.2f)%n", s.credential(p.a()).id(), s.credential(p.b()).id(), p.jaccard()));
    assertEquals(1.0, recall, "every planted pair is found: " + found);
    assertTrue(precision >= 0.35, "precision fell below what was measured (0.38): " + found);
    // each planted family lies in one cluster (with the organic near-duplicates of its original), whose cheapest
    // and shortest member is the original
    for (String original : List.of("sf-data-cleaning", "sf-statistics-for-analysis")) {
      int index = s.findCredential(original).orElseThrow().index();
      OverlapCluster cluster = report.clusters().stream().filter(c -> c.members().contains(index)).findFirst()
          .orElseThrow();
      PLANTED.stream().filter(p -> p.contains(original)).flatMap(Set::stream).forEach(id -> assertTrue(
          cluster.members().contains(s.findCredential(id).orElseThrow().index()), id + " with " + original));
      assertEquals(index, cluster.cheapest(), original);
      assertEquals(index, cluster.shortest(), original);
    }
    OverlapPair within = report.pairs().stream().filter(p -> ids(s, p).equals(Set.of("cc-data-cleaning-bootcamp",
        "cc-data-cleaning-express"))).findFirst().orElseThrow();
    assertTrue(within.sameIssuer());
    assertEquals(3, within.shared().size());
    assertEquals(0.6, within.jaccard(), 1e-9, "3 shared of 5");
  }

  @Test
  void aSkillAndItsBroaderConceptAreRelatedNotEqual() {
    // 0 programming, 1 python (narrower than 0), 2 sql, 3 statistics
    CatalogSnapshot s = tiny(List.of(IntSet.empty(), IntSet.of(0), IntSet.empty(), IntSet.empty()),
        List.of(IntSet.of(0, 2), IntSet.of(1, 2), IntSet.of(2, 3)));
    SkillSimilarity similarity = new SkillSimilarity(s);
    // {programming, sql} vs {python, sql}: sql 1, programming~python 0.5 each way: overlap 1.5 of 2 + 2 - 1.5
    assertEquals(1.5 / 2.5, similarity.score(0, 1).jaccard(), 1e-9);
    assertEquals(0.75, similarity.score(0, 1).containment(), 1e-9);
    // with no related skill it is the plain Jaccard: {python, sql} vs {sql, statistics} = 1 / 3
    assertEquals(1.0 / 3, similarity.score(1, 2).jaccard(), 1e-9);
    // the finder's bound before scoring is reached when every unshared skill is related: 1 shared of 2 + 2
    assertEquals(similarity.score(0, 1).jaccard(), OverlapFinder.upperBound(1, 4), 1e-12);
    assertEquals(1.0, OverlapFinder.upperBound(2, 4), 1e-12, "all shared");
    // with B's side exact: python is related to programming (1 related), so the bound stays 0.6; with none, lower
    assertEquals(0.6, OverlapFinder.upperBound(2, 2, 1, 1), 1e-12);
    assertEquals(1.25 / 2.75, OverlapFinder.upperBound(2, 2, 1, 0), 1e-12);
  }

  static Stream<Arguments> seeds() {
    return IntStream.range(0, 8).mapToObj(i -> Arguments.of(1_000L + i, 0.3 + 0.05 * i));
  }

  /** The prefix filter loses nothing: it finds exactly the pairs comparing every pair finds. */
  @ParameterizedTest(name = "seed {0}, threshold {1}")
  @MethodSource("seeds")
  void findsExactlyWhatComparingEveryPairFinds(long seed, double threshold) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int skills = 60;
    List<IntSet> broader = new ArrayList<>();
    for (int k = 0; k < skills; k++) {
      broader.add(k >= 10 && rnd.nextInt(3) == 0 ? IntSet.of(rnd.nextInt(10)) : IntSet.empty());
    }
    List<IntSet> teaches = new ArrayList<>();
    for (int c = 0; c < 300; c++) {
      if (c > 0 && rnd.nextInt(4) == 0) {
        // a variant of an earlier credential, so there are near-duplicates to find
        List<Integer> copy = new ArrayList<>(teaches.get(rnd.nextInt(c)).stream().boxed().toList());
        copy.remove(rnd.nextInt(copy.size()));
        copy.add(rnd.nextInt(skills));
        teaches.add(IntSet.of(copy));
      } else {
        int n = 2 + rnd.nextInt(7);
        teaches.add(IntSet.of(IntStream.range(0, n).map(i -> rnd.nextInt(skills)).toArray()));
      }
    }
    CatalogSnapshot s = tiny(broader, teaches);
    SkillSimilarity similarity = new SkillSimilarity(s);
    Set<List<Integer>> expected = new HashSet<>();
    for (int a = 0; a < teaches.size(); a++) {
      for (int b = a + 1; b < teaches.size(); b++) {
        int shared = teaches.get(a).intersectionSize(teaches.get(b));
        double jaccard = similarity.score(a, b).jaccard();
        int sizeSum = teaches.get(a).size() + teaches.get(b).size();
        if (jaccard > OverlapFinder.upperBound(shared, sizeSum) + 1e-12) {
          fail("seed " + seed + ": " + a + "~" + b + " Jaccard " + jaccard + " above the finder's bound on " + shared
              + " shared skills");
        }
        if (shared > 0 && jaccard >= threshold - 1e-12) {
          expected.add(List.of(a, b));
        }
      }
    }
    OverlapReport report = new OverlapFinder(s, Integer.MAX_VALUE).find(AnalysisScope.catalog(s).credentials(),
        threshold);
    Set<List<Integer>> found = new HashSet<>();
    report.pairs().forEach(p -> found.add(List.of(p.a(), p.b())));
    Set<List<Integer>> missed = new HashSet<>(expected);
    missed.removeAll(found);
    Set<List<Integer>> extra = new HashSet<>(found);
    extra.removeAll(expected);
    assertTrue(missed.isEmpty() && extra.isEmpty(), "seed " + seed + ": missed " + missed + ", extra " + extra);
    assertTrue(expected.size() > 5, "seed " + seed + ": the generator makes near-duplicates: " + expected.size());
    assertTrue(report.candidates() < 300L * 299 / 2, "seed " + seed + ": the index proposes fewer than all pairs");
    assertTrue(report.scored() <= report.candidates() && report.scored() >= found.size(), "seed " + seed + ": "
        + report.scored() + " scored of " + report.candidates() + " candidates, " + found.size() + " found");
  }

  static CatalogSnapshot tiny(List<IntSet> broader, List<IntSet> teaches) {
    List<Competency> competencies = new ArrayList<>();
    for (int i = 0; i < broader.size(); i++) {
      competencies.add(new Competency(i, "http://data.europa.eu/esco/skill/s" + i, "s" + i, "skill " + i,
          List.of(), "skill", "cross-sector", 0, 0, ""));
    }
    List<Credential> credentials = new ArrayList<>();
    for (int c = 0; c < teaches.size(); c++) {
      credentials.add(new Credential(c, "https://w3id.org/cairn/id/credential/c" + c, "c" + c, "credential " + c,
          "", CredentialKind.OTHER, "Badge", -1, 10 + c, 0, 0, DeliveryMode.ONLINE, c, "EUR", teaches.get(c),
          IntSet.empty(), IntSet.empty(), List.of()));
    }
    return new CatalogSnapshot(1, Instant.EPOCH, competencies, List.of(), credentials, List.of(), List.of(), broader);
  }
}
