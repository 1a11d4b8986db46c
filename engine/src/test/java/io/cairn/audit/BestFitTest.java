package io.cairn.audit;

import static io.cairn.audit.Fixture.allOf;
import static io.cairn.audit.Fixture.audit;
import static io.cairn.audit.Fixture.cred;
import static io.cairn.audit.Fixture.destination;
import static io.cairn.audit.Fixture.minCredits;
import static io.cairn.audit.Fixture.node;
import static io.cairn.audit.Fixture.pathway;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Requirement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cases of issue 12 where declared-order greedy differs from an advisor, on hand-made catalogs. */
class BestFitTest {
  private final Fixture f = new Fixture();
  private final int cert = f.credential("cert", 5);
  private final int module = f.credential("module", 2);
  private final int bigModule = f.credential("big-module", 3);
  private final int x = f.credential("x", 5);
  private final int alt5 = f.credential("alt5", 5);
  private final int alt10 = f.credential("alt10", 10);
  private final CatalogSnapshot s;

  BestFitTest() {
    f.stack(module, cert, 2).stack(bigModule, cert, 2);
    s = f.snapshot();
  }

  @Test
  void aModuleCountedBesideItsCertificateAddsNothingTheCertificateAlreadyHas() {
    // "7 ECTS of [certificate, one of its modules]": the module's 2 ECTS are inside the certificate's 5
    Requirement seven = minCredits("seven", 7, cred("kcert", cert), cred("kmodule", module));
    AuditResult r = audit(s, seven, IntSet.of(cert, module));
    assertEquals(Status.SATISFIED, node(r, "kcert").status());
    assertEquals(Status.SATISFIED, node(r, "kmodule").status());
    assertEquals(5.0, node(r, "seven").credits(), 1e-9, "5, not 5 + 2");
    assertEquals(Status.PARTIAL, node(r, "seven").status());
    assertEquals(IntSet.of(cert, module), node(r, "seven").countedCredentials());
    assertEquals(Status.SATISFIED,
        Fixture.tree(audit(s, minCredits("five", 5, cred("kcert", cert), cred("kmodule", module)),
            IntSet.of(cert, module))).status());
  }

  @Test
  void aModuleWithMoreCreditsThanItTransfersKeepsTheRest() {
    // 3 ECTS, of which 2 count toward the certificate: 5 + 1
    AuditResult r = audit(s, minCredits("seven", 7, cred("kcert", cert), cred("kbig", bigModule)),
        IntSet.of(cert, bigModule));
    assertEquals(6.0, node(r, "seven").credits(), 1e-9);
  }

  @Test
  void ofTwoAcceptableSubstitutesTheOneThatSatisfiesMoreWins() {
    // the advisor accepts alt5 (listed first) or alt10 for x; only alt10 meets the 10-ECTS rule
    Requirement ten = minCredits("ten", 10, cred("kx", x));
    List<AdvisorException> both = List.of(AdvisorException.substitute("kx", alt5, "listed first"),
        AdvisorException.substitute("kx", alt10, "listed second"));
    AuditResult r = Auditor.standard().audit(s, pathway("p", destination("d", -1, ten)),
        Holdings.of(s, IntSet.of(alt5, alt10), IntSet.empty()), both);
    assertEquals(IntSet.of(alt10), node(r, "kx").countedCredentials());
    assertEquals("substituted by alt10: listed second", node(r, "kx").exception());
    assertEquals(Status.SATISFIED, node(r, "ten").status());
    assertTrue(r.destinations().getFirst().fit().note().contains("requirements read SATISFIED instead of PARTIAL"),
        r.destinations().getFirst().fit().note());
    AuditResult greedy = Auditor.greedy().audit(s, pathway("p", destination("d", -1, ten)),
        Holdings.of(s, IntSet.of(alt5, alt10), IntSet.empty()), both);
    assertEquals(IntSet.of(alt5), node(greedy, "kx").countedCredentials(), "greedy takes the first listed");
    assertEquals(Status.PARTIAL, node(greedy, "ten").status());
  }

