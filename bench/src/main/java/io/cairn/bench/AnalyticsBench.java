package io.cairn.bench;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.gaps.Analytics;
import io.cairn.gaps.AnalysisScope;
import io.cairn.gaps.demand.DemandGap;
import io.cairn.gaps.demand.DemandGapReport;
import io.cairn.gaps.demand.GapScope;
import io.cairn.gaps.inflation.InflationReport;
import io.cairn.gaps.inflation.ValueDistribution;
import io.cairn.gaps.overlap.OverlapReport;
import io.cairn.labor.demand.JobOfferTable;
import io.cairn.labor.demand.SkillDemand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Times the curriculum analytics on the whole benchmark catalog, each on a fresh {@link Analytics} (nothing cached):
 * overlap at Jaccard 0.5, inflation (which runs its own catalog overlap) and the demand gaps of every occupation.
 * Inflation is timed once more on the overlap step's {@code Analytics}, which reuses the catalog overlap it cached,
 * as the server's single {@code Analytics} per snapshot does.
 */
final class AnalyticsBench {
  private AnalyticsBench() {}

  static Map<String, Object> run(CatalogSnapshot snapshot, Path shared) {
    Path offersFile = shared.resolve("datasets/labor-market/job_offers_by_esco_occupation.csv");
    long t0 = System.nanoTime();
    SkillDemand demand = Files.isRegularFile(offersFile) ? SkillDemand.of(snapshot, JobOfferTable.read(offersFile))
        : SkillDemand.none(snapshot);
    double demandSeconds = (System.nanoTime() - t0) / 1e9;
    AnalysisScope catalog = AnalysisScope.catalog(snapshot);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("credentials", snapshot.credentials().size());
    m.put("demandKnown", demand.known());
    m.put("demandSeconds", demandSeconds);

    t0 = System.nanoTime();
    Analytics analytics = new Analytics(snapshot, demand, null);
    OverlapReport overlap = analytics.overlap(catalog, Analytics.NEAR_DUPLICATE);
    double overlapSeconds = (System.nanoTime() - t0) / 1e9;
    long n = snapshot.credentials().size();
    m.put("overlapSeconds", overlapSeconds);
    m.put("overlapPairs", overlap.pairs().size());
    m.put("overlapClusters", overlap.clusters().size());
    m.put("overlapCandidates", overlap.candidates());
    m.put("overlapScored", overlap.scored());
    m.put("allPairs", n * (n - 1) / 2);
    m.put("overlapCommonSkillsSkipped", overlap.commonSkillsSkipped());
    Bench.progress("    overlap: %.2f s, %,d pairs in %,d clusters from %,d candidates (of %,d pairs), %,d of them"
        + " scored", overlapSeconds, overlap.pairs().size(), overlap.clusters().size(), overlap.candidates(),
        n * (n - 1) / 2, overlap.scored());

    // the target's figure: a fresh Analytics, so inflation finds the catalog's near-duplicates itself
    t0 = System.nanoTime();
    InflationReport inflation = new Analytics(snapshot, demand, null).inflation(catalog);
    double inflationSeconds = (System.nanoTime() - t0) / 1e9;
    Map<String, Integer> signals = signalCounts(inflation);
    m.put("inflationSeconds", inflationSeconds);
    m.put("inflationOverlapShared", false);
    m.put("inflationSignals", signals);
    m.put("valuePerHour", Map.of("p10", inflation.perHour().p10(), "p50", inflation.perHour().p50(), "p90",
        inflation.perHour().p90()));
    Bench.progress("    inflation: %.2f s (its own catalog overlap included), signals %s", inflationSeconds, signals);
    // as the server runs it: on the Analytics that holds the catalog overlap already (the overlap step's)
    t0 = System.nanoTime();
    InflationReport sharedInflation = analytics.inflation(catalog);
    double sharedSeconds = (System.nanoTime() - t0) / 1e9;
    m.put("inflationSharedOverlapSeconds", sharedSeconds);
    Bench.progress("    inflation reusing the overlap step's catalog overlap: %.2f s, signals %s", sharedSeconds,
        signalCounts(sharedInflation));

    t0 = System.nanoTime();
    DemandGapReport gaps = new Analytics(snapshot, demand, null).gaps(GapScope.catalog(snapshot));
    double gapsSeconds = (System.nanoTime() - t0) / 1e9;
    m.put("gapsSeconds", gapsSeconds);
    m.put("gaps", gaps.gaps().size());
    m.put("gapsSkillsConsidered", gaps.skillsConsidered());
    m.put("gapsExpensiveAbove", gaps.expensiveAbove());
    m.put("curves", curves(inflation, gaps));
    Bench.progress("    gaps: %.2f s, %,d of %,d needed skills untaught or only expensive", gapsSeconds,
        gaps.gaps().size(), gaps.skillsConsidered());
    m.put("what", "each analysis on a fresh Analytics over the whole catalog (ESCO + generated credentials), one run,"
        + " wall-clock; inflationSharedOverlapSeconds: inflation again on the overlap step's Analytics, reusing its"
        + " cached catalog overlap");
    return m;
  }

  private static Map<String, Integer> signalCounts(InflationReport inflation) {
    Map<String, Integer> signals = new LinkedHashMap<>();
    inflation.credentials().forEach(c -> c.signals().forEach(s -> signals.merge(s.kind().apiName(), 1, Integer::sum)));
    return signals;
  }

  /**
   * What the analytics notebook plots: the value index of every credential with a known workload (per hour) and
   * price (per unit of cost), as 1,001 quantiles each so the file stays small at any catalog size, and every demand
   * gap's job offers and reason, the most job offers first (the demand gap curve).
   */
  private static Map<String, Object> curves(InflationReport inflation, DemandGapReport gaps) {
    double[] perHour = inflation.credentials().stream().map(c -> c.valueIndex().perHour())
        .filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).sorted().toArray();
    double[] perCost = inflation.credentials().stream().map(c -> c.valueIndex().perCost())
        .filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).sorted().toArray();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("valuePerHourQuantiles", quantiles(perHour));
    m.put("valuePerHourCount", perHour.length);
    m.put("valuePerCostQuantiles", quantiles(perCost));
    m.put("valuePerCostCount", perCost.length);
    m.put("gapJobOffers", gaps.gaps().stream().mapToLong(DemandGap::jobOffers).toArray());
    m.put("gapReasons", gaps.gaps().stream().map(g -> g.reason().apiName()).toList());
    return m;
  }

  private static double[] quantiles(double[] sorted) {
    double[] q = new double[sorted.length == 0 ? 0 : 1001];
    for (int i = 0; i < q.length; i++) {
      q[i] = ValueDistribution.quantile(sorted, i / 1000.0);
    }
    return q;
  }
}
