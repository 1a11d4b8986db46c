package io.cairn.rank;

import java.util.List;

/**
 * The same scorer without its term path: the recommender must build every candidate to score it and take the plain
 * path of candidate generation, so what it answers is the reference the fast paths are held to.
 */
record ObjectsOnly(Scorer scorer) implements Scorer {
  @Override
  public double score(Candidate candidate, ScoringContext context) {
    return scorer.score(candidate, context);
  }

  @Override
  public String name() {
    return scorer.name();
  }

  @Override
  public Scorer forRequest(ScoringContext context) {
    Scorer prepared = scorer.forRequest(context);
    return prepared == scorer ? this : new ObjectsOnly(prepared);
  }

  @Override
  public List<CountedSkill> counted(Candidate candidate, ScoringContext context) {
    return scorer.counted(candidate, context);
  }
}
