package io.cairn.labor.features;

import java.util.Locale;

/**
 * The features of a (profile, candidate skill) pair. Every statistic comes from the occupations of the
 * {@link SkillStatistics} less the profile's {@link Holdout}; "held" means the profile's held skills.
 */
public enum Feature {
  /** Σ over held h of P(candidate | h): the share of h's occupations that also need the candidate. */
  COOC_P_SUM,
  /** max over held h of P(candidate | h). */
  COOC_P_MAX,
  /** Mean over held h of P(candidate | h). */
  COOC_P_MEAN,
  /** Σ over held h of the occupations needing both (raw co-occurrence count). */
  COOC_COUNT_SUM,
  /** Σ over held h of P(h | candidate). */
  COOC_REVERSE_SUM,
  /** Σ over held h of co-occurrence / √(n(h)·n(candidate)) (cosine). */
  COOC_COSINE_SUM,
  /** max over held h of the pointwise mutual information log(P(c|h) / P(c)); 0 when nothing co-occurs. */
  COOC_PMI_MAX,
  /** Share of held skills that co-occur with the candidate at all. */
  COOC_HELD_SHARE,
  /** Σ over held h of the learned item-to-item weight h → candidate (EASE). */
  EASE,
  /**
   * Σ over the nearest occupations o (by cosine of their skills with the held skills) of sim(o)² [o needs the
   * candidate], over Σ sim(o)²: occupation-based nearest neighbours.
   */
  NEIGHBOURS,
  /** The same counting only occupations that need the candidate as essential. */
  NEIGHBOURS_ESSENTIAL,
  /** {@link #NEIGHBOURS} among the goal field's occupations only. */
  NEIGHBOURS_GOAL_FIELD,
  /** Cosine similarity of the nearest occupation needing the candidate. */
  NEIGHBOURS_BEST_SIMILARITY,
  /** Share of the goal field's occupations (same ISCO minor group) needing the candidate. */
  GOAL_FIELD_SHARE,
  /** log(1 + occupations in the goal field). */
  GOAL_FIELD_SIZE,
  /** Share of all occupations needing the candidate. */
  GLOBAL_SHARE,
  /** Share of the occupations needing the candidate that need it as essential. */
  ESSENTIAL_SHARE,
  /** Share of all job offers that are for occupations needing the candidate. */
  DEMAND_SHARE,
  /** The same with each occupation's offers counted as log(1 + offers). */
  DEMAND_LOG_SHARE,
  /** Share of held skills with a directly broader concept in common with the candidate. */
  HIERARCHY_SIBLINGS,
  /** Depth of the deepest broader concept the candidate shares with any held skill (0 when none). */
  HIERARCHY_SHARED_DEPTH,
  /** 1 when the candidate is directly broader or narrower than a held skill. */
  HIERARCHY_PARENT_CHILD,
  DIGITAL,
  GREEN,
  TRANSVERSAL,
  LANGUAGE,
  /** ESCO skill type knowledge (else skill/competence). */
  KNOWLEDGE,
  REUSE_TRANSVERSAL,
  REUSE_CROSS_SECTOR,
  REUSE_SECTOR_SPECIFIC,
  REUSE_OCCUPATION_SPECIFIC,
  /** log(1 + number of held skills). */
  HELD_COUNT,
  /** {@link #COOC_P_SUM} over its largest value among the profile's candidates (scale-free within a profile). */
  COOC_P_SUM_RELATIVE,
  /** {@link #COOC_COSINE_SUM} over its largest value among the profile's candidates. */
  COOC_COSINE_RELATIVE,
  /** {@link #EASE} over its largest value among the profile's candidates. */
  EASE_RELATIVE,
  /** {@link #NEIGHBOURS} over its largest value among the profile's candidates. */
  NEIGHBOURS_RELATIVE,
  /** {@link #GOAL_FIELD_SHARE} over its largest value among the profile's candidates. */
  GOAL_FIELD_RELATIVE;

  /** Each relative feature and the feature it is relative to. */
  static final Feature[][] RELATIVE = {
      {COOC_P_SUM_RELATIVE, COOC_P_SUM}, {COOC_COSINE_RELATIVE, COOC_COSINE_SUM}, {EASE_RELATIVE, EASE},
      {NEIGHBOURS_RELATIVE, NEIGHBOURS}, {GOAL_FIELD_RELATIVE, GOAL_FIELD_SHARE}};

  /** The feature's name in the model and its provenance ({@code cooc_p_sum}, ...). */
  public String featureName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static final int COUNT = values().length;
}
