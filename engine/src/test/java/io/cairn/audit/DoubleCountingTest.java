package io.cairn.audit;

import static io.cairn.audit.Fixture.allOf;
import static io.cairn.audit.Fixture.atLeast;
import static io.cairn.audit.Fixture.audit;
import static io.cairn.audit.Fixture.comp;
import static io.cairn.audit.Fixture.cred;
import static io.cairn.audit.Fixture.doubleCounting;
import static io.cairn.audit.Fixture.minCredits;
import static io.cairn.audit.Fixture.node;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Requirement;
import org.junit.jupiter.api.Test;

class DoubleCountingTest {
  private final Fixture f = new Fixture();
  private final int sql = f.competency("sql");
  private final int x = f.credential("x", 5, sql);
  private final int y = f.credential("y", 5);
  private final CatalogSnapshot s = f.snapshot();

  @Test
  void aCredentialUnderTwoSiblingConditionsCountsForTheFirstOnly() {
    Requirement tree = allOf("root", allOf("first", cred("k1", x), cred("k2", y)), allOf("second", cred("k3", x)));
    AuditResult r = audit(s, tree, IntSet.of(x, y));
    assertEquals(Status.SATISFIED, node(r, "first").status());
    assertEquals(IntSet.of(x, y), node(r, "first").countedCredentials());
    assertEquals(Status.MISSING, node(r, "second").status());
    assertEquals(Status.MISSING, node(r, "k3").status());
    assertEquals(IntSet.empty(), node(r, "second").countedCredentials());
    assertEquals(Status.PARTIAL, node(r, "root").status());
  }

  @Test
  void allowsDoubleCountingLeavesTheCredentialToItsSiblings() {
    Requirement tree = allOf("root", doubleCounting(allOf("first", cred("k1", x), cred("k2", y))),
        allOf("second", cred("k3", x)));
    AuditResult r = audit(s, tree, IntSet.of(x, y));
    assertEquals(Status.SATISFIED, node(r, "first").status());
    assertEquals(Status.SATISFIED, node(r, "second").status());
    assertEquals(IntSet.of(x), node(r, "second").countedCredentials());
    assertEquals(Status.SATISFIED, node(r, "root").status());
  }

  @Test
  void allowsDoubleCountingOnTheLaterSiblingDoesNotUndoWhatTheEarlierConsumed() {
    Requirement tree = allOf("root", allOf("first", cred("k1", x)),
        doubleCounting(allOf("second", cred("k3", x))));
    AuditResult r = audit(s, tree, IntSet.of(x));
    assertEquals(Status.SATISFIED, node(r, "first").status());
    assertEquals(Status.MISSING, node(r, "second").status());
  }

  @Test
  void atLeastStopsConsumingOnceMetSoALaterSiblingGetsTheExtraCredential() {
    Requirement tree = allOf("root", atLeast("one", 1, cred("k1", x), cred("k2", y)), allOf("later", cred("k3", y)));
    AuditResult r = audit(s, tree, IntSet.of(x, y));
    assertEquals(Status.SATISFIED, node(r, "one").status());
    assertEquals(IntSet.of(x), node(r, "one").countedCredentials());
    assertEquals(Status.SATISFIED, node(r, "k2").status(), "still reported, evaluated without consuming");
    assertEquals(Status.SATISFIED, node(r, "later").status());
    assertEquals(Status.SATISFIED, node(r, "root").status());
  }

  @Test
  void minimumCreditsStopsConsumingOnceMet() {
    Requirement tree = allOf("root", minCredits("five", 5, cred("k1", x), cred("k2", y)),
        allOf("later", cred("k3", y)));
    AuditResult r = audit(s, tree, IntSet.of(x, y));
    assertEquals(5.0, node(r, "five").credits(), 1e-9);
    assertEquals(IntSet.of(x), node(r, "five").countedCredentials());
    assertEquals(Status.SATISFIED, node(r, "later").status());
    assertEquals(Status.SATISFIED, node(r, "root").status());
  }

  @Test
  void greedyOrderMatters() {
    // an optimal assignment would give y to "one" and x to "later"; the greedy audit takes x first
    Requirement xFirst = allOf("root", atLeast("one", 1, cred("k1", x), cred("k2", y)), allOf("later", cred("k3", x)));
    AuditResult r = audit(s, xFirst, IntSet.of(x, y));
    assertEquals(Status.MISSING, node(r, "later").status());
    assertEquals(Status.PARTIAL, r.status());

    Requirement yFirst = allOf("root", atLeast("one", 1, cred("k2", y), cred("k1", x)), allOf("later", cred("k3", x)));
    assertEquals(Status.SATISFIED, audit(s, yFirst, IntSet.of(x, y)).status());
  }

  @Test
  void aLeafListedTwiceUnderOneConditionCountsOnce() {
    AuditResult r = audit(s, allOf("root", cred("k1", x), cred("k2", x)), IntSet.of(x));
    assertEquals(Status.SATISFIED, node(r, "k1").status());
    assertEquals(Status.MISSING, node(r, "k2").status());
    assertEquals(Status.PARTIAL, r.status());
  }

  @Test
  void competencyLeavesNeverConsume() {
    AuditResult r = audit(s, allOf("root", comp("ksql", sql), cred("k1", x)), IntSet.of(x));
    assertEquals(Status.SATISFIED, node(r, "ksql").status());
    assertEquals(Status.SATISFIED, node(r, "k1").status());
    assertEquals(IntSet.of(x), node(r, "root").countedCredentials());
  }
}
