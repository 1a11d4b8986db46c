package io.cairn.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Requirement;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A tree as deep as the store accepts audits at once. Each at-least condition of the greedy pass evaluates its
 * children to order them and again to count; nested {@link Requirement#MAX_NESTING} deep that was 2^32 evaluations (a depth of 20
 * already took seconds), so a pathway's audit, or a recommendation toward it, hung.
 */
class DeepTreeTest {

  /** At least one of: the tree one level down, or this level's own credential. */
  private static Requirement chain(int depth, int[] credentials) {
    Requirement node = Fixture.cred("leaf-0", credentials[0]);
    for (int level = 1; level <= depth; level++) {
      node = Fixture.atLeast("level-" + level, 1, node, Fixture.cred("leaf-" + level, credentials[level]));
    }
    return node;
  }

  @ParameterizedTest(name = "holding {0} of the leaves")
  @ValueSource(strings = {"none", "every other", "all"})
  void anAtLeastChainAsDeepAsTheStoreAcceptsAuditsAtOnce(String held) {
    Fixture fixture = new Fixture();
    int depth = Requirement.MAX_NESTING;
    int[] credentials = new int[depth + 1];
    for (int i = 0; i <= depth; i++) {
      credentials[i] = fixture.credential("c" + i, 5);
    }
    CatalogSnapshot snapshot = fixture.snapshot();
    IntSet holdings = IntSet.of(java.util.stream.IntStream.rangeClosed(0, depth)
        .filter(i -> held.equals("all") || held.equals("every other") && i % 2 == 0)
        .map(i -> credentials[i]).toArray());
    Requirement tree = chain(depth, credentials);
    // a generous bound that only catches the exponential blow-up
    AuditResult result = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> Fixture.audit(snapshot, tree, holdings));
    NodeResult top = Fixture.tree(result);
    assertEquals(held.equals("none") ? Status.MISSING : Status.SATISFIED, top.status());
    // best fit: nothing else in the tree wants the held leaves, so the top level counts every one of them
    assertEquals(holdings.size(), top.countedCredentials().size(), top.countedCredentials().toString());
  }
}
