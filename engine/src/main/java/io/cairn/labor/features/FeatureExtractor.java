package io.cairn.labor.features;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Competency;
import io.cairn.catalog.EscoCollection;
import io.cairn.catalog.IntSet;
import io.cairn.labor.data.OccupationSkills;

/**
 * Builds a profile's candidate pool and the {@link Feature}s of every candidate from the statistics, less the
 * profile's {@link Holdout}. Serving passes the features its model reads: the costly ones it does not read (the
 * item-to-item sums, the hierarchy) are then left at 0, as are the relative ones. What does not depend on the
 * candidate is computed once per profile. Thread-safe: scratch space is per thread.
 */
public final class FeatureExtractor {
  private static final int DIGITAL_BIT = 1;
  private static final int GREEN_BIT = 2;
  private static final int TRANSVERSAL_BIT = 4;
  private static final int LANGUAGE_BIT = 8;
  private static final int KNOWLEDGE_BIT = 16;

  private final CatalogSnapshot snapshot;
  private final SkillStatistics stats;
  private final ItemWeights weights;
  private final PoolSettings pool;
  private final int[] attributes;
  private final int[] reuse;
  private final int[] depth;
  private final ThreadLocal<FeatureScratch> scratch;
  private final boolean ease;
  private final boolean hierarchy;
  /** The relative features to fill, as pairs of (target, base) ordinals. */
  private final Feature[][] relative;

  /** Every feature (for training and evaluation). */
  public FeatureExtractor(CatalogSnapshot snapshot, SkillStatistics stats, ItemWeights weights, PoolSettings pool) {
    this(snapshot, stats, weights, pool, java.util.EnumSet.allOf(Feature.class));
  }

  /**
   * The features in {@code read} and what they are computed from; the item-to-item sums, the hierarchy features
   * and relative features outside it are left at 0 (the cheap rest is filled anyway).
   */
  public FeatureExtractor(CatalogSnapshot snapshot, SkillStatistics stats, ItemWeights weights, PoolSettings pool,
      java.util.Set<Feature> read) {
    if (snapshot.competencies().size() != stats.skillCount) {
      throw new IllegalArgumentException("statistics were counted over another catalog");
    }
    this.snapshot = snapshot;
    this.stats = stats;
    this.weights = weights;
    this.pool = pool;
    this.relative = java.util.Arrays.stream(Feature.RELATIVE).filter(pair -> read.contains(pair[0]))
        .toArray(Feature[][]::new);
    this.ease = read.contains(Feature.EASE) || read.contains(Feature.EASE_RELATIVE);
    this.hierarchy = read.contains(Feature.HIERARCHY_SIBLINGS) || read.contains(Feature.HIERARCHY_SHARED_DEPTH)
        || read.contains(Feature.HIERARCHY_PARENT_CHILD);
    int n = stats.skillCount;
    attributes = new int[n];
    reuse = new int[n];
    depth = new int[n];
    for (Competency c : snapshot.competencies()) {
      int bits = 0;
      bits |= c.collections().contains(EscoCollection.DIGITAL) ? DIGITAL_BIT : 0;
      bits |= c.collections().contains(EscoCollection.GREEN) ? GREEN_BIT : 0;
      bits |= c.collections().contains(EscoCollection.TRANSVERSAL) ? TRANSVERSAL_BIT : 0;
      bits |= c.collections().contains(EscoCollection.LANGUAGE) ? LANGUAGE_BIT : 0;
      bits |= "knowledge".equals(c.skillType()) ? KNOWLEDGE_BIT : 0;
      attributes[c.index()] = bits;
      reuse[c.index()] = switch (c.reuseLevel()) {
        case "transversal" -> 1;
        case "cross-sector" -> 2;
        case "sector-specific" -> 3;
        case "occupation-specific" -> 4;
        default -> 0;
      };
      depth[c.index()] = snapshot.ancestors(c.index()).size() + 1;
    }
    int occupations = stats.occupations.size();
    scratch = ThreadLocal.withInitial(() -> new FeatureScratch(n, occupations, pool));
  }

  public SkillStatistics statistics() {
    return stats;
  }

