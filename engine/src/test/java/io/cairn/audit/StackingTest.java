package io.cairn.audit;

import static io.cairn.audit.Fixture.allOf;
import static io.cairn.audit.Fixture.atLeast;
import static io.cairn.audit.Fixture.audit;
import static io.cairn.audit.Fixture.cred;
import static io.cairn.audit.Fixture.minCredits;
import static io.cairn.audit.Fixture.node;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Requirement;
import org.junit.jupiter.api.Test;

class StackingTest {
  private final Fixture f = new Fixture();
  private final int cert = f.credential("cert", 5);
  private final int other = f.credential("other", 10);
  private final int b1 = f.credential("b1", 1);
  private final int b2 = f.credential("b2", 1);
  private final int b3 = f.credential("b3", 1);
  private final int loose = f.credential("loose", 3);
  private final CatalogSnapshot s;

  StackingTest() {
    f.stack(b1, cert, 2).stack(b2, cert, 3).stack(b3, cert, 2).stack(loose, other, 3);
    s = f.snapshot();
  }

  private final Requirement tree = allOf("root", cred("kcert", cert));

  @Test
  void oneStackingBadgeGivesPartialCreditWithItsTransferCredits() {
    NodeResult leaf = node(audit(s, tree, IntSet.of(b1)), "kcert");
    assertEquals(Status.PARTIAL, leaf.status());
    assertEquals(2.0, leaf.credits(), 1e-9);
    assertEquals(5.0, leaf.requiredCredits(), 1e-9);
    assertEquals(IntSet.of(b1), leaf.countedCredentials());
    assertEquals(0, leaf.satisfiedCount());
  }

  @Test
  void stackingBadgesSumTheirTransferCreditsButStayPartial() {
    NodeResult leaf = node(audit(s, tree, IntSet.of(b1, b2)), "kcert");
    assertEquals(Status.PARTIAL, leaf.status());
    assertEquals(5.0, leaf.credits(), 1e-9);
    assertEquals(IntSet.of(b1, b2), leaf.countedCredentials());
  }

  @Test
  void partialCreditIsCappedAtTheCredentialsEcts() {
    NodeResult leaf = node(audit(s, tree, IntSet.of(b1, b2, b3)), "kcert");
    assertEquals(Status.PARTIAL, leaf.status());
    assertEquals(5.0, leaf.credits(), 1e-9);
    assertEquals(IntSet.of(b1, b2, b3), leaf.countedCredentials());
  }

  @Test
  void holdingTheWholeSatisfiesWithItsOwnCredits() {
    NodeResult leaf = node(audit(s, tree, IntSet.of(cert, b1)), "kcert");
    assertEquals(Status.SATISFIED, leaf.status());
    assertEquals(IntSet.of(cert), leaf.countedCredentials());
    assertEquals(5.0, leaf.credits(), 1e-9);
  }

  @Test
  void aCredentialStackingIntoSomethingElseGivesNothing() {
    NodeResult leaf = node(audit(s, tree, IntSet.of(loose)), "kcert");
    assertEquals(Status.MISSING, leaf.status());
    assertEquals(0.0, leaf.credits(), 1e-9);
    assertEquals(IntSet.empty(), leaf.countedCredentials());
  }

  @Test
  void partialCreditFeedsACreditRule() {
    AuditResult r = audit(s, minCredits("ten", 10, cred("kcert", cert), cred("kb1", b1)), IntSet.of(b2, b3));
    // b2 and b3 carry 3 + 2 ECTS toward the certificate
    assertEquals(Status.PARTIAL, node(r, "kcert").status());
    assertEquals(5.0, node(r, "ten").credits(), 1e-9);
    assertEquals(IntSet.of(b2, b3), node(r, "ten").countedCredentials());
    assertEquals(Status.PARTIAL, node(r, "ten").status());
  }

  @Test
  void aPartSatisfiesItsOwnRequirementBeforeGivingPartialCredit() {
    Requirement ten = minCredits("ten", 10, cred("kcert", cert), cred("kb2", b2));
    AuditResult r = audit(s, ten, IntSet.of(b1, b2));
    // the best fit gives b2 to its own component (one more requirement satisfied) and b1 to the certificate: 2 + 1
    assertEquals(Status.SATISFIED, node(r, "kb2").status());
    assertEquals(IntSet.of(b1), node(r, "kcert").countedCredentials());
    assertEquals(3.0, node(r, "ten").credits(), 1e-9);
    // greedy, in declared order, gave both badges to the certificate (2 + 3 ECTS) and left kb2 missing
    AuditResult greedy = Auditor.greedy().audit(s, Fixture.pathway("p", Fixture.destination("d", -1, ten)),
        Holdings.of(s, IntSet.of(b1, b2), IntSet.empty()), java.util.List.of());
    assertEquals(Status.MISSING, node(greedy, "kb2").status());
    assertEquals(5.0, node(greedy, "ten").credits(), 1e-9);
  }

  @Test
  void aWholeAlreadyCountedFallsBackToItsPartsButACreditRuleCountsItOnce() {
    AuditResult r = audit(s, minCredits("ten", 10, cred("first", cert), cred("again", cert)), IntSet.of(cert, b1));
    assertEquals(Status.SATISFIED, node(r, "first").status());
    assertEquals(Status.PARTIAL, node(r, "again").status(), "cert is used, its badge still stacks into it");
    assertEquals(IntSet.of(b1), node(r, "again").countedCredentials());
    assertEquals(2.0, node(r, "again").credits(), 1e-9);
    // the badge's credits are part of the certificate's: the rule does not count them on top
    assertEquals(5.0, node(r, "ten").credits(), 1e-9);
    assertEquals(IntSet.of(cert, b1), node(r, "ten").countedCredentials());
  }

  @Test
  void anAlternativeGettingPartialCreditDoesNotStarveOneFurtherAlong() {
    // either the certificate, or its badges b1 and b2 themselves: holding b1 completes half of the second
    // alternative; counting it as partial credit toward the certificate first would leave that alternative empty
    Requirement either = atLeast("either", 1, cred("kcert", cert), allOf("badges", cred("k1", b1), cred("k2", b2)));
    AuditResult r = audit(s, either, IntSet.of(b1));
    assertEquals(Status.SATISFIED, node(r, "k1").status());
    assertEquals(Status.PARTIAL, node(r, "badges").status());
    assertEquals(Status.MISSING, node(r, "kcert").status(), "b1 counts once, where it does the most");
    assertEquals(Status.PARTIAL, node(r, "either").status());
    // children are still reported in declared order
    assertEquals("kcert", node(r, "either").children().getFirst().id());
  }
}
