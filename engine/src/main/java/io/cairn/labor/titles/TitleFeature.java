package io.cairn.labor.titles;

import java.util.Locale;

/**
 * The features of a (title, candidate occupation) pair that the reranker weighs. "Remembered titles" are the
 * labelled vacancy titles the model learned from; "labels" are ESCO's preferred, alternative and hidden labels of
 * the occupation; similarities are cosines of character n-gram TF-IDF vectors ({@link NgramSpace}).
 */
public enum TitleFeature {
  /** The highest similarity of the title to a remembered title of the candidate. */
  TITLE_MAX,
  /** Share of the nearest remembered titles' weight (similarity squared) that is the candidate's: a kNN vote. */
  TITLE_VOTE,
  /** 1 / the candidate's rank by {@link #TITLE_VOTE} (0 when no near title is the candidate's). */
  TITLE_VOTE_RANK,
  /** Share of the nearest remembered titles that are the candidate's. */
  TITLE_NEAR_SHARE,
  /** The highest similarity of the title (seniority words off) to one of the candidate's labels. */
  LABEL_MAX,
  /** Its similarity to the candidate's preferred label. */
  LABEL_PREFERRED,
  /** 1 / the candidate's rank by {@link #LABEL_MAX}. */
  LABEL_RANK,
  /** 1 / the candidate's rank in Cairn's Lucene label search (0 when it does not find it). */
  LUCENE_RANK,
  /** The candidate's Lucene score over the best one (0 when not found). */
  LUCENE_SCORE,
  /** log(1 + remembered titles of the candidate): how often vacancies name it. */
  PRIOR,
  /** Share of the title's words (seniority off) that occur in the candidate's labels. */
  WORDS_IN_LABELS,
  /** 1 when the title's last word (usually the head noun: "developer", "nurse") occurs in the candidate's labels. */
  HEAD_IN_LABELS,
  /** Share of the candidate's remembered titles that hold the title's last word. */
  HEAD_IN_TITLES,
  /** Share of the nearest remembered titles' weight in the candidate's ISCO-08 minor group. */
  ISCO_VOTE,
  /** Share of the nearest labels' weight in the candidate's ISCO-08 minor group. */
  ISCO_LABEL_VOTE,
  /** Words in the title (seniority off), over 10. */
  QUERY_WORDS,
  /** 1 when the title (seniority off) is one of the candidate's labels, word for word. */
  EXACT_LABEL;

  public static final int COUNT = values().length;

  /** The name in the model and its card. */
  public String featureName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
