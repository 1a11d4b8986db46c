package io.cairn.audit;

import static io.cairn.audit.Fixture.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Pathway;
import io.cairn.rank.SampleCatalog;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample's data analytics pathway (the real graph and snapshot compiler), with the advisor's answers worked
 * out by hand from {@code datasets/sample/pathways.ttl}: every module is 5 ECTS and stacks into the certificate
 * (30 ECTS) or the BSc.
 */
class SampleAuditTest {
  private static CatalogSnapshot s;
  private static Pathway dataAnalytics;

  @BeforeAll
  static void load() {
    s = SampleCatalog.snapshot();
    dataAnalytics = s.findPathway("data-analytics").orElseThrow();
  }

  private static int credential(String id) {
    return s.findCredential(id).orElseThrow().index();
  }

  private static IntSet held(String... ids) {
    return IntSet.of(Arrays.stream(ids).mapToInt(SampleAuditTest::credential).toArray());
  }

  private static AuditResult audit(Auditor auditor, IntSet credentials, AdvisorException... exceptions) {
    return auditor.audit(s, dataAnalytics, Holdings.of(s, credentials, IntSet.empty()), List.of(exceptions));
  }

  private static NodeResult inBsc(AuditResult r, String id) {
    return Fixture.find(r.destination("da-bsc-dest").orElseThrow().tree(), id).orElseThrow();
  }

  @Test
  void dataMiningAndBigDataSatisfyAdvancedAndElectives() {
    IntSet both = held("nb-mc-data-mining", "nb-mc-big-data-platforms");
    AuditResult r = audit(Auditor.standard(), both);
    // Advanced needs 2 of [Data Mining, Machine Learning, Big Data Platforms]: both held modules go there
    NodeResult advanced = inBsc(r, "da-bsc-advanced");
    assertEquals(Status.SATISFIED, advanced.status());
    assertEquals(2, advanced.satisfiedCount());
    assertEquals(both, advanced.countedCredentials());
    // Electives (10 ECTS) allow double counting: the same two modules count there too, 5 + 5
    NodeResult electives = inBsc(r, "da-bsc-electives");
    assertEquals(Status.SATISFIED, electives.status());
    assertEquals(10.0, electives.credits(), 1e-9);
    // the foundation gets nothing: the certificate's partial credit would have cost Advanced its Data Mining
    assertEquals(Status.MISSING, inBsc(r, "da-bsc-cert").status());
    assertEquals(Status.MISSING, inBsc(r, "da-bsc-foundation").status());
    NodeResult root = inBsc(r, "da-bsc-root");
    assertEquals(Status.PARTIAL, root.status());
    assertEquals(2, root.satisfiedCount());

    DestinationResult bsc = r.destination("da-bsc-dest").orElseThrow();
    assertEquals(Fit.Method.BEST_FIT, bsc.fit().method());
    assertTrue(bsc.fit().optimal());
    Reassignment gain = bsc.fit().reassignments().stream().filter(c -> c.requirementId().equals("da-bsc-advanced"))
        .findFirst().orElseThrow();
    assertEquals(Status.PARTIAL, gain.greedy());
    assertEquals(Status.SATISFIED, gain.bestFit());
    assertEquals(held("nb-mc-data-mining"), gain.credentials());
    assertEquals("Advanced modules: at least 2 of 3 reads SATISFIED (greedy: PARTIAL) by assigning Data Mining to "
        + "it instead of as partial credit toward Certificate in Data Analytics", gain.text());
    Reassignment cost = bsc.fit().reassignments().stream()
        .filter(c -> c.requirementId().equals("da-bsc-foundation")).findFirst().orElseThrow();
    assertEquals("Foundation: analytics basis and programming reads MISSING (greedy: PARTIAL): Data Mining counts "
        + "toward Advanced modules: at least 2 of 3 instead, where it satisfies more", cost.text());
    assertEquals(2, bsc.fit().reassignments().size());
  }

  @Test
  void theGreedyBaselineGaveDataMiningToTheCertificate() {
    AuditResult r = audit(Auditor.greedy(), held("nb-mc-data-mining", "nb-mc-big-data-platforms"));
    assertEquals(Status.PARTIAL, inBsc(r, "da-bsc-cert").status());
    assertEquals(5.0, inBsc(r, "da-bsc-cert").credits(), 1e-9);
    assertEquals(Status.PARTIAL, inBsc(r, "da-bsc-advanced").status());
    assertEquals(1, inBsc(r, "da-bsc-advanced").satisfiedCount());
  }

  @Test
  void waivingTheFoundationOrHoldingTheCertificateNoLongerChangesAdvanced() {
    // under greedy both made Advanced better; under a best fit Advanced is already satisfied
    IntSet both = held("nb-mc-data-mining", "nb-mc-big-data-platforms");
    assertEquals(Status.SATISFIED, inBsc(audit(Auditor.standard(), both,
        AdvisorException.waive("da-bsc-foundation", "prior degree")), "da-bsc-advanced").status());
    AuditResult withCertificate = audit(Auditor.standard(), both.union(held("nb-cert-data-analytics")));
    assertEquals(Status.SATISFIED, inBsc(withCertificate, "da-bsc-advanced").status());
    assertEquals(Status.SATISFIED, inBsc(withCertificate, "da-bsc-analytics-basis").status());
  }

  @Test
  void anOffRampMetWhileTheDegreeIsPartialIsNamedAsSuch() {
    AuditResult r = audit(Auditor.standard(), held("nb-mc-data-wrangling", "nb-mc-applied-statistics",
        "nb-mc-databases-and-sql", "nb-mc-business-intelligence", "nb-mc-data-governance", "nb-mc-linked-data"));
    DestinationResult certificate = r.destination("da-cert-dest").orElseThrow();
    DestinationResult bsc = r.destination("da-bsc-dest").orElseThrow();
    assertEquals(Status.SATISFIED, certificate.status());
    assertTrue(certificate.offRamp());
    assertEquals(Status.PARTIAL, bsc.status());
    assertFalse(bsc.offRamp());
    // the pathway's status is the best destination's, and says which one that is: the exit certificate
    assertEquals(Status.SATISFIED, r.status());
    assertEquals("da-cert-dest", r.statusDestination().orElseThrow().id());
    assertTrue(r.statusDestination().orElseThrow().offRamp());
    // the three core modules satisfy the BSc's analytics basis; the three electives give the certificate leaf
    // partial credit (15 of 30 ECTS) and also count toward the BSc's electives
    assertEquals(Status.SATISFIED, inBsc(r, "da-bsc-core-modules").status());
    assertEquals(15.0, inBsc(r, "da-bsc-cert").credits(), 1e-9);
    assertEquals(Status.SATISFIED, inBsc(r, "da-bsc-electives").status());
  }

  @Test
  void withBothDestinationsPartialTheStatusRefersToTheDegree() {
    AuditResult r = audit(Auditor.standard(), held("nb-mc-data-mining"));
    assertEquals(Status.PARTIAL, r.status());
    assertEquals("da-bsc-dest", r.statusDestination().orElseThrow().id());
  }
}
