package io.cairn.gaps.inflation;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.catalog.IntSet;
import io.cairn.labor.demand.SkillDemand;

/** Computes {@link ValueIndex} values (before percentiles) as that type describes. */
final class ValueIndexer {
  private final CatalogSnapshot snapshot;
  private final SkillDemand demand;
  private final double[] weights;

  ValueIndexer(CatalogSnapshot snapshot, SkillDemand demand) {
    this.snapshot = snapshot;
    this.demand = demand;
    this.weights = new double[snapshot.competencies().size()];
    java.util.Arrays.fill(weights, -1);
  }

  /** The demand weight of one skill: ln(1 + essential + optional/2) over itself and its broader concepts. */
  double weight(int k) {
    if (!demand.known()) {
      return 1;
    }
    if (weights[k] < 0) {
      double best = offers(k);
      IntSet up = snapshot.ancestors(k);
      for (int i = 0; i < up.size(); i++) {
        best = Math.max(best, offers(up.get(i)));
      }
      weights[k] = Math.log1p(best);
    }
    return weights[k];
  }

  private double offers(int k) {
    return demand.essential(k) + 0.5 * demand.optional(k);
  }

  /** The skills {@code c} teaches that a learner does not bring to it through its prerequisites. */
  IntSet newSkills(Credential c) {
    IntSet before = c.requiredCompetencies();
    for (int i = 0; i < c.requiredCredentials().size(); i++) {
      before = before.union(snapshot.covers(c.requiredCredentials().get(i)));
    }
    return c.teaches().minus(before);
  }

  /** The index of {@code c}, without its percentile. */
  ValueIndex index(Credential c) {
    double value = newSkills(c).stream().mapToDouble(this::weight).sum();
    Double perHour = c.workloadKnown() && c.hours() > 0 ? value / c.hours() : null;
    Double perCost = c.costKnown() ? value / Math.max(1, c.cost()) : null;
    return new ValueIndex(value, perHour, perCost, null);
  }
}
