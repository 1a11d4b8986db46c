package io.cairn.gaps.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.catalog.Occupation;
import io.cairn.interop.vc.Ob3Fixtures;
import io.cairn.labor.demand.JobOfferTable;
import io.cairn.labor.demand.SkillDemand;
import io.cairn.rank.SampleCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Demand gaps on the sample, whose README names the two essential skills it leaves untaught on purpose. */
class DemandGapAnalysisTest {
  private static final CatalogSnapshot S = SampleCatalog.snapshot();
  private static final SkillDemand DEMAND = SkillDemand.of(S, JobOfferTable.read(Ob3Fixtures.shared()
      .resolve("datasets/labor-market/job_offers_by_esco_occupation.csv")));

  private static List<String> labels(DemandGapReport report) {
    return report.gaps().stream().map(g -> S.competency(g.competency()).label()).toList();
  }

  @Test
  void theCatalogsDeliberateGapsAreUntaughtAndRankedByTheirJobOffers() {
    DemandGapReport report = DemandGapAnalysis.of(S, GapScope.catalog(S), DEMAND, null);
    List<DemandGap> untaught = report.gaps().stream().filter(g -> g.reason() == DemandGap.Reason.UNTAUGHT).toList();
    assertEquals(List.of("manage closed-circuit television system", "neuromarketing techniques").stream().sorted()
        .toList(), untaught.stream().map(g -> S.competency(g.competency()).label()).sorted().toList());
    for (DemandGap g : untaught) {
      long offers = 0;
      int occupations = 0;
      for (Occupation o : S.occupations()) {
        if (o.essential().contains(g.competency())) {
          offers += DEMAND.occupation(o.index());
          occupations++;
        }
      }
      assertEquals(offers, g.jobOffers());
      assertEquals(occupations, g.occupations());
      assertNull(g.cheapestCost());
      assertNull(g.value(), "no model, no value");
    }
    for (int i = 1; i < report.gaps().size(); i++) {
      assertTrue(report.gaps().get(i - 1).jobOffers() >= report.gaps().get(i).jobOffers(), labels(report).toString());
    }
  }

  @Test
  void onlyExpensiveMeansEveryTeacherWithAPriceCostsMoreThanTheCatalogs75thPercentile() {
    DemandGapReport report = DemandGapAnalysis.of(S, GapScope.catalog(S), DEMAND, (field, skills) -> {
      double[] v = new double[skills.length];
      java.util.Arrays.fill(v, 0.25);
      return v;
    });
    double[] costs = S.credentials().stream().mapToDouble(Credential::cost).sorted().toArray();
    assertTrue(report.expensiveAbove() >= costs[(int) (costs.length * 0.7)] && report.expensiveAbove()
        <= costs[(int) Math.ceil(costs.length * 0.8)], "the 75th percentile: " + report.expensiveAbove());
    List<DemandGap> expensive = report.gaps().stream().filter(g -> g.reason() == DemandGap.Reason.ONLY_EXPENSIVE)
        .toList();
    assertTrue(!expensive.isEmpty(), "the sample teaches some needed skills only in degrees and certificates");
    for (DemandGap g : expensive) {
      S.coveredBy(g.competency()).stream().forEach(c -> assertTrue(S.credential(c).cost() > report.expensiveAbove(),
          S.credential(c).id()));
      assertEquals(S.credential(g.taughtBy().get(0)).cost(), g.cheapestCost());
      assertEquals(0.25, g.value());
    }
  }

  @Test
  void anOccupationOrItsIscoGroupNarrowTheNeedsToTheirOccupations() {
    Occupation technician = S.occupations().stream().filter(o -> o.label().equals("ICT security technician"))
        .findFirst().orElseThrow();
    DemandGapReport one = DemandGapAnalysis.of(S, GapScope.occupation(technician), DEMAND, null);
    assertEquals(List.of("manage closed-circuit television system"), labels(one).stream()
        .filter(l -> l.contains("television")).toList());
    one.gaps().forEach(g -> assertTrue(technician.essential().contains(g.competency())));
    DemandGapReport group = DemandGapAnalysis.of(S, GapScope.isco(S, technician.iscoGroup().substring(0, 2)),
        DEMAND, null);
    assertTrue(labels(group).containsAll(labels(one)), labels(group) + " ⊇ " + labels(one));
    assertEquals(0, DemandGapAnalysis.of(S, GapScope.isco(S, "9"), DEMAND, null).skillsConsidered(),
        "no sample occupation is in ISCO major group 9");
  }
}
