package io.cairn.labor.titles;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.labor.experiment.TrainingProgress;
import io.cairn.labor.model.LearnerSettings;
import io.cairn.labor.titles.baseline.Bm25Labels;
import io.cairn.labor.titles.eval.LearnerTrial;
import io.cairn.labor.titles.eval.RankerResult;
import io.cairn.labor.titles.eval.TitleMetrics;
import io.cairn.labor.titles.eval.TitleReport;
import io.cairn.search.LabelSearch;
import io.cairn.search.SearchRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Trains and measures the title normalizer on one split of the labelled titles: the training titles become the
 * memory and the reranker's examples (each scored with its own group left out, as a new title would be), every
 * choice is made on validation, and the test titles are measured once, beside Cairn's Lucene label search (the
 * ranking of {@code GET /api/occupations?q=} before the normalizer) and plain BM25 over ESCO's labels.
 */
public final class TitleExperiment {
  public static final String NORMALIZER = "normalizer";
  public static final String LUCENE = "lucene";
  public static final String BM25 = "bm25";
  public static final String TITLES_ALONE = "nearest-titles";
  public static final String LABELS_ALONE = "label-ngrams";

  private final CatalogSnapshot snapshot;
  private final LabelSearch search;
  private final TitleData.Resolved data;
  private final TrainingProgress progress;
  private final long seed;
  private final int threads;
  private final TitleCleaner cleaner = TitleCleaner.standard();

  public TitleExperiment(CatalogSnapshot snapshot, LabelSearch search, TitleData.Resolved data,
      TrainingProgress progress, long seed, int threads) {
    this.snapshot = snapshot;
    this.search = search;
    this.data = data;
    this.progress = progress;
    this.seed = seed;
    this.threads = Math.max(1, threads);
  }

  /** What a run gives: the report, and the trained parts for saving. */
  public record Outcome(TitleReport report, TitleSplit split, LearnerSettings learner, TitleSettings settings,
      TitleScorer scorer, List<TitleMemory.Remembered> remembered) {}

  /** The split of the rows by {@code kind}, seeded. */
  public TitleSplit split(TitleSplit.Kind kind) {
    IntFunction<String> key = kind == TitleSplit.Kind.TITLE
        ? r -> cleaner.core(data.rows().get(r).text())
        : r -> snapshot.occupation(data.occupations()[r]).iri();
    return TitleSplit.of(kind, data.rows().size(), key, seed);
  }

  /**
   * Trains on the training part of the {@code kind} split and measures on the others.
   *
   * @param maxTrainingQueries how many training titles (a seeded sample) the reranker learns from
   * @param maxEvaluationTitles how many validation and how many test titles (seeded samples) are measured: all
   *     of them for the reported figures, fewer for a quick run in CI
   */
  public Outcome run(TitleSplit.Kind kind, TitleSettings settings, List<LearnerSettings> learners,
      int maxTrainingQueries, int maxEvaluationTitles) {
    long started = System.nanoTime();
    TitleSplit full = split(kind);
    TitleSplit split = new TitleSplit(full.kind(), full.seed(), full.train(),
        sample(full.validation(), maxEvaluationTitles), sample(full.test(), maxEvaluationTitles), full.group());
    progress.stage(String.format(java.util.Locale.ROOT,
        "Split by %s (seed %d): %,d training, %,d validation, %,d test titles", kind.key(), seed,
        split.train().length, split.validation().length, split.test().length));
    List<TitleMemory.Remembered> remembered = new ArrayList<>();
    for (int r : split.train()) {
      remembered.add(new TitleMemory.Remembered(memoryText(settings, r), data.occupations()[r], split.group()[r]));
    }
    TitleFeatures features = TitleNormalizer.features(snapshot, search, remembered, settings);

    int[] trainingRows = sample(split.train(), maxTrainingQueries);
    progress.stage(String.format(java.util.Locale.ROOT, "Candidates and features for %,d training titles",
        trainingRows.length));
    List<TitleFeatures.Candidates> training = candidates(features, trainingRows, r -> split.group()[r]);
    progress.stage("Candidates and features for validation and test titles");
    List<TitleFeatures.Candidates> validation = candidates(features, split.validation(), r -> -1);
    List<TitleFeatures.Candidates> test = candidates(features, split.test(), r -> -1);

    List<TitleRerankerTrainer.Query> queries = new ArrayList<>();
    for (int i = 0; i < trainingRows.length; i++) {
      queries.add(new TitleRerankerTrainer.Query(training.get(i), data.occupations()[trainingRows[i]]));
    }
    TitleRerankerTrainer trainer = new TitleRerankerTrainer(seed, threads);
    List<LearnerTrial> trials = new ArrayList<>();
    TitleScorer best = null;
    LearnerSettings bestLearner = null;
    double bestMrr = -1;
    for (LearnerSettings learner : learners) {
      progress.stage("Training the reranker: " + learner.describe());
      long t = System.nanoTime();
      TitleScorer scorer = trainer.train(queries, learner);
      double seconds = (System.nanoTime() - t) / 1e9;
      TitleMetrics m = TitleMetrics.of(ranks(validation, split.validation(), scorer::score));
      trials.add(new LearnerTrial(learner, learner.describe(), m.mrr().mean(), m.top5().mean(), seconds));
      progress.stage(String.format(java.util.Locale.ROOT, "  validation MRR %.4f, top-5 %.4f (%.1f s)",
          m.mrr().mean(), m.top5().mean(), seconds));
      if (m.mrr().mean() > bestMrr) {
        bestMrr = m.mrr().mean();
        best = scorer;
        bestLearner = learner;
      }
    }
    TitleScorer chosen = best;
    List<RankerResult> rankers = new ArrayList<>();
    rankers.add(new RankerResult(NORMALIZER, "normalizer", "learned normalizer: " + bestLearner.describe(),
        TitleMetrics.of(ranks(validation, split.validation(), chosen::score)),
        TitleMetrics.of(ranks(test, split.test(), chosen::score))));
    progress.stage("Baselines: Cairn's Lucene label search and plain BM25 over ESCO's labels");
    Bm25Labels bm25 = Bm25Labels.of(snapshot);
    rankers.add(baseline(LUCENE, "Cairn's Lucene label search on the title as typed (GET /api/occupations?q="
        + " before the normalizer)", (title, limit) -> search.search(LabelSearch.Kind.OCCUPATION,
        SearchRequest.of(title), limit).stream().mapToInt(h -> h.index()).toArray(), split));
    rankers.add(baseline(BM25, "Lucene BM25 over preferred, alternative and hidden labels, StandardAnalyzer",
        bm25, split));
    rankers.add(new RankerResult(TITLES_ALONE, "ablation", "the nearest remembered titles' vote alone",
        TitleMetrics.of(ranks(validation, split.validation(), c -> column(c, TitleFeature.TITLE_VOTE))),
        TitleMetrics.of(ranks(test, split.test(), c -> column(c, TitleFeature.TITLE_VOTE)))));
    rankers.add(new RankerResult(LABELS_ALONE, "ablation", "character n-gram similarity to ESCO's labels alone",
        TitleMetrics.of(ranks(validation, split.validation(), c -> column(c, TitleFeature.LABEL_MAX))),
        TitleMetrics.of(ranks(test, split.test(), c -> column(c, TitleFeature.LABEL_MAX)))));
    TitleReport report = new TitleReport(kind.key(), seed, full.rowCounts(), full.groupCounts(),
        trainingRows.length, bestLearner.describe(), trials, rankers, (System.nanoTime() - started) / 1e9);
    return new Outcome(report, split, bestLearner, settings, chosen, remembered);
  }