  /**
   * The candidate pool of a learner holding {@code held} in {@code goalField} (an ISCO minor group, or empty)
   * plus {@code extra} candidates, each with its features.
   */
  public FeatureMatrix extract(IntSet held, String goalField, Holdout holdout, IntSet extra) {
    FeatureScratch s = scratch.get();
    s.begin();
    int[] heldSkills = held.toArray();
    for (int h : heldSkills) {
      s.held[h] = s.gen;
    }
    int occupations = stats.occupations.size() - holdout.occupations.size();
    holdout.skillCounts.forEach((skill, counts) -> s.leftOut[skill] = counts[0]);
    cooccurrence(s, heldSkills, holdout);
    neighbours(s, heldSkills, goalField, holdout);
    // the pool: co-occurring, goal field, global
    s.top.clear();
    for (int i = 0; i < s.touchedCount; i++) {
      int c = s.touched[i];
      if (s.held[c] != s.gen) {
        s.top.offer(c, s.sumP[c]);
      }
    }
    s.addTop(s.top);
    s.addTop(s.neighbourTop);
    int[] group = stats.groupCounts.get(goalField);
    int groupSize = group == null ? 0 : stats.groupSizes.get(goalField) - holdout.groupSize(goalField);
    if (group != null && groupSize > 0 && holdout.isEmpty()) {
      takeUnheld(s, stats.groupByCount.get(goalField), pool.goalField());
    } else if (group != null && groupSize > 0) {
      s.goalTop.clear();
      for (int c = 0; c < group.length; c++) {
        if (group[c] > 0 && s.held[c] != s.gen) {
          int n = holdout.isEmpty() ? group[c] : group[c] - holdout.groupCount(goalField, c);
          if (n > 0) {
            s.goalTop.offer(c, n);
          }
        }
      }
      s.addTop(s.goalTop);
    }
    if (holdout.isEmpty()) {
      takeUnheld(s, stats.byCount, pool.global());
    } else {
      globalWithHoldout(s);
    }
    extra.stream().filter(c -> s.held[c] != s.gen).forEach(s::add);
    int[] candidates = java.util.Arrays.copyOf(s.pool, s.poolSize);
    java.util.Arrays.sort(candidates);
    if (hierarchy) {
      hierarchy(s, heldSkills);
    }
    double totalDemand = stats.totalDemand - holdout.totalDemand;
    double totalLogDemand = stats.totalLogDemand - holdout.totalLogDemand;
    // the same for every candidate of the profile
    float goalFieldSize = (float) Math.log1p(Math.max(groupSize, 0));
    float heldCount = (float) Math.log1p(heldSkills.length);
    int[] heldRows = ease ? weights.rows(heldSkills) : null;
    float[] values = new float[candidates.length * Feature.COUNT];
    for (int row = 0; row < candidates.length; row++) {
      int c = candidates[row];
      int n = stats.count[c] - s.leftOut[c];
      int essential = stats.essentialCount[c] - holdout.essentialCount(c);
      boolean co = s.coStamp[c] == s.gen;
      double sumP = co ? s.sumP[c] : 0;
      double maxP = co ? s.maxP[c] : 0;
      int goalCount = group == null || groupSize <= 0 ? 0 : group[c] - holdout.groupCount(goalField, c);
      double demand = stats.demand[c] - holdout.demand(c, false);
      double logDemand = stats.logDemand[c] - holdout.demand(c, true);
      int base = row * Feature.COUNT;
      values[base + Feature.COOC_P_SUM.ordinal()] = (float) sumP;
      values[base + Feature.COOC_P_MAX.ordinal()] = (float) maxP;
      values[base + Feature.COOC_P_MEAN.ordinal()] = heldSkills.length == 0 ? 0 : (float) (sumP / heldSkills.length);
      values[base + Feature.COOC_COUNT_SUM.ordinal()] = co ? (float) s.sumRaw[c] : 0;
      values[base + Feature.COOC_REVERSE_SUM.ordinal()] = co && n > 0 ? (float) (s.sumRaw[c] / n) : 0;
      values[base + Feature.COOC_COSINE_SUM.ordinal()] = co && n > 0 ? (float) (s.sumInvSqrt[c] / Math.sqrt(n)) : 0;
      values[base + Feature.COOC_PMI_MAX.ordinal()] = maxP > 0 && n > 0 ? (float) Math.log(maxP * occupations / n) : 0;
      values[base + Feature.COOC_HELD_SHARE.ordinal()] =
          co && heldSkills.length > 0 ? (float) s.hits[c] / heldSkills.length : 0;
      values[base + Feature.EASE.ordinal()] = ease ? (float) weights.score(heldRows, c) : 0;
      boolean near = s.nbStamp[c] == s.gen;
      values[base + Feature.NEIGHBOURS.ordinal()] = near ? (float) s.nb[c] : 0;
      values[base + Feature.NEIGHBOURS_ESSENTIAL.ordinal()] = near ? (float) s.nbEssential[c] : 0;
      values[base + Feature.NEIGHBOURS_GOAL_FIELD.ordinal()] = near ? (float) s.nbField[c] : 0;
      values[base + Feature.NEIGHBOURS_BEST_SIMILARITY.ordinal()] = near ? (float) s.nbBest[c] : 0;
      values[base + Feature.GOAL_FIELD_SHARE.ordinal()] = groupSize > 0 ? (float) goalCount / groupSize : 0;
      values[base + Feature.GOAL_FIELD_SIZE.ordinal()] = goalFieldSize;
      values[base + Feature.GLOBAL_SHARE.ordinal()] = occupations > 0 ? (float) n / occupations : 0;
      values[base + Feature.ESSENTIAL_SHARE.ordinal()] = n > 0 ? (float) essential / n : 0;
      values[base + Feature.DEMAND_SHARE.ordinal()] = totalDemand > 0 ? (float) (demand / totalDemand) : 0;
      values[base + Feature.DEMAND_LOG_SHARE.ordinal()] = totalLogDemand > 0 ? (float) (logDemand / totalLogDemand) : 0;
      if (hierarchy) {
        hierarchyFeatures(s, c, heldSkills.length, values, base);
      }
      int bits = attributes[c];
      values[base + Feature.DIGITAL.ordinal()] = (bits & DIGITAL_BIT) != 0 ? 1 : 0;
      values[base + Feature.GREEN.ordinal()] = (bits & GREEN_BIT) != 0 ? 1 : 0;
      values[base + Feature.TRANSVERSAL.ordinal()] = (bits & TRANSVERSAL_BIT) != 0 ? 1 : 0;
      values[base + Feature.LANGUAGE.ordinal()] = (bits & LANGUAGE_BIT) != 0 ? 1 : 0;
      values[base + Feature.KNOWLEDGE.ordinal()] = (bits & KNOWLEDGE_BIT) != 0 ? 1 : 0;
      values[base + Feature.REUSE_TRANSVERSAL.ordinal()] = reuse[c] == 1 ? 1 : 0;
      values[base + Feature.REUSE_CROSS_SECTOR.ordinal()] = reuse[c] == 2 ? 1 : 0;
      values[base + Feature.REUSE_SECTOR_SPECIFIC.ordinal()] = reuse[c] == 3 ? 1 : 0;
      values[base + Feature.REUSE_OCCUPATION_SPECIFIC.ordinal()] = reuse[c] == 4 ? 1 : 0;
      values[base + Feature.HELD_COUNT.ordinal()] = heldCount;
    }
    holdout.skillCounts.keySet().forEach(skill -> s.leftOut[skill] = 0);
    relative(relative, values, candidates.length);
    return new FeatureMatrix(candidates, values);
  }

