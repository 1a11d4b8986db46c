package io.cairn.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.audit.Auditor;
import io.cairn.audit.Holdings;
import io.cairn.rank.GoalTargets;
import io.cairn.rank.RandomRequests;
import io.cairn.rank.RecommendationList;
import io.cairn.rank.RecommendationRequest;
import io.cairn.rank.Recommender;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Asserts that two snapshots are the same catalog: equal entities, equal derived lookups, and equal answers to
 * seeded random recommendation requests (both scorers' re-rankers as the default recommender runs them) and to
 * audits of every pathway with random holdings. Each side gets its own recommender, so no cache is shared.
 */
public final class SameCatalog {
  private SameCatalog() {}

  /** {@code what} prefixes every failure message (say the seed there). */
  public static void assertSame(CatalogSnapshot expected, CatalogSnapshot actual, long seed, int requests,
      String what) {
    Supplier<String> at = () -> what + " (seed " + seed + ")";
    assertEquals(expected.version(), actual.version(), at);
    assertEquals(expected.competencies(), actual.competencies(), at);
    assertEquals(expected.occupations(), actual.occupations(), at);
    assertEquals(expected.issuers(), actual.issuers(), at);
    assertEquals(expected.credentials(), actual.credentials(), at);
    assertEquals(expected.pathways(), actual.pathways(), at);
    for (int k = 0; k < expected.competencies().size(); k++) {
      assertEquals(expected.broader(k), actual.broader(k), at);
      assertEquals(expected.ancestors(k), actual.ancestors(k), at);
      assertEquals(expected.coveredBy(k), actual.coveredBy(k), at);
      assertEquals(expected.taughtWithoutPrerequisites(k), actual.taughtWithoutPrerequisites(k), at);
    }
    for (int c = 0; c < expected.credentials().size(); c++) {
      assertEquals(expected.covers(c), actual.covers(c), at);
      assertEquals(expected.stacksIntoClosure(c), actual.stacksIntoClosure(c), at);
      assertEquals(expected.unlocks(c), actual.unlocks(c), at);
      Credential credential = expected.credential(c);
      assertEquals(c, actual.findCredential(credential.iri()).orElseThrow().index(), at);
    }
    if (expected.pathways().isEmpty() || expected.occupations().isEmpty() || expected.credentials().isEmpty()) {
      return;
    }
    Recommender left = Recommender.builder().build();
    Recommender right = Recommender.builder().build();
    Random random = new Random(seed);
    for (int i = 0; i < requests; i++) {
      RecommendationRequest request = RandomRequests.draw(expected, random);
      int n = i;
      assertEquals(comparable(left.recommend(expected, request)), comparable(right.recommend(actual, request)),
          () -> at.get() + ": request " + n + " " + request);
    }
    for (Pathway pathway : expected.pathways()) {
      // a pathway's audit with random holdings, as the advisor's audit answers it
      BitSet held = new BitSet();
      random.ints(random.nextInt(8), 0, expected.credentials().size()).forEach(held::set);
      BitSet known = new BitSet();
      random.ints(random.nextInt(8), 0, expected.competencies().size()).forEach(known::set);
      IntSet credentials = IntSet.of(held);
      IntSet competencies = IntSet.of(known);
      assertEquals(
          Auditor.standard().audit(expected, pathway, Holdings.of(expected, credentials, competencies), List.of()),
          Auditor.standard().audit(actual, actual.pathway(pathway.index()),
              Holdings.of(actual, credentials, competencies), List.of()),
          () -> at.get() + ": audit of " + pathway.id());
    }
  }

  /**
   * The list's every component, its goal's too, but for the goal's {@code TargetWeights}: arrays computed from the
   * goal's targets (compared here), without an equals of their own.
   */
  private static List<Object> comparable(RecommendationList list) {
    GoalTargets g = list.goal();
    return List.of(List.of(g.kind(), g.id(), g.label(), g.targets(), g.metTargets(), g.audit(), g.unmet()),
        list.items(), list.reason(), list.candidates(), list.excluded(), list.scorer(), list.catalogVersion(),
        list.holdings());
  }
}
