package io.cairn.audit;

import static io.cairn.audit.Fixture.all;
import static io.cairn.audit.Fixture.allOf;
import static io.cairn.audit.Fixture.atLeast;
import static io.cairn.audit.Fixture.comp;
import static io.cairn.audit.Fixture.cred;
import static io.cairn.audit.Fixture.destination;
import static io.cairn.audit.Fixture.minCredits;
import static io.cairn.audit.Fixture.pathway;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Pathway;
import io.cairn.catalog.Requirement;
import java.util.List;
import org.junit.jupiter.api.Test;

class DestinationTest {
  private final Fixture f = new Fixture();
  private final int sql = f.competency("sql");
  private final int x = f.credential("x", 5);
  private final int y = f.credential("y", 5, sql);
  private final int z = f.credential("z", 5);
  private final int cert = f.credential("cert", 10);
  private final int degree = f.credential("degree", 180);
  private final CatalogSnapshot s = f.snapshot();

  private final Requirement degreeTree = allOf("degree-root",
      atLeast("core", 2, cred("kx", x), cred("ky", y), cred("kz", z)),
      minCredits("electives", 10, cred("kcert", cert), allOf("pair", cred("kz2", z), comp("ksql", sql))));
  private final Requirement certTree = allOf("cert-root", cred("cx", x), cred("cy", y));
  private final Pathway pathway = pathway("data",
      destination("degree-dest", degree, degreeTree), destination("cert-dest", cert, certTree));

  private AuditResult audit(IntSet held, AdvisorException... exceptions) {
    return Auditor.standard().audit(s, pathway, Holdings.of(s, held, IntSet.empty()), List.of(exceptions));
  }

  @Test
  void emptyHoldingsLeaveEveryNodeMissing() {
    AuditResult r = audit(IntSet.empty());
    assertEquals(Status.MISSING, r.status());
    for (DestinationResult d : r.destinations()) {
      assertEquals(Status.MISSING, d.status());
      assertFalse(d.alreadyHeld());
      for (NodeResult n : all(d.tree())) {
        assertEquals(Status.MISSING, n.status(), n.id());
        assertEquals(0.0, n.credits(), 1e-9, n.id());
      }
    }
  }

  @Test
  void emptyHoldingsWithAWaiverLeaveOnlyTheWaivedNodeSatisfied() {
    AuditResult r = audit(IntSet.empty(), AdvisorException.waive("core", "n"));
    for (NodeResult n : all(r.destinations().get(0).tree())) {
      // the root is part-way there through its waived child
      Status expected = switch (n.id()) {
        case "core" -> Status.SATISFIED;
        case "degree-root" -> Status.PARTIAL;
        default -> Status.MISSING;
      };
      assertEquals(expected, n.status(), n.id());
    }
  }

  @Test
  void everythingHeldSatisfiesEveryNodeExceptALeafWhoseCredentialCountsElsewhere() {
    AuditResult r = Auditor.standard().audit(s, pathway("data", destination("degree-dest", degree, degreeTree),
        destination("cert-dest", cert, certTree)), Holdings.of(s, IntSet.of(x, y, z, cert), IntSet.empty()), List.of());
    assertEquals(Status.SATISFIED, r.status());
    // z is named twice in the degree's tree (core and the electives' pair) and counts once: in the pair, where it
    // completes a requirement; core is met by x and y without it
    for (DestinationResult d : r.destinations()) {
      for (NodeResult n : all(d.tree())) {
        assertEquals(n.id().equals("kz") ? Status.MISSING : Status.SATISFIED, n.status(), n.id());
      }
    }
    assertEquals(IntSet.of(z), Fixture.node(r, "pair").countedCredentials());
    assertTrue(r.openLeaves().isEmpty(), "kz lies under a satisfied condition");
  }

  @Test
  void destinationAlreadyHeldIsSatisfiedWhateverItsTree() {
    AuditResult r = audit(IntSet.of(degree));
    DestinationResult d = r.destinations().get(0);
    assertTrue(d.alreadyHeld());
    assertEquals(Status.SATISFIED, d.status());
    assertEquals(Status.MISSING, d.tree().status(), "the tree is still reported");
    assertEquals(degree, d.credential());
    assertEquals(Status.SATISFIED, r.status());
    assertFalse(r.destinations().get(1).alreadyHeld());
  }

  @Test
  void destinationsAreAuditedIndependentlyWithFullHoldings() {
    AuditResult r = audit(IntSet.of(x, y));
    DestinationResult degreeDest = r.destinations().get(0);
    DestinationResult certDest = r.destinations().get(1);
    // the degree uses x and y for its core, and the certificate still gets both
    assertEquals(IntSet.of(x, y), Fixture.node(r, "core").countedCredentials());
    assertEquals(Status.PARTIAL, degreeDest.status());
    assertEquals(Status.SATISFIED, certDest.status());
    assertEquals(IntSet.of(x, y), certDest.tree().countedCredentials());
    assertEquals(Status.SATISFIED, r.status(), "best of PARTIAL and SATISFIED");
    assertEquals("cert-dest", certDest.id());
    assertEquals(cert, certDest.credential());
  }

  @Test
  void overallStatusIsTheBestDestination() {
    assertEquals(Status.PARTIAL, audit(IntSet.of(z)).status());
    assertEquals(Status.MISSING, Auditor.standard().audit(s, pathway("empty"), Holdings.none(), List.of()).status());
  }

  @Test
  void destinationWithoutATreeIsMissingUnlessHeld() {
    Pathway p = pathway("bare", destination("d", cert, null));
    assertEquals(Status.MISSING, Auditor.standard().audit(s, p, Holdings.none(), List.of()).status());
    assertEquals(Status.SATISFIED,
        Auditor.standard().audit(s, p, Holdings.of(s, IntSet.of(cert), IntSet.empty()), List.of()).status());
  }

  @Test
  void holdingsOutsideTheSnapshotAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Holdings.of(s, IntSet.of(42), IntSet.empty()));
    assertThrows(IllegalArgumentException.class,
        () -> Auditor.standard().audit(s, pathway, new Holdings(IntSet.of(42), IntSet.empty()), List.of()));
  }
}
