package io.cairn.audit;

import static io.cairn.audit.Fixture.allOf;
import static io.cairn.audit.Fixture.atLeast;
import static io.cairn.audit.Fixture.audit;
import static io.cairn.audit.Fixture.comp;
import static io.cairn.audit.Fixture.cred;
import static io.cairn.audit.Fixture.destination;
import static io.cairn.audit.Fixture.doubleCounting;
import static io.cairn.audit.Fixture.minCredits;
import static io.cairn.audit.Fixture.node;
import static io.cairn.audit.Fixture.pathway;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Requirement;
import java.util.List;
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
  void allowsDoubleCountingOnTheLaterSiblingSharesBackwardsToo() {
    // the greedy pass of old let the earlier sibling consume x, so the flag on the later one changed nothing
    Requirement tree = allOf("root", allOf("first", cred("k1", x)),
        doubleCounting(allOf("second", cred("k3", x))));
    AuditResult r = audit(s, tree, IntSet.of(x));
    assertEquals(Status.SATISFIED, node(r, "first").status());
    assertEquals(Status.SATISFIED, node(r, "second").status());
    assertEquals(IntSet.of(x), node(r, "second").countedCredentials());
    assertEquals(Status.SATISFIED, r.status());
  }

  @Test
  void aConditionAlreadyMetLeavesItsExtraCredentialToALaterSibling() {
    Requirement tree = allOf("root", atLeast("one", 1, cred("k1", x), cred("k2", y)), allOf("later", cred("k3", y)));
    AuditResult r = audit(s, tree, IntSet.of(x, y));
    assertEquals(Status.SATISFIED, node(r, "one").status());
    assertEquals(IntSet.of(x), node(r, "one").countedCredentials());
    assertEquals(Status.MISSING, node(r, "k2").status(), "y counts once, in later, where it completes a requirement");
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
  void declaredOrderMattersToGreedyButNotToTheBestFit() {
    // the greedy pass gives x to "one" (it comes first), leaving "later" without it; the best fit gives y to "one"
    // and x to "later", whatever the order
    Requirement xFirst = allOf("root", atLeast("one", 1, cred("k1", x), cred("k2", y)), allOf("later", cred("k3", x)));
    Requirement yFirst = allOf("root", atLeast("one", 1, cred("k2", y), cred("k1", x)), allOf("later", cred("k3", x)));
    Holdings both = Holdings.of(s, IntSet.of(x, y), IntSet.empty());
    AuditResult greedy = Auditor.greedy().audit(s, pathway("p", destination("d", -1, xFirst)), both, List.of());
    assertEquals(Status.MISSING, node(greedy, "later").status());
    assertEquals(Status.PARTIAL, greedy.status());
    assertEquals(Status.SATISFIED,
        Auditor.greedy().audit(s, pathway("p", destination("d", -1, yFirst)), both, List.of()).status());

    for (Requirement tree : List.of(xFirst, yFirst)) {
      AuditResult best = audit(s, tree, IntSet.of(x, y));
      assertEquals(Status.SATISFIED, best.status());
      assertEquals(IntSet.of(y), node(best, "one").countedCredentials());
      assertEquals(IntSet.of(x), node(best, "later").countedCredentials());
    }
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