  /** Fills the relative features: each base feature over its largest value in this pool (0 when none is positive). */
  private static void relative(Feature[][] relative, float[] values, int rows) {
    for (Feature[] pair : relative) {
      int target = pair[0].ordinal();
      int base = pair[1].ordinal();
      float max = 0;
      for (int row = 0; row < rows; row++) {
        max = Math.max(max, values[row * Feature.COUNT + base]);
      }
      for (int row = 0; row < rows; row++) {
        values[row * Feature.COUNT + target] = max > 0 ? values[row * Feature.COUNT + base] / max : 0;
      }
    }
  }

  /** Adds the first {@code k} skills of a precomputed most-needed-first list that are not held. */
  private static void takeUnheld(FeatureScratch s, int[] ordered, int k) {
    int taken = 0;
    for (int i = 0; i < ordered.length && taken < k; i++) {
      if (s.held[ordered[i]] != s.gen) {
        s.add(ordered[i]);
        taken++;
      }
    }
  }

  /** The global pool when occupations are left out: their counts change the order, so every skill is scanned. */
  private void globalWithHoldout(FeatureScratch s) {
    s.globalTop.clear();
    for (int c = 0; c < stats.skillCount; c++) {
      int n = stats.count[c];
      int left = n - s.leftOut[c];
      if (left > 0 && s.held[c] != s.gen) {
        s.globalTop.offer(c, left);
      }
    }
    s.addTop(s.globalTop);
  }

  /**
   * Finds the occupations nearest the held skills (cosine of skill sets, through the skills' occupation lists)
   * overall and in the goal field, and spreads their similarity² over the skills they need.
   */
  private void neighbours(FeatureScratch s, int[] held, String goalField, Holdout holdout) {
    if (held.length == 0) {
      s.neighbourTop.clear();
      return;
    }
    s.occTouchedCount = 0;
    for (int h : held) {
      for (int p : stats.occupationsOf[h]) {
        if (s.occStamp[p] != s.gen) {
          s.occStamp[p] = s.gen;
          s.overlap[p] = 0;
          s.occTouched[s.occTouchedCount++] = p;
        }
        s.overlap[p]++;
      }
    }
    s.occTop.clear();
    s.fieldTop.clear();
    for (int i = 0; i < s.occTouchedCount; i++) {
      int p = s.occTouched[i];
      OccupationSkills o = stats.occupations.get(p);
      if (!holdout.isEmpty() && holdout.indices.get(o.index())) {
        continue;
      }
      double similarity = s.overlap[p] / Math.sqrt((double) held.length * o.skills().size());
      s.occTop.offer(p, similarity);
      if (o.minorGroup().equals(goalField)) {
        s.fieldTop.offer(p, similarity);
      }
    }
    s.nbTouchedCount = 0;
    spread(s, s.occTop, false);
    spread(s, s.fieldTop, true);
    s.neighbourTop.clear();
    for (int i = 0; i < s.nbTouchedCount; i++) {
      int c = s.nbTouched[i];
      if (s.held[c] != s.gen && s.nb[c] > 0) {
        s.neighbourTop.offer(c, s.nb[c]);
      }
    }
  }

