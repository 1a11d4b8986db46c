package io.cairn.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.catalog.IntSet;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants of the (best-fit) audit over random catalogs, trees and holdings; every failure names its seed. */
class AuditorProperties {
  private static final int TREES_PER_SEED = 12;

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 30);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void conditionStatusFollowsItsRule(long seed) {
    Random rnd = new Random(seed);
    RandomWorld world = RandomWorld.random(rnd);
    for (int t = 0; t < TREES_PER_SEED; t++) {
      NodeResult root = world.audit(world.tree(rnd, RandomWorld.DoubleCounting.MIXED), world.holdings(rnd));
      for (NodeResult n : Fixture.all(root)) {
        if (n.leaf()) {
          continue;
        }
        long satisfied = n.children().stream().filter(c -> c.status() == Status.SATISFIED).count();
        boolean progress = n.children().stream().anyMatch(c -> c.status() != Status.MISSING);
        assertEquals(satisfied, n.satisfiedCount(), () -> "seed=" + seed + " node " + n.id() + " satisfiedCount");
        boolean met = switch (n.kind()) {
          case NodeResult.ALL_OF -> satisfied == n.children().size();
          case NodeResult.AT_LEAST -> satisfied >= n.requiredCount();
          default -> n.credits() >= n.requiredCredits() - 1e-9;
        };
        assertEquals(met, n.status() == Status.SATISFIED,
            () -> "seed=" + seed + " " + n.kind() + " " + n.id() + " status " + n.status() + " children "
                + n.children().stream().map(NodeResult::status).toList());
        if (!met) {
          boolean partial = NodeResult.MINIMUM_CREDITS.equals(n.kind()) ? n.credits() > 1e-9 : progress;
          assertEquals(partial ? Status.PARTIAL : Status.MISSING, n.status(),
              () -> "seed=" + seed + " " + n.kind() + " " + n.id() + " partial iff some progress");
        }
      }
    }
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void countedHoldingsAreHeld(long seed) {
    Random rnd = new Random(seed);
    RandomWorld world = RandomWorld.random(rnd);
    for (int t = 0; t < TREES_PER_SEED; t++) {
      Holdings holdings = world.holdings(rnd);
      NodeResult root = world.audit(world.tree(rnd, RandomWorld.DoubleCounting.MIXED), holdings);
      for (NodeResult n : Fixture.all(root)) {
        assertEquals(n.countedCredentials(), n.countedCredentials().intersect(holdings.credentials()),
            () -> "seed=" + seed + " node " + n.id() + " counts credentials not held");
        assertEquals(n.countedCompetencies(), n.countedCompetencies().intersect(holdings.competencies()),
            () -> "seed=" + seed + " node " + n.id() + " counts competencies not held");
        assertTrue(n.credits() >= 0, () -> "seed=" + seed + " node " + n.id() + " negative credits");
      }
    }
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void noCredentialCountsInTwoSiblingSubtreesWithoutDoubleCounting(long seed) {
    Random rnd = new Random(seed);
    RandomWorld world = RandomWorld.random(rnd);
    for (int t = 0; t < TREES_PER_SEED; t++) {
      NodeResult root = world.audit(world.tree(rnd, RandomWorld.DoubleCounting.NONE), world.holdings(rnd));
      for (NodeResult n : Fixture.all(root)) {
        // competency leaves list the credentials teaching them for information; they never consume
        List<NodeResult> consuming = n.children().stream()
            .filter(c -> !NodeResult.COMPETENCY.equals(c.kind())).toList();
        IntSet union = IntSet.empty();
        for (NodeResult child : consuming) {
          IntSet overlap = union.intersect(child.countedCredentials());
          assertTrue(overlap.isEmpty(),
              () -> "seed=" + seed + " under " + n.id() + " child " + child.id() + " recounts " + overlap);
          union = union.union(child.countedCredentials());
        }
        IntSet children = union;
        if (!n.leaf()) {
          assertEquals(n.countedCredentials(), n.countedCredentials().intersect(children),
              () -> "seed=" + seed + " node " + n.id() + " counts what no child counted");
        }
      }
    }
  }
}
