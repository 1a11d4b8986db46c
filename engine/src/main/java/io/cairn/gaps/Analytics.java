package io.cairn.gaps;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.gaps.demand.DemandGapAnalysis;
import io.cairn.gaps.demand.DemandGapReport;
import io.cairn.gaps.demand.GapScope;
import io.cairn.gaps.inflation.InflationAnalysis;
import io.cairn.gaps.inflation.InflationReport;
import io.cairn.gaps.overlap.OverlapFinder;
import io.cairn.gaps.overlap.OverlapReport;
import io.cairn.labor.demand.SkillDemand;

/**
 * The curriculum designer's analytics over one catalog snapshot: overlap, badge inflation and demand gaps. Results
 * are cached per scope (the snapshot never changes, so they never go stale); thread-safe.
 */
public final class Analytics {
  /** The Jaccard at which two credentials count as near-duplicates for the inflation signals. */
  public static final double NEAR_DUPLICATE = 0.5;

  private final CatalogSnapshot snapshot;
  private final SkillDemand demand;
  private final DemandGapAnalysis.SkillValuer valuer;
  private final OverlapFinder finder;
  private final Cache<Object, Object> results = Caffeine.newBuilder().maximumSize(32).build();

  private record OverlapKey(AnalysisScope.Kind kind, String id, double minSimilarity) {}

  private record InflationKey(AnalysisScope.Kind kind, String id) {}

  /**
   * @param demand the job offers of {@code snapshot}
   * @param valuer the skill-value model's values for the gap list, or null without a model
   */
  public Analytics(CatalogSnapshot snapshot, SkillDemand demand, DemandGapAnalysis.SkillValuer valuer) {
    if (demand.snapshotVersion() != snapshot.version()) {
      throw new IllegalArgumentException("demand of snapshot " + demand.snapshotVersion() + " given for snapshot "
          + snapshot.version());
    }
    this.snapshot = snapshot;
    this.demand = demand;
    this.valuer = valuer;
    this.finder = OverlapFinder.of(snapshot);
  }

  public CatalogSnapshot snapshot() {
    return snapshot;
  }

  public SkillDemand demand() {
    return demand;
  }

  /** The near-duplicate pairs among the scope's credentials with Jaccard ≥ {@code minSimilarity}, and clusters. */
  public OverlapReport overlap(AnalysisScope scope, double minSimilarity) {
    return (OverlapReport) results.get(new OverlapKey(scope.kind(), scope.id(), minSimilarity),
        k -> finder.find(scope.credentials(), minSimilarity));
  }

  /** The inflation signals and value index of the scope's credentials. */
  public InflationReport inflation(AnalysisScope scope) {
    InflationKey key = new InflationKey(scope.kind(), scope.id());
    Object cached = results.getIfPresent(key);
    if (cached != null) {
      return (InflationReport) cached;
    }
    // the catalog overlap is looked up (or computed and cached) first, outside the inflation's computation: the
    // cache must not be written from within one of its own mapping functions
    OverlapReport catalogOverlap = overlap(AnalysisScope.catalog(snapshot), NEAR_DUPLICATE);
    return (InflationReport) results.get(key, k -> InflationAnalysis.of(snapshot, scope, demand, catalogOverlap));
  }

  /** The skills the scope's occupations need that no credential teaches, or only expensive ones do. */
  public DemandGapReport gaps(GapScope scope) {
    return DemandGapAnalysis.of(snapshot, scope, demand, valuer);
  }
}
