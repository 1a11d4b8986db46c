package io.cairn.labor.titles.eval;

import java.util.List;
import java.util.Map;

/**
 * The evaluation of one split: its sizes, the learners tried (chosen on validation MRR), and every ranker on
 * validation and test.
 *
 * @param split {@code title} or {@code occupation} (see {@code TitleSplit})
 * @param rows labelled titles in train, validation and test
 * @param groups distinct groups (cleaned titles, or occupations) in each
 * @param trainingQueries training titles the reranker learned from (a seeded sample of the training split)
 */
public record TitleReport(String split, long seed, Map<String, Integer> rows, Map<String, Integer> groups,
    int trainingQueries, String chosenLearner, List<LearnerTrial> learners, List<RankerResult> rankers,
    double seconds) {

  public TitleReport {
    rows = Map.copyOf(rows);
    groups = Map.copyOf(groups);
    learners = List.copyOf(learners);
    rankers = List.copyOf(rankers);
  }

  /** The ranker named {@code name}. */
  public RankerResult ranker(String name) {
    return rankers.stream().filter(r -> r.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no ranker " + name));
  }
}