  @Test
  void aSubstituteThatAnotherRequirementNeedsIsLeftToIt() {
    Requirement tree = allOf("root", cred("kx", x), cred("kalt5", alt5));
    List<AdvisorException> both = List.of(AdvisorException.substitute("kx", alt5, ""),
        AdvisorException.substitute("kx", alt10, ""));
    AuditResult r = Auditor.standard().audit(s, pathway("p", destination("d", -1, tree)),
        Holdings.of(s, IntSet.of(alt5, alt10), IntSet.empty()), both);
    assertEquals(IntSet.of(alt10), node(r, "kx").countedCredentials());
    assertEquals(IntSet.of(alt5), node(r, "kalt5").countedCredentials());
    assertEquals(Status.SATISFIED, r.status());
    DestinationResult d = r.destinations().getFirst();
    assertEquals(Fit.Method.BEST_FIT, d.fit().method());
    assertTrue(d.fit().optimal());
    Reassignment change = d.fit().reassignments().getFirst();
    assertEquals("root", change.requirementId(), "the highest node whose status changed");
    assertEquals(Status.PARTIAL, change.greedy());
    assertEquals(Status.SATISFIED, change.bestFit());
  }

  @Test
  void whenGreedyIsAlreadyBestTheSolverIsNotAskedAndTheFitSaysSo() {
    Requirement tree = allOf("root", cred("kx", x), cred("kcert", cert));
    AuditResult r = new StandardAuditor(true, Duration.ofSeconds(1), () -> {
      throw new AssertionError("the solver must not be needed when nothing competes");
    }).audit(s, pathway("p", destination("d", -1, tree)), Holdings.of(s, IntSet.of(x, module), IntSet.empty()),
        List.of());
    Fit fit = r.destinations().getFirst().fit();
    assertEquals(Fit.Method.BEST_FIT, fit.method());
    assertTrue(fit.optimal());
    assertTrue(fit.reassignments().isEmpty());
    assertEquals(Status.PARTIAL, node(r, "kcert").status(), "the module's 2 ECTS toward the certificate");
  }

  @Test
  void withoutTheNativeSolverTheAuditFallsBackToGreedyAndSaysWhy() {
    Requirement tree = allOf("root", cred("kx", x), cred("kalt5", alt5));
    List<AdvisorException> both = List.of(AdvisorException.substitute("kx", alt5, ""),
        AdvisorException.substitute("kx", alt10, ""));
    Holdings held = Holdings.of(s, IntSet.of(alt5, alt10), IntSet.empty());
    AuditResult r = new StandardAuditor(true, Duration.ofSeconds(1),
        () -> Optional.of("the OR-Tools native library did not load (simulated)"))
        .audit(s, pathway("p", destination("d", -1, tree)), held, both);
    Fit fit = r.destinations().getFirst().fit();
    assertEquals(Fit.Method.GREEDY, fit.method());
    assertFalse(fit.optimal());
    assertTrue(fit.note().contains("Best fit unavailable") && fit.note().contains("simulated"), fit.note());
    AuditResult greedy = Auditor.greedy().audit(s, pathway("p", destination("d", -1, tree)), held, both);
    assertEquals(greedy.destinations().getFirst().tree(), r.destinations().getFirst().tree());
    assertEquals(Status.PARTIAL, r.status());
  }

  @Test
  void theSolversTimeLimitMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> Auditor.bestFit(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> Auditor.bestFit(Duration.ofMillis(-1)));
    Requirement tree = allOf("root", cred("kx", x), cred("kalt5", alt5));
    AuditResult r = Auditor.bestFit(Duration.ofMillis(200)).audit(s, pathway("p", destination("d", -1, tree)),
        Holdings.of(s, IntSet.of(alt5, alt10), IntSet.empty()),
        List.of(AdvisorException.substitute("kx", alt5, ""), AdvisorException.substitute("kx", alt10, "")));
    assertEquals(Status.SATISFIED, r.status());
  }

  @Test
  void theGreedyBaselineSaysItIsTheBaseline() {
    AuditResult r = Auditor.greedy().audit(s, pathway("p", destination("d", -1, cred("kx", x))),
        Holdings.of(s, IntSet.of(x), IntSet.empty()), List.of());
    assertEquals(Fit.Method.GREEDY, r.destinations().getFirst().fit().method());
    assertFalse(r.destinations().getFirst().fit().optimal());
  }
}
