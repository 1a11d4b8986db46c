package io.cairn.labor.titles.eval;

/** Anything that ranks occupations for a job title: the normalizer, or a baseline it is measured against. */
public interface TitleRanker {
  /** Snapshot indices of the best occupations for {@code title}, best first, at most {@code limit}. */
  int[] rank(String title, int limit);
}
