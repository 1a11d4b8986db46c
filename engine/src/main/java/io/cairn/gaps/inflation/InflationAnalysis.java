package io.cairn.gaps.inflation;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.gaps.AnalysisScope;
import io.cairn.gaps.overlap.OverlapReport;
import io.cairn.labor.demand.SkillDemand;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Badge-inflation signals and the value index of a scope's credentials. The near-duplicates behind the issuer
 * signal come from the whole catalog's overlap (an issuer is judged on all its credentials), and the cheaper
 * coverer may be any credential of the catalog.
 */
public final class InflationAnalysis {
  /** Bins of the value-index histograms. */
  public static final int BINS = 10;

  private InflationAnalysis() {}

  /** The report for {@code scope}, with {@code catalogOverlap} the whole catalog's near-duplicate pairs. */
  public static InflationReport of(CatalogSnapshot snapshot, AnalysisScope scope, SkillDemand demand,
      OverlapReport catalogOverlap) {
    ValueIndexer indexer = new ValueIndexer(snapshot, demand);
    InflationSignals signals = new InflationSignals(snapshot, demand, catalogOverlap);
    List<Credential> members = scope.credentials().stream().mapToObj(snapshot::credential).toList();
    List<ValueIndex> raw = members.stream().map(indexer::index).toList();
    double[] perHour = raw.stream().filter(v -> v.perHour() != null).mapToDouble(ValueIndex::perHour).sorted()
        .toArray();
    double[] perCost = raw.stream().filter(v -> v.perCost() != null).mapToDouble(ValueIndex::perCost).toArray();
    List<CredentialInflation> items = new ArrayList<>();
    TreeSet<Integer> issuers = new TreeSet<>();
    for (int i = 0; i < members.size(); i++) {
      Credential c = members.get(i);
      ValueIndex v = raw.get(i);
      Double percentile = v.perHour() == null ? null : percentile(perHour, v.perHour());
      items.add(new CredentialInflation(c.index(), new ValueIndex(v.value(), v.perHour(), v.perCost(), percentile),
          signals.of(c)));
      if (c.issuer() >= 0) {
        issuers.add(c.issuer());
      }
    }
    items.sort(Comparator.<CredentialInflation>comparingInt(c -> -c.signals().size())
        .thenComparingDouble(c -> c.valueIndex().percentile() == null ? 101 : c.valueIndex().percentile())
        .thenComparingInt(CredentialInflation::credential));
    List<InflationReport.IssuerDuplicates> issuerRows = new ArrayList<>(issuers.stream().map(signals::issuer).toList());
    issuerRows.sort(Comparator.comparingDouble(InflationReport.IssuerDuplicates::share).reversed()
        .thenComparingInt(InflationReport.IssuerDuplicates::issuer));
    return new InflationReport(scope, items, ValueDistribution.of(perHour, BINS), ValueDistribution.of(perCost, BINS),
        issuerRows);
  }

  /** Percent of {@code sorted} below {@code v}, ties counted at their midpoint. */
  static double percentile(double[] sorted, double v) {
    int below = lowerBound(sorted, v);
    int upTo = lowerBound(sorted, Math.nextUp(v));
    return 100.0 * (below + (upTo - below) / 2.0) / sorted.length;
  }

  private static int lowerBound(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
