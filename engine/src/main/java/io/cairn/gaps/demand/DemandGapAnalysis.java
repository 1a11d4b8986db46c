package io.cairn.gaps.demand;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.catalog.CredentialFacts;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Occupation;
import io.cairn.gaps.inflation.ValueDistribution;
import io.cairn.labor.demand.SkillDemand;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the skills employers need most that no credential teaches, or only expensive ones do. A skill's need is the
 * job offers of the scope's occupations for which it is essential; a credential is expensive above the 75th
 * percentile of the catalog's known prices. Teaching counts as coverage does: a credential teaching a narrower
 * concept teaches the broader one.
 */
public final class DemandGapAnalysis {
  private static final int TEACHERS_SHOWN = 5;

  private DemandGapAnalysis() {}

  /** A skill-value model's values for skills, for a newcomer in {@code goalField} (an ISCO minor group or empty). */
  @FunctionalInterface
  public interface SkillValuer {
    double[] values(String goalField, int[] skills);
  }

  /**
   * The gaps of {@code scope}; {@code valuer} (null: none) adds the model's value of each gap.
   */
  public static DemandGapReport of(CatalogSnapshot snapshot, GapScope scope, SkillDemand demand, SkillValuer valuer) {
    Map<Integer, long[]> need = new LinkedHashMap<>(); // skill -> {offers, occupations}
    scope.occupations().stream().forEach(o -> {
      long offers = demand.occupation(o);
      snapshot.occupation(o).essential().stream().forEach(k -> {
        long[] n = need.computeIfAbsent(k, x -> new long[2]);
        n[0] += offers;
        n[1]++;
      });
    });
    scope.named().stream().forEach(k -> need.putIfAbsent(k, new long[] {demand.essential(k),
        demand.demandedOccupations(k)}));
    double expensive = expensiveAbove(snapshot);
    List<DemandGap> gaps = new ArrayList<>();
    CredentialFacts facts = snapshot.facts();
    need.forEach((k, n) -> {
      IntSet teachers = snapshot.coveredBy(k);
      // most skills are taught cheaply: a scan for the cheapest known price settles them; only a gap's teachers
      // are sorted, for the few it shows
      double cheapestCost = Double.POSITIVE_INFINITY;
      for (int i = 0; i < teachers.size(); i++) {
        int c = teachers.get(i);
        if (facts.costKnown(c)) {
          cheapestCost = Math.min(cheapestCost, facts.cost(c));
        }
      }
      Double cheapest = cheapestCost == Double.POSITIVE_INFINITY ? null : cheapestCost;
      DemandGap.Reason reason = teachers.isEmpty() ? DemandGap.Reason.UNTAUGHT
          : cheapest != null && cheapest > expensive ? DemandGap.Reason.ONLY_EXPENSIVE : null;
      if (reason != null) {
        List<Integer> byCost = teachers.stream().mapToObj(snapshot::credential)
            .sorted(Comparator.comparing((Credential c) -> !c.costKnown()).thenComparingDouble(Credential::cost)
                .thenComparingInt(Credential::index)).limit(TEACHERS_SHOWN).map(Credential::index).toList();
        gaps.add(new DemandGap(k, n[0], (int) n[1], null, reason, cheapest, byCost));
      }
    });
    gaps.sort(Comparator.comparingLong(DemandGap::jobOffers).reversed()
        .thenComparing(Comparator.comparingInt(DemandGap::occupations).reversed())
        .thenComparing(g -> snapshot.competency(g.competency()).label()));
    List<DemandGap> valued = valuer == null || gaps.isEmpty() ? gaps : withValues(snapshot, scope, gaps, valuer);
    return new DemandGapReport(scope, valued, expensive, need.size(), demand.known());
  }

  private static List<DemandGap> withValues(CatalogSnapshot snapshot, GapScope scope, List<DemandGap> gaps,
      SkillValuer valuer) {
    String field = "";
    if (scope.kind() == GapScope.Kind.OCCUPATION || scope.kind() == GapScope.Kind.PATHWAY) {
      field = scope.occupations().isEmpty() ? "" : minorGroup(snapshot.occupation(scope.occupations().get(0)));
    } else if (scope.kind() == GapScope.Kind.ISCO && scope.id().length() >= 3) {
      field = scope.id().substring(0, 3);
    }
    double[] values = valuer.values(field, gaps.stream().mapToInt(DemandGap::competency).toArray());
    List<DemandGap> out = new ArrayList<>();
    for (int i = 0; i < gaps.size(); i++) {
      DemandGap g = gaps.get(i);
      out.add(new DemandGap(g.competency(), g.jobOffers(), g.occupations(), values[i], g.reason(), g.cheapestCost(),
          g.taughtBy()));
    }
    return out;
  }

  private static String minorGroup(Occupation o) {
    return o.iscoGroup() == null || o.iscoGroup().length() < 3 ? "" : o.iscoGroup().substring(0, 3);
  }

  /** The 75th percentile of the catalog's known prices (0 for a catalog without any). */
  public static double expensiveAbove(CatalogSnapshot snapshot) {
    double[] costs = snapshot.credentials().stream().filter(Credential::costKnown).mapToDouble(Credential::cost)
        .sorted().toArray();
    return ValueDistribution.quantile(costs, 0.75);
  }
}
