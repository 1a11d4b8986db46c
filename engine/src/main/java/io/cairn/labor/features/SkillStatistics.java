package io.cairn.labor.features;

import io.cairn.labor.data.OccupationSkills;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts over a set of occupations (the training split when learning and measuring; every occupation when
 * serving): how many need each skill and as essential, how often two skills go together, the same per ISCO minor
 * group, and the job offers behind each skill. Nothing here is computed from occupations outside the set.
 */
public final class SkillStatistics {
  final int skillCount;
  final List<OccupationSkills> occupations;
  final int[] count;
  final int[] essentialCount;
  final double[] demand;
  final double[] logDemand;
  final double totalDemand;
  final double totalLogDemand;
  /** For each skill, the other skills it appears with (ascending) and in how many occupations. */
  final int[][] coSkills;
  final int[][] coCounts;
  final Map<String, int[]> groupCounts = new HashMap<>();
  final Map<String, Integer> groupSizes = new HashMap<>();
  /** For each skill, the positions (in {@link #occupations}) of the occupations needing it. */
  final int[][] occupationsOf;
  /** Skills needed by at least one occupation, most needed first (ties by index): the global pool, precomputed. */
  final int[] byCount;
  /** The same per minor group. */
  final Map<String, int[]> groupByCount = new HashMap<>();

  public SkillStatistics(int skillCount, List<OccupationSkills> occupations) {
    this.skillCount = skillCount;
    this.occupations = List.copyOf(occupations);
    count = new int[skillCount];
    essentialCount = new int[skillCount];
    demand = new double[skillCount];
    logDemand = new double[skillCount];
    double total = 0;
    double totalLog = 0;
    List<List<Integer>> postings = new ArrayList<>(skillCount);
    for (int i = 0; i < skillCount; i++) {
      postings.add(new ArrayList<>(0));
    }
    for (int p = 0; p < occupations.size(); p++) {
      OccupationSkills o = occupations.get(p);
      total += o.offers();
      totalLog += Math.log1p(o.offers());
      int[] group = groupCounts.computeIfAbsent(o.minorGroup(), g -> new int[skillCount]);
      groupSizes.merge(o.minorGroup(), 1, Integer::sum);
      for (int s : o.skills().toArray()) {
        count[s]++;
        essentialCount[s] += o.essential().contains(s) ? 1 : 0;
        demand[s] += o.offers();
        logDemand[s] += Math.log1p(o.offers());
        group[s]++;
        postings.get(s).add(p);
      }
    }
    totalDemand = total;
    totalLogDemand = totalLog;
    this.occupationsOf = new int[skillCount][];
    for (int s = 0; s < skillCount; s++) {
      occupationsOf[s] = postings.get(s).stream().mapToInt(Integer::intValue).toArray();
    }
    byCount = descending(count);
    groupCounts.forEach((group, counts) -> groupByCount.put(group, descending(counts)));
    coSkills = new int[skillCount][];
    coCounts = new int[skillCount][];
    int[] together = new int[skillCount];
    for (int s = 0; s < skillCount; s++) {
      java.util.BitSet seen = new java.util.BitSet(skillCount);
      for (int p : postings.get(s)) {
        for (int other : occupations.get(p).skills().toArray()) {
          if (other != s) {
            together[other]++;
            seen.set(other);
          }
        }
      }
      int[] skills = seen.stream().toArray();
      int[] counts = new int[skills.length];
      for (int i = 0; i < skills.length; i++) {
        counts[i] = together[skills[i]];
        together[skills[i]] = 0;
      }
      coSkills[s] = skills;
      coCounts[s] = counts;
    }
  }

  private static int[] descending(int[] counts) {
    return java.util.stream.IntStream.range(0, counts.length).filter(s -> counts[s] > 0).boxed()
        .sorted((a, b) -> counts[a] != counts[b] ? Integer.compare(counts[b], counts[a]) : Integer.compare(a, b))
        .mapToInt(Integer::intValue).toArray();
  }

  public int skillCount() {
    return skillCount;
  }

  /** The occupations counted. */
  public List<OccupationSkills> occupations() {
    return occupations;
  }

  /** Occupations needing the skill. */
  public int count(int skill) {
    return count[skill];
  }

  /** Job offers of the occupations needing the skill. */
  public double demand(int skill) {
    return demand[skill];
  }

  /** Occupations needing both skills (0 for a skill with itself). */
  public int together(int a, int b) {
    int i = java.util.Arrays.binarySearch(coSkills[a], b);
    return i < 0 ? 0 : coCounts[a][i];
  }
}
