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

class NestingTest {
  private final Fixture f = new Fixture();
  private final int c1 = f.credential("c1", 5);
  private final int c2 = f.credential("c2", 5);
  private final int c3 = f.credential("c3", 5);
  private final int e1 = f.credential("e1", 5);
  private final int e2 = f.credential("e2", 5);
  private final int e3 = f.credential("e3", 5);
  private final int d = f.credential("d", 8);
  private final CatalogSnapshot s = f.snapshot();

  /** programme = all of (core: 2 of c1..c3, electives: 10 ECTS of e1 or the track e2 + e3). */
  private final Requirement programme = allOf("programme",
      atLeast("core", 2, cred("k1", c1), cred("k2", c2), cred("k3", c3)),
      minCredits("electives", 10, cred("k4", e1), allOf("track", cred("k5", e2), cred("k6", e3))));

  @Test
  void partialTrackMakesElectivesAndProgrammePartial() {
    AuditResult r = audit(s, programme, IntSet.of(c1, c3, e2));
    assertEquals(Status.SATISFIED, node(r, "core").status());
    assertEquals(Status.PARTIAL, node(r, "track").status());
    assertEquals(5.0, node(r, "track").credits(), 1e-9);
    assertEquals(Status.PARTIAL, node(r, "electives").status());
    assertEquals(5.0, node(r, "electives").credits(), 1e-9);
    assertEquals(Status.PARTIAL, node(r, "programme").status());
    assertEquals(1, node(r, "programme").satisfiedCount());
    assertEquals(Status.PARTIAL, r.status());
  }

  @Test
  void completeTrackSatisfiesTheCreditRuleAndTheProgramme() {
    AuditResult r = audit(s, programme, IntSet.of(c1, c2, e2, e3));
    assertEquals(Status.MISSING, node(r, "k4").status());
    assertEquals(Status.SATISFIED, node(r, "track").status());
    assertEquals(10.0, node(r, "electives").credits(), 1e-9);
    assertEquals(Status.SATISFIED, node(r, "electives").status());
    assertEquals(Status.SATISFIED, node(r, "programme").status());
    assertEquals(IntSet.of(c1, c2, e2, e3), node(r, "programme").countedCredentials());
    assertEquals(20.0, node(r, "programme").credits(), 1e-9);
  }

  @Test
  void atLeastInsideAllOfInsideMinimumCredits() {
    Requirement tree = minCredits("credits", 12,
        allOf("block", atLeast("choice", 1, cred("ka", c1), cred("kb", c2)), cred("kc", c3)),
        cred("kd", d));
    AuditResult r = audit(s, tree, IntSet.of(c2, c3, d));
    assertEquals(Status.SATISFIED, node(r, "choice").status());
    assertEquals(IntSet.of(c2), node(r, "choice").countedCredentials());
    assertEquals(Status.SATISFIED, node(r, "block").status());
    assertEquals(10.0, node(r, "block").credits(), 1e-9);
    assertEquals(18.0, node(r, "credits").credits(), 1e-9);
    assertEquals(Status.SATISFIED, node(r, "credits").status());

    AuditResult fewer = audit(s, tree, IntSet.of(c3));
    assertEquals(Status.MISSING, node(fewer, "choice").status());
    assertEquals(Status.PARTIAL, node(fewer, "block").status());
    assertEquals(Status.PARTIAL, node(fewer, "credits").status());
    assertEquals(5.0, node(fewer, "credits").credits(), 1e-9);
  }

  @Test
  void holdingMoreNeverLowersANestedCreditRule() {
    Fixture g = new Fixture();
    int x = g.credential("x", 5);
    int y = g.credential("y", 10);
    CatalogSnapshot t = g.snapshot();
    Requirement tree = minCredits("outer", 8, minCredits("inner", 5, cred("kx", x), cred("ky", y)));
    assertEquals(Status.SATISFIED, node(audit(t, tree, IntSet.of(y)), "outer").status());
    AuditResult both = audit(t, tree, IntSet.of(x, y));
    // inner is met by x alone, but outer still needs more, so inner goes on counting y
    assertEquals(Status.SATISFIED, node(both, "outer").status());
    assertEquals(15.0, node(both, "outer").credits(), 1e-9);
    assertEquals(IntSet.of(x, y), node(both, "inner").countedCredentials());
  }

  @Test
  void aConditionInsideAnUnmetCreditRuleKeepsCounting() {
    Fixture g = new Fixture();
    int x = g.credential("x", 1);
    int y = g.credential("y", 10);
    CatalogSnapshot t = g.snapshot();
    Requirement tree = minCredits("outer", 5, atLeast("one", 1, cred("kx", x), cred("ky", y)));
    AuditResult r = audit(t, tree, IntSet.of(x, y));
    assertEquals(IntSet.of(x, y), node(r, "one").countedCredentials());
    assertEquals(11.0, node(r, "outer").credits(), 1e-9);
    assertEquals(Status.SATISFIED, node(r, "outer").status());
  }
}