  /** The remembered text of row {@code r}: cleaned, with or without seniority words as the settings say. */
  String memoryText(TitleSettings settings, int r) {
    String text = data.rows().get(r).text();
    return settings.titlesWithoutSeniority() ? cleaner.core(text) : cleaner.clean(text);
  }

  private RankerResult baseline(String name, String description,
      io.cairn.labor.titles.eval.TitleRanker ranker, TitleSplit split) {
    return new RankerResult(name, "baseline", description, measure(ranker, split.validation()),
        measure(ranker, split.test()));
  }

  private TitleMetrics measure(io.cairn.labor.titles.eval.TitleRanker ranker, int[] rows) {
    List<String> titles = Arrays.stream(rows).mapToObj(r -> data.rows().get(r).text()).toList();
    int[] gold = Arrays.stream(rows).map(r -> data.occupations()[r]).toArray();
    return TitleMetrics.measure(ranker, titles, gold, progress);
  }

  private int[] ranks(List<TitleFeatures.Candidates> candidates, int[] rows,
      java.util.function.Function<TitleFeatures.Candidates, double[]> score) {
    int[] ranks = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      TitleFeatures.Candidates c = candidates.get(i);
      int[] order = TitleNormalizer.order(c, score.apply(c));
      int[] ranked = Arrays.stream(order).limit(TitleMetrics.DEPTH).map(k -> c.occupations()[k]).toArray();
      ranks[i] = TitleMetrics.rankOf(ranked, data.occupations()[rows[i]]);
    }
    return ranks;
  }

  private static double[] column(TitleFeatures.Candidates c, TitleFeature feature) {
    double[] values = new double[c.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = c.get(i, feature);
    }
    return values;
  }

  private List<TitleFeatures.Candidates> candidates(TitleFeatures features, int[] rows, IntFunction<Integer> group) {
    ForkJoinPool pool = new ForkJoinPool(threads);
    java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
    try {
      return pool.submit(() -> IntStream.range(0, rows.length).parallel().mapToObj(i -> {
        TitleFeatures.Candidates c = features.candidates(data.rows().get(rows[i]).text(), false,
            group.apply(rows[i]));
        int n = done.incrementAndGet();
        if (n % 500 == 0 || n == rows.length) {
          progress.advance(n, rows.length);
        }
        return c;
      }).toList()).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  /** At most {@code max} of {@code rows}, a seeded sample in row order. */
  private int[] sample(int[] rows, int max) {
    if (rows.length <= max) {
      return rows;
    }
    List<Integer> shuffled = new ArrayList<>(Arrays.stream(rows).boxed().toList());
    java.util.Collections.shuffle(shuffled, new Random(seed + 1));
    return shuffled.subList(0, max).stream().mapToInt(Integer::intValue).sorted().toArray();
  }
}
