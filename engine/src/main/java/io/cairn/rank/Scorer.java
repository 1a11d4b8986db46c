package io.cairn.rank;

import java.util.List;

/**
 * Scores one candidate: higher is better. A scorer only scores; candidates, constraints, diversity and
 * explanations are other classes' work, so a learned model can replace the transparent scorer without touching
 * anything else.
 */
public interface Scorer {

  /** The candidate's value toward the goal; any real number, comparable only within one request. */
  double score(Candidate candidate, ScoringContext context);

  /** A short name, reported with every recommendation list. */
  String name();

  /**
   * The scorer for one request. A scorer that needs per-request work (a model pass, a per-credential table)
   * does it here, once, and returns a scorer holding it, so that scoring each candidate stays cheap; the
   * default is this scorer itself.
   */
  default Scorer forRequest(ScoringContext context) {
    return this;
  }

  /**
   * The skills this scorer counts for {@code candidate}, with their evidence, for its explanation; empty for a
   * scorer whose terms the explanation already shows. Called for the final list only.
   */
  default List<CountedSkill> counted(Candidate candidate, ScoringContext context) {
    return List.of();
  }
}