  private void spread(FeatureScratch s, TopK nearest, boolean field) {
    double total = 0;
    for (int i = 0; i < nearest.size(); i++) {
      total += nearest.score(i) * nearest.score(i);
    }
    if (total == 0) {
      return;
    }
    for (int i = 0; i < nearest.size(); i++) {
      double similarity = nearest.score(i);
      double w = similarity * similarity / total;
      OccupationSkills o = stats.occupations.get(nearest.item(i));
      IntSet skills = o.skills();
      for (int k = 0; k < skills.size(); k++) {
        int c = skills.get(k);
        if (s.nbStamp[c] != s.gen) {
          s.nbStamp[c] = s.gen;
          s.nb[c] = 0;
          s.nbEssential[c] = 0;
          s.nbField[c] = 0;
          s.nbBest[c] = 0;
          s.nbTouched[s.nbTouchedCount++] = c;
        }
        if (field) {
          s.nbField[c] += w;
        } else {
          s.nb[c] += w;
          s.nbEssential[c] += o.essential().contains(c) ? w : 0;
          s.nbBest[c] = Math.max(s.nbBest[c], similarity);
        }
      }
    }
  }

  /** Accumulates, for every skill co-occurring with a held skill, Σ and max of P(c|h), Σ count, Σ count/√n(h). */
  private void cooccurrence(FeatureScratch s, int[] held, Holdout holdout) {
    for (int h : held) {
      int nh = stats.count[h] - s.leftOut[h];
      if (nh <= 0) {
        continue;
      }
      int[] skills = stats.coSkills[h];
      int[] counts = stats.coCounts[h];
      double invSqrt = 1 / Math.sqrt(nh);
      if (holdout.isEmpty()) {
        for (int j = 0; j < skills.length; j++) {
          s.accumulate(skills[j], counts[j], nh, invSqrt);
        }
        continue;
      }
      for (int j = 0; j < skills.length; j++) {
        s.row[skills[j]] = counts[j];
      }
      for (OccupationSkills o : holdout.occupations) {
        if (o.skills().contains(h)) {
          o.skills().stream().filter(c -> c != h).forEach(c -> s.row[c]--);
        }
      }
      for (int j = 0; j < skills.length; j++) {
        s.accumulate(skills[j], s.row[skills[j]], nh, invSqrt);
        s.row[skills[j]] = 0;
      }
    }
  }

  private void hierarchy(FeatureScratch s, int[] held) {
    for (int h : held) {
      IntSet broader = snapshot.broader(h);
      for (int i = 0; i < broader.size(); i++) {
        int p = broader.get(i);
        if (s.parentStamp[p] != s.gen) {
          s.parentStamp[p] = s.gen;
          s.parentCount[p] = 0;
        }
        s.parentCount[p]++;
        s.adjacent[p] = s.gen;
      }
      IntSet narrower = snapshot.narrower(h);
      for (int i = 0; i < narrower.size(); i++) {
        s.adjacent[narrower.get(i)] = s.gen;
      }
      IntSet ancestors = snapshot.ancestors(h);
      for (int i = 0; i < ancestors.size(); i++) {
        s.ancestor[ancestors.get(i)] = s.gen;
      }
    }
  }

  private void hierarchyFeatures(FeatureScratch s, int c, int heldCount, float[] values, int base) {
    int siblings = 0;
    IntSet broader = snapshot.broader(c);
    for (int i = 0; i < broader.size(); i++) {
      int p = broader.get(i);
      siblings += s.parentStamp[p] == s.gen ? s.parentCount[p] : 0;
    }
    int shared = 0;
    IntSet ancestors = snapshot.ancestors(c);
    for (int i = 0; i < ancestors.size(); i++) {
      int a = ancestors.get(i);
      if (s.ancestor[a] == s.gen) {
        shared = Math.max(shared, depth[a]);
      }
    }
    values[base + Feature.HIERARCHY_SIBLINGS.ordinal()] = heldCount > 0 ? Math.min(1f, (float) siblings / heldCount) : 0;
    values[base + Feature.HIERARCHY_SHARED_DEPTH.ordinal()] = shared;
    values[base + Feature.HIERARCHY_PARENT_CHILD.ordinal()] = s.adjacent[c] == s.gen ? 1 : 0;
  }
}
