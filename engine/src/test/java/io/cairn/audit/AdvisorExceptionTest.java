package io.cairn.audit;

import static io.cairn.audit.Fixture.allOf;
import static io.cairn.audit.Fixture.audit;
import static io.cairn.audit.Fixture.comp;
import static io.cairn.audit.Fixture.cred;
import static io.cairn.audit.Fixture.minCredits;
import static io.cairn.audit.Fixture.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Requirement;
import org.junit.jupiter.api.Test;

class AdvisorExceptionTest {
  private final Fixture f = new Fixture();
  private final int sql = f.competency("sql");
  private final int x = f.credential("x", 5);
  private final int y = f.credential("y", 5);
  private final int alt = f.credential("alt", 7);
  private final CatalogSnapshot s = f.snapshot();

  private final Requirement tree = allOf("root", allOf("block", cred("kx", x)), cred("ky", y), comp("ksql", sql));

  @Test
  void waivingADestinationsWholeRequirementIsRefusedNamingWhatCanBeWaived() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> audit(s, tree, IntSet.of(), AdvisorException.waive("root", "just give it")));
    assertTrue(e.getMessage().contains("whole requirement of destination")
        && e.getMessage().contains("block, ky, ksql"), e.getMessage());
  }

  @Test
  void waivedConditionIsSatisfiedAndStillReportsItsChildren() {
    AuditResult r = audit(s, tree, IntSet.of(y), AdvisorException.waive("block", "prior learning"));
    NodeResult block = node(r, "block");
    assertEquals(Status.SATISFIED, block.status());
    assertEquals("waived: prior learning", block.exception());
    assertEquals(Status.MISSING, node(r, "kx").status());
    assertNull(node(r, "kx").exception());
    assertEquals(Status.PARTIAL, node(r, "root").status(), "the competency is still missing");
  }

  @Test
  void waiverByIriWorksAndAWaivedLeafCanCompleteATree() {
    AuditResult r = audit(s, tree, IntSet.of(x, y), AdvisorException.waive(Fixture.COMPONENT + "ksql", ""));
    assertEquals(Status.SATISFIED, node(r, "ksql").status());
    assertEquals("waived", node(r, "ksql").exception());
    assertEquals(Status.SATISFIED, r.status());
  }

  @Test
  void waivedNodeConsumesNothing() {
    Requirement t = allOf("root", allOf("block", cred("kx1", x)), cred("kx2", x));
    AuditResult r = audit(s, t, IntSet.of(x), AdvisorException.waive("block", "n"));
    assertEquals(Status.SATISFIED, node(r, "kx1").status(), "reported as evaluated");
    assertEquals(IntSet.empty(), node(r, "block").countedCredentials());
    assertEquals(Status.SATISFIED, node(r, "kx2").status(), "x is still available after the waived block");
    assertEquals(IntSet.of(x), node(r, "root").countedCredentials());
  }

  @Test
  void waivedLeafBringsItsCreditsToACreditRule() {
    Requirement t = minCredits("ten", 10, cred("kx", x), cred("ky", y));
    AuditResult r = audit(s, t, IntSet.of(y), AdvisorException.waive("kx", "done abroad"));
    assertEquals(5.0, node(r, "kx").credits(), 1e-9);
    assertEquals(10.0, node(r, "ten").credits(), 1e-9);
    assertEquals(Status.SATISFIED, node(r, "ten").status());
  }

  @Test
  void substituteCountsInsteadOfTheNamedCredential() {
    AuditResult r = audit(s, tree, IntSet.of(alt), AdvisorException.substitute("kx", alt, "equivalent course"));
    NodeResult kx = node(r, "kx");
    assertEquals(Status.SATISFIED, kx.status());
    assertEquals(IntSet.of(alt), kx.countedCredentials());
    assertEquals(7.0, kx.credits(), 1e-9);
    assertEquals(5.0, kx.requiredCredits(), 1e-9);
    assertEquals(x, kx.target());
    assertEquals("substituted by alt: equivalent course", kx.exception());
  }

  @Test
  void substituteNotHeldLeavesTheLeafMissing() {
    AuditResult r = audit(s, tree, IntSet.of(y), AdvisorException.substitute("kx", alt, "n"));
    assertEquals(Status.MISSING, node(r, "kx").status());
    assertNull(node(r, "kx").exception());
  }

  @Test
  void theNamedCredentialIsPreferredOverTheSubstitute() {
    Requirement t = allOf("root", cred("kx", x), cred("kalt", alt));
    AuditResult r = audit(s, t, IntSet.of(x, alt), AdvisorException.substitute("kx", alt, "n"));
    assertEquals(IntSet.of(x), node(r, "kx").countedCredentials());
    assertNull(node(r, "kx").exception());
    assertEquals(Status.SATISFIED, node(r, "kalt").status());
  }

  @Test
  void unknownRequirementIsRejectedNamingItAndThePathway() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> audit(s, tree, IntSet.empty(), AdvisorException.waive("no-such-node", "n")));
    assertTrue(e.getMessage().contains("no-such-node"), e.getMessage());
    assertTrue(e.getMessage().contains("pathway 'p'"), e.getMessage());
    assertTrue(e.getMessage().contains("use the id or IRI"), e.getMessage());
    assertTrue(e.getMessage().contains("block"), "lists valid ids: " + e.getMessage());
  }

  @Test
  void substitutingAConditionIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> audit(s, tree, IntSet.empty(), AdvisorException.substitute("block", alt, "n")));
    assertTrue(e.getMessage().contains("block"), e.getMessage());
    assertTrue(e.getMessage().contains("only a credential component"), e.getMessage());
  }

  @Test
  void substitutingACompetencyComponentIsRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> audit(s, tree, IntSet.empty(), AdvisorException.substitute("ksql", alt, "n")));
  }

  @Test
  void malformedExceptionsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> AdvisorException.substitute("kx", -1, "n"));
    assertThrows(IllegalArgumentException.class, () -> AdvisorException.waive(" ", "n"));
    assertThrows(IllegalArgumentException.class,
        () -> new AdvisorException(AdvisorException.Kind.WAIVE, "kx", 3, "n"));
    assertThrows(IllegalArgumentException.class,
        () -> audit(s, tree, IntSet.empty(), AdvisorException.substitute("kx", 99, "n")));
  }
}
