package io.cairn.gaps.inflation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.gaps.Analytics;
import io.cairn.gaps.AnalysisScope;
import io.cairn.gaps.inflation.InflationSignal.Kind;
import io.cairn.interop.vc.Ob3Fixtures;
import io.cairn.labor.demand.JobOfferTable;
import io.cairn.labor.demand.SkillDemand;
import io.cairn.rank.SampleCatalog;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Badge inflation on the sample with the real job offers, its planted near-duplicates as known answers. */
class InflationAnalysisTest {
  private static final CatalogSnapshot S = SampleCatalog.snapshot();
  private static final SkillDemand DEMAND = SkillDemand.of(S, JobOfferTable.read(Ob3Fixtures.shared()
      .resolve("datasets/labor-market/job_offers_by_esco_occupation.csv")));
  private static final InflationReport REPORT = new Analytics(S, DEMAND, null).inflation(AnalysisScope.catalog(S));
  private static final Map<String, CredentialInflation> BY_ID = REPORT.credentials().stream().collect(
      Collectors.toMap(c -> S.credential(c.credential()).id(), Function.identity()));

  private static int index(String id) {
    return S.findCredential(id).orElseThrow().index();
  }

  private static InflationSignal signal(String id, Kind kind) {
    return BY_ID.get(id).signals().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow(() ->
        new AssertionError(id + " shows no " + kind.apiName() + ": " + BY_ID.get(id).signals()));
  }

  @Test
  void aPlantedCopyIsCoveredByTheCheaperOriginalAndSaysSo() {
    InflationSignal covered = signal("cc-data-cleaning-bootcamp", Kind.COVERED_BY_CHEAPER);
    assertTrue(covered.credentials().contains(index("sf-data-cleaning")), covered.toString());
    assertTrue(covered.text().contains("Data Cleaning in Practice") && covered.text().contains("39 EUR instead of 390"),
        covered.text());
    // every coverer named really covers every skill and is cheaper or shorter
    for (CredentialInflation c : REPORT.credentials()) {
      Credential credential = S.credential(c.credential());
      c.signals().stream().filter(s -> s.kind() == Kind.COVERED_BY_CHEAPER).forEach(s -> s.credentials().stream()
          .forEach(b -> {
            Credential better = S.credential(b);
            assertEquals(credential.teaches().size(), S.covers(b).intersectionSize(credential.teaches()));
            assertTrue(better.cost() < credential.cost() || better.hours() < credential.hours(), s.text());
          }));
    }
    // the original is the cheapest of its family: nothing cheaper covers it through the copies
    assertFalse(BY_ID.get("sf-data-cleaning").signals().stream().anyMatch(s -> s.kind() == Kind.COVERED_BY_CHEAPER
        && s.credentials().stream().anyMatch(b -> S.credential(b).id().startsWith("cc-"))));
  }

  @Test
  void theCopycatIssuerIsAllNearDuplicatesAndItsBadgesStackIntoNothing() {
    int copycat = S.findIssuer("copycat-badges").orElseThrow().index();
    InflationReport.IssuerDuplicates issuer = REPORT.issuers().get(0);
    assertEquals(copycat, issuer.issuer(), "the largest share comes first: " + REPORT.issuers());
    assertEquals(4, issuer.credentials());
    assertEquals(1.0, issuer.share());
    InflationSignal dup = signal("cc-statistics-refresher", Kind.ISSUER_NEAR_DUPLICATES);
    assertTrue(dup.credentials().contains(index("cc-statistics-fundamentals")), dup.toString());
    signal("cc-statistics-refresher", Kind.STACKS_INTO_NOTHING);
    // a badge that stacks into a nanodegree does not stack into nothing, and SkillForge is no copycat
    assertFalse(BY_ID.get("sf-data-cleaning").shows(Kind.STACKS_INTO_NOTHING));
    assertFalse(BY_ID.get("sf-data-cleaning").shows(Kind.ISSUER_NEAR_DUPLICATES));
  }

  @Test
  void valueIndexIsDemandWeightedNewSkillsPerHourWithPercentilesOverTheScope() {
    CredentialInflation cleaning = BY_ID.get("sf-data-cleaning");
    Credential c = S.credential(cleaning.credential());
    double expected = 0;
    for (int i = 0; i < c.teaches().size(); i++) {
      int k = c.teaches().get(i);
      double best = DEMAND.essential(k) + 0.5 * DEMAND.optional(k);
      for (int j = 0; j < S.ancestors(k).size(); j++) {
        int a = S.ancestors(k).get(j);
        best = Math.max(best, DEMAND.essential(a) + 0.5 * DEMAND.optional(a));
      }
      expected += Math.log1p(best);
    }
    assertEquals(expected, cleaning.valueIndex().value(), 1e-9);
    assertEquals(expected / c.hours(), cleaning.valueIndex().perHour(), 1e-9);
    assertEquals(expected / c.cost(), cleaning.valueIndex().perCost(), 1e-9);
    // the copy teaching the same skills for three times the hours stands lower
    assertTrue(BY_ID.get("cc-data-cleaning-bootcamp").valueIndex().percentile()
        < cleaning.valueIndex().percentile());
    ValueDistribution d = REPORT.perHour();
    assertTrue(d.p10() <= d.p25() && d.p25() <= d.p50() && d.p50() <= d.p75() && d.p75() <= d.p90());
    assertEquals(d.count(), d.histogram().stream().mapToInt(ValueDistribution.Bin::count).sum());
    long below = REPORT.credentials().stream().filter(x -> x.valueIndex().perHour() != null
        && x.valueIndex().perHour() < d.p50()).count();
    assertTrue(Math.abs(below - d.count() / 2.0) <= 1 + d.count() * 0.05, below + " of " + d.count() + " below p50");
  }

  @Test
  void anIssuerScopeListsOnlyItsCredentialsAndWithoutDemandNoNoDemandSignal() {
    AnalysisScope skillforge = AnalysisScope.issuer(S, S.findIssuer("skillforge").orElseThrow());
    InflationReport report = new Analytics(S, SkillDemand.none(S), null).inflation(skillforge);
    assertEquals(skillforge.credentials().size(), report.credentials().size());
    report.credentials().forEach(c -> assertEquals("skillforge", S.issuer(S.credential(c.credential()).issuer()).id()));
    report.credentials().forEach(c -> assertFalse(c.shows(Kind.NO_DEMAND)));
    // with every skill weighing 1, the value is the count of new skills
    Credential python = S.findCredential("sf-python-for-data").orElseThrow();
    CredentialInflation row = report.credentials().stream().filter(c -> c.credential() == python.index())
        .findFirst().orElseThrow();
    assertTrue(row.valueIndex().value() <= python.teaches().size());
    assertNull(InflationSignal.Kind.byApiName("no-such").orElse(null));
  }
}
