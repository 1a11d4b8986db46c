package io.cairn.gaps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.gaps.inflation.InflationReport;
import io.cairn.labor.demand.SkillDemand;
import io.cairn.rank.SampleCatalog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cache of {@link Analytics}: inflation reuses the catalog overlap and never writes the cache recursively. */
class AnalyticsTest {
  private static final CatalogSnapshot S = SampleCatalog.snapshot();

  @Test
  void inflationOfManyScopesReusesTheCachedCatalogOverlap() {
    Analytics analytics = new Analytics(S, SkillDemand.none(S), null);
    AnalysisScope catalog = AnalysisScope.catalog(S);
    var overlap = analytics.overlap(catalog, Analytics.NEAR_DUPLICATE);
    // scopes under many ids on one Analytics: each reuses the catalog overlap computed above
    List<InflationReport> reports = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      AnalysisScope scope = new AnalysisScope(AnalysisScope.Kind.ISSUER, "issuer-" + i, "issuer " + i,
          catalog.credentials());
      reports.add(analytics.inflation(scope));
      assertSame(overlap, analytics.overlap(catalog, Analytics.NEAR_DUPLICATE), "the catalog overlap stays cached");
    }
    reports.forEach(r -> assertEquals(S.credentials().size(), r.credentials().size()));
    // on a fresh Analytics the inflation computes the catalog overlap too: computing it inside the inflation's
    // cache entry failed ("Recursive update") whenever the two keys fell in one bin of the cache's table (it did
    // here before the fix)
    for (int i = 0; i < 200; i++) {
      AnalysisScope scope = new AnalysisScope(AnalysisScope.Kind.PATHWAY, "pathway-" + i, "pathway " + i,
          catalog.credentials());
      assertEquals(S.credentials().size(), new Analytics(S, SkillDemand.none(S), null).inflation(scope)
          .credentials().size(), scope.id());
    }
    assertSame(reports.get(23), analytics.inflation(new AnalysisScope(AnalysisScope.Kind.ISSUER, "issuer-23",
        "issuer 23", catalog.credentials())), "a scope's report is cached too");
  }
}
