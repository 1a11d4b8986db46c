package io.cairn.labor.scoring;

import io.cairn.labor.features.Feature;
import io.cairn.labor.features.FeatureMatrix;
import java.util.ArrayList;
import java.util.List;

/**
 * The non-learned scorers the model must beat, each family with the settings its knobs can take; the experiment
 * picks each family's best setting on the validation split.
 */
public final class Baselines {
  /** A scorer with the name and setting it is reported under. */
  public record Named(String family, String setting, SkillScorer scorer) {}

  private Baselines() {}

  /** A seeded random order: the same candidates get the same scores for a seed. */
  public static SkillScorer random(long seed) {
    return m -> {
      double[] scores = new double[m.size()];
      for (int i = 0; i < scores.length; i++) {
        long z = seed * 0x9E3779B97F4A7C15L + m.candidate(i) * 0xBF58476D1CE4E5B9L + m.size() * 31L + m.candidate(0);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        scores[i] = (z ^ (z >>> 31)) >>> 11;
      }
      return scores;
    };
  }

  /** One feature as the score. */
  public static SkillScorer feature(Feature feature) {
    return m -> {
      double[] scores = new double[m.size()];
      for (int i = 0; i < scores.length; i++) {
        scores[i] = m.get(i, feature);
      }
      return scores;
    };
  }

  /**
   * Occupations needing the skill, where an occupation needing it as essential counts {@code essentialWeight}
   * times (1: plain popularity).
   */
  public static SkillScorer popularity(double essentialWeight) {
    return m -> {
      double[] scores = new double[m.size()];
      for (int i = 0; i < scores.length; i++) {
        double share = m.get(i, Feature.GLOBAL_SHARE);
        scores[i] = share * (1 + (essentialWeight - 1) * m.get(i, Feature.ESSENTIAL_SHARE));
      }
      return scores;
    };
  }

  /**
   * {@code (1 - w)·a + w·b}, each scaled to [0, 1] by its largest absolute value in the profile, so the weight
   * means the same whatever the scale of either.
   */
  public static SkillScorer blend(SkillScorer a, SkillScorer b, double w) {
    return m -> {
      double[] x = scaled(a.score(m));
      double[] y = scaled(b.score(m));
      for (int i = 0; i < x.length; i++) {
        x[i] = (1 - w) * x[i] + w * y[i];
      }
      return x;
    };
  }

  /** Every setting of every single-signal family (the blends are built from the winners). */
  public static List<Named> candidates(long seed) {
    List<Named> all = new ArrayList<>();
    all.add(new Named("random", "seed " + seed, random(seed)));
    for (double w : new double[] {1, 2, 4, 1000}) {
      all.add(new Named("global popularity", "essential weight " + fmt(w), popularity(w)));
    }
    all.add(new Named("demand-weighted popularity", "job offers", feature(Feature.DEMAND_SHARE)));
    all.add(new Named("demand-weighted popularity", "log(1 + job offers)", feature(Feature.DEMAND_LOG_SHARE)));
    for (double e : new double[] {0, 0.01, 0.1, 0.5}) {
      all.add(new Named("goal-field popularity", "+ " + fmt(e) + " x global",
          e == 0 ? feature(Feature.GOAL_FIELD_SHARE) : blend(feature(Feature.GOAL_FIELD_SHARE),
              feature(Feature.GLOBAL_SHARE), e / (1 + e))));
    }
    all.add(new Named("co-occurrence", "sum P(c|h)", feature(Feature.COOC_P_SUM)));
    all.add(new Named("co-occurrence", "sum count", feature(Feature.COOC_COUNT_SUM)));
    all.add(new Named("co-occurrence", "sum P(h|c)", feature(Feature.COOC_REVERSE_SUM)));
    all.add(new Named("co-occurrence", "sum cosine", feature(Feature.COOC_COSINE_SUM)));
    all.add(new Named("co-occurrence", "max P(c|h)", feature(Feature.COOC_P_MAX)));
    all.add(new Named("item weights (EASE)", "ridge closed form", feature(Feature.EASE)));
    all.add(new Named("nearest occupations (kNN)", "cosine², 40 neighbours", feature(Feature.NEIGHBOURS)));
    return all;
  }

  /** The families the issue names as baselines and that enter the two-signal blend. */
  public static final List<String> BLENDED = List.of("global popularity", "demand-weighted popularity",
      "goal-field popularity", "co-occurrence");

  /** Families shown for context: rankers built on learned or neighbour structure, not the baselines. */
  public static final java.util.Set<String> REFERENCE = java.util.Set.of("item weights (EASE)",
      "nearest occupations (kNN)");

  /** Blend weights tried for every pair. */
  public static final double[] BLEND_WEIGHTS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

  private static double[] scaled(double[] scores) {
    double max = 0;
    for (double s : scores) {
      max = Math.max(max, Math.abs(s));
    }
    if (max > 0) {
      for (int i = 0; i < scores.length; i++) {
        scores[i] /= max;
      }
    }
    return scores;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
