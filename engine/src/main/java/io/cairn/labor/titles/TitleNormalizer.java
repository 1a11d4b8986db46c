package io.cairn.labor.titles;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.labor.titles.eval.TitleRanker;
import io.cairn.search.LabelSearch;
import java.util.ArrayList;
import java.util.List;

/**
 * Job title → ranked ESCO occupations, over one catalog snapshot: the title is cleaned ({@link TitleCleaner}),
 * candidates come from the nearest labelled vacancy titles, the most similar ESCO labels and Cairn's Lucene label
 * search, and a trained reranker orders them. Get one from {@link TitleModel#bind}. Immutable and thread-safe.
 */
public final class TitleNormalizer implements TitleRanker {
  private final CatalogSnapshot snapshot;
  private final TitleFeatures features;
  private final TitleScorer scorer;
  private final OccupationLabels labels;
  private final TitleMemory memory;

  TitleNormalizer(CatalogSnapshot snapshot, TitleFeatures features, TitleScorer scorer, OccupationLabels labels,
      TitleMemory memory) {
    this.snapshot = snapshot;
    this.features = features;
    this.scorer = scorer;
    this.labels = labels;
    this.memory = memory;
  }

  /** Builds the parts over {@code snapshot} that do not depend on the reranker. */
  static TitleFeatures features(CatalogSnapshot snapshot, LabelSearch search, List<TitleMemory.Remembered> titles,
      TitleSettings settings) {
    return new TitleFeatures(snapshot, TitleCleaner.standard(), new TitleMemory(titles,
        snapshot.occupations().size()), new OccupationLabels(snapshot), search, settings);
  }

  static TitleNormalizer of(CatalogSnapshot snapshot, TitleFeatures features, TitleScorer scorer) {
    return new TitleNormalizer(snapshot, features, scorer, features.labels(), features.memory());
  }

  /** The snapshot the occupation indices refer to. */
  public CatalogSnapshot snapshot() {
    return snapshot;
  }

  /**
   * The occupations {@code title} most likely names, best first, at most {@code limit}. A title with nothing
   * but noise in it ("Urgent!!") finds nothing.
   */
  public List<OccupationMatch> normalize(String title, int limit) {
    return ranked(title, false, limit, -1);
  }

  /**
   * The same for text being typed: the last word may be unfinished, so Lucene's part of the candidates matches
   * it as a prefix.
   */
  public List<OccupationMatch> suggest(String typed, int limit) {
    return ranked(typed, true, limit, -1);
  }

  @Override
  public int[] rank(String title, int limit) {
    return normalize(title, limit).stream().mapToInt(OccupationMatch::occupation).toArray();
  }

  /** Ranks as if the remembered titles of {@code excludedGroup} had never been seen (-1: none). */
  List<OccupationMatch> ranked(String title, boolean suggest, int limit, int excludedGroup) {
    TitleFeatures.Candidates c = features.candidates(title == null ? "" : title, suggest, excludedGroup);
    double[] scores = scorer.score(c);
    int[] order = order(c, scores);
    List<OccupationMatch> matches = new ArrayList<>(Math.min(limit, order.length));
    for (int i = 0; i < Math.min(limit, order.length); i++) {
      int k = order[i];
      int o = c.occupations()[k];
      String label = c.bestLabel()[k] >= 0 ? labels.label[c.bestLabel()[k]] : snapshot.occupation(o).label();
      String nearest = c.nearestTitle()[k] >= 0 ? memory.text[c.nearestTitle()[k]] : null;
      matches.add(new OccupationMatch(o, scores[k], label, nearest));
    }
    return matches;
  }

  /** Candidate positions by score, best first; ties go to the lower occupation index. */
  static int[] order(TitleFeatures.Candidates c, double[] scores) {
    return java.util.stream.IntStream.range(0, c.size()).boxed()
        .sorted((a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a])
            : Integer.compare(c.occupations()[a], c.occupations()[b]))
        .mapToInt(Integer::intValue).toArray();
  }
}
