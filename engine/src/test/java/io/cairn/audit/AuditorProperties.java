package io.cairn.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Requirement;
import io.cairn.catalog.Requirement.Condition;
import io.cairn.catalog.Requirement.Rule;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants over random catalogs, trees and holdings; every failure names its seed to replay it. */
class AuditorProperties {
  private static final int TREES_PER_SEED = 25;

  enum DoubleCounting { NONE, ALL, MIXED }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 30);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void conditionStatusFollowsItsRule(long seed) {
    Random rnd = new Random(seed);
    World world = World.random(rnd);
    for (int t = 0; t < TREES_PER_SEED; t++) {
      NodeResult root = world.audit(world.tree(rnd, DoubleCounting.MIXED), world.holdings(rnd), seed);
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
    World world = World.random(rnd);
    for (int t = 0; t < TREES_PER_SEED; t++) {
      Holdings holdings = world.holdings(rnd);
      NodeResult root = world.audit(world.tree(rnd, DoubleCounting.MIXED), holdings, seed);
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
    World world = World.random(rnd);
    for (int t = 0; t < TREES_PER_SEED; t++) {
      NodeResult root = world.audit(world.tree(rnd, DoubleCounting.NONE), world.holdings(rnd), seed);
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

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void holdingMoreNeverLowersAStatusWhenDoubleCountingIsAllowed(long seed) {
    Random rnd = new Random(seed);
    World world = World.random(rnd);
    for (int t = 0; t < TREES_PER_SEED; t++) {
      Requirement tree = world.tree(rnd, DoubleCounting.ALL);
      Holdings fewer = world.holdings(rnd);
      IntSet extra = world.randomCredentials(rnd, rnd.nextDouble());
      Holdings more = Holdings.of(world.snapshot, fewer.credentials().union(extra), world.declared);
      compare(world.audit(tree, fewer, seed), world.audit(tree, more, seed), seed);
    }
  }

  private static void compare(NodeResult fewer, NodeResult more, long seed) {
    assertTrue(more.status().atLeast(fewer.status()),
        () -> "seed=" + seed + " node " + more.id() + " went from " + fewer.status() + " to " + more.status()
            + " with more holdings");
    for (int i = 0; i < fewer.children().size(); i++) {
      compare(fewer.children().get(i), more.children().get(i), seed);
    }
  }

  /** A random catalog: a few competencies, credentials teaching some of them, stacking links upward. */
  private static final class World {
    private static final double[] ECTS = {0, 1, 2, 3, 5, 10};
    final CatalogSnapshot snapshot;
    final int credentials;
    final int competencies;
    IntSet declared = IntSet.empty();
    private int nodes;

    private World(CatalogSnapshot snapshot, int credentials, int competencies) {
      this.snapshot = snapshot;
      this.credentials = credentials;
      this.competencies = competencies;
    }

    static World random(Random rnd) {
      Fixture f = new Fixture();
      int nk = 3 + rnd.nextInt(4);
      // few credentials, so that trees list the same ones often and stacking links meet
      int nc = 4 + rnd.nextInt(6);
      for (int k = 0; k < nk; k++) {
        f.competency("k" + k);
      }
      for (int c = 0; c < nc; c++) {
        int[] teaches = rnd.ints(rnd.nextInt(3), 0, nk).toArray();
        f.credential("c" + c, ECTS[rnd.nextInt(ECTS.length)], teaches);
      }
      for (int c = 0; c < nc - 1; c++) {
        if (rnd.nextInt(10) < 6) {
          f.stack(c, c + 1 + rnd.nextInt(nc - c - 1), 1 + rnd.nextInt(5));
        }
      }
      return new World(f.snapshot(), nc, nk);
    }

    Requirement tree(Random rnd, DoubleCounting dc) {
      return condition(rnd, dc, 3);
    }

    Holdings holdings(Random rnd) {
      BitSet bits = new BitSet();
      for (int k = 0; k < competencies; k++) {
        if (rnd.nextInt(5) == 0) {
          bits.set(k);
        }
      }
      declared = IntSet.of(bits);
      return Holdings.of(snapshot, randomCredentials(rnd, rnd.nextDouble()), declared);
    }

    IntSet randomCredentials(Random rnd, double p) {
      BitSet bits = new BitSet();
      for (int c = 0; c < credentials; c++) {
        if (rnd.nextDouble() < p) {
          bits.set(c);
        }
      }
      return IntSet.of(bits);
    }

    NodeResult audit(Requirement tree, Holdings holdings, long seed) {
      AuditResult result = Auditor.standard()
          .audit(snapshot, Fixture.pathway("p" + seed, Fixture.destination("d", -1, tree)), holdings, List.of());
      return Fixture.tree(result);
    }

    private Requirement node(Random rnd, DoubleCounting dc, int depth) {
      if (depth > 0 && rnd.nextInt(10) < 5) {
        return condition(rnd, dc, depth);
      }
      String id = "n" + nodes++;
      return rnd.nextInt(5) == 0
          ? Fixture.comp(id, rnd.nextInt(competencies))
          : Fixture.cred(id, rnd.nextInt(credentials));
    }

    private Condition condition(Random rnd, DoubleCounting dc, int depth) {
      String id = "n" + nodes++;
      List<Requirement> children = new ArrayList<>();
      int n = 1 + rnd.nextInt(4);
      for (int i = 0; i < n; i++) {
        children.add(node(rnd, dc, depth - 1));
      }
      Rule rule = Rule.values()[rnd.nextInt(Rule.values().length)];
      boolean doubleCounting = switch (dc) {
        case NONE -> false;
        case ALL -> true;
        case MIXED -> rnd.nextBoolean();
      };
      return new Condition(Fixture.CONDITION + id, id, id, rule,
          rule == Rule.AT_LEAST ? 1 + rnd.nextInt(n) : n,
          rule == Rule.MINIMUM_CREDITS ? 1 + rnd.nextInt(12) : 0, doubleCounting, children);
    }
  }
}
