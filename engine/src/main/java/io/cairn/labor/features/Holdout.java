package io.cairn.labor.features;

import io.cairn.labor.data.OccupationSkills;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Occupations left out of the statistics for one profile. A training profile leaves out its own occupation's
 * whole ISCO unit group, so its features look like a test profile's (whose unit group is never in training);
 * leaving out the occupation alone would still let its siblings answer for it. Validation, test and serving
 * profiles leave out nothing.
 */
public final class Holdout {
  /** Leaves nothing out. */
  public static final Holdout NONE = new Holdout(List.of());

  final List<OccupationSkills> occupations;
  /** Snapshot indices of the left-out occupations. */
  final java.util.BitSet indices = new java.util.BitSet();
  final Map<Integer, int[]> skillCounts = new HashMap<>();
  final Map<String, Map<Integer, Integer>> groupCounts = new HashMap<>();
  final Map<String, Integer> groupSizes = new HashMap<>();
  final Map<Integer, double[]> demands = new HashMap<>();
  final double totalDemand;
  final double totalLogDemand;

  private Holdout(List<OccupationSkills> occupations) {
    this.occupations = List.copyOf(occupations);
    double total = 0;
    double totalLog = 0;
    for (OccupationSkills o : occupations) {
      indices.set(o.index());
      total += o.offers();
      totalLog += Math.log1p(o.offers());
      groupSizes.merge(o.minorGroup(), 1, Integer::sum);
      o.skills().stream().forEach(s -> {
        double[] d = demands.computeIfAbsent(s, k -> new double[2]);
        d[0] += o.offers();
        d[1] += Math.log1p(o.offers());
      });
      o.skills().stream().forEach(s -> {
        int[] c = skillCounts.computeIfAbsent(s, k -> new int[2]);
        c[0]++;
        c[1] += o.essential().contains(s) ? 1 : 0;
        groupCounts.computeIfAbsent(o.minorGroup(), g -> new HashMap<>()).merge(s, 1, Integer::sum);
      });
    }
    totalDemand = total;
    totalLogDemand = totalLog;
  }

  /** Leaves out these occupations (each must be among the statistics' occupations). */
  public static Holdout of(List<OccupationSkills> occupations) {
    return occupations.isEmpty() ? NONE : new Holdout(occupations);
  }

  public boolean isEmpty() {
    return occupations.isEmpty();
  }

  /** Left-out occupations for which the skill is essential. */
  int essentialCount(int skill) {
    int[] c = skillCounts.get(skill);
    return c == null ? 0 : c[1];
  }

  /** Left-out occupations of the minor group needing the skill. */
  int groupCount(String minorGroup, int skill) {
    Map<Integer, Integer> counts = groupCounts.get(minorGroup);
    return counts == null ? 0 : counts.getOrDefault(skill, 0);
  }

  /** Left-out occupations in the minor group. */
  int groupSize(String minorGroup) {
    return groupSizes.getOrDefault(minorGroup, 0);
  }

  /** Job offers of the left-out occupations needing the skill: {raw, Σ log(1 + offers)}. */
  double demand(int skill, boolean log) {
    double[] d = demands.get(skill);
    return d == null ? 0 : d[log ? 1 : 0];
  }
}
