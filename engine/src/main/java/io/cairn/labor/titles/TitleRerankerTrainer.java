package io.cairn.labor.titles;

import io.cairn.labor.model.LearnerSettings;
import java.util.List;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Fits the reranker: pointwise learning to rank, a Tribuo regression of 1 (the candidate is the title's
 * occupation) or 0 on the candidate's features, with gradient-boosted trees (XGBoost) or a linear model.
 */
final class TitleRerankerTrainer {
  private static final String TARGET = "is-occupation";
  private final long seed;
  private final int threads;

  TitleRerankerTrainer(long seed, int threads) {
    this.seed = seed;
    this.threads = threads;
  }

  /** One training query's candidates, and which of them (if any) is its occupation. */
  record Query(TitleFeatures.Candidates candidates, int gold) {}

  TitleScorer train(List<Query> queries, LearnerSettings settings) {
    RegressionFactory factory = new RegressionFactory();
    MutableDataset<Regressor> dataset = new MutableDataset<>(
        new SimpleDataSourceProvenance("labelled vacancy titles (training split)", factory), factory);
    for (Query q : queries) {
      TitleFeatures.Candidates c = q.candidates();
      for (int i = 0; i < c.size(); i++) {
        double[] row = new double[TitleFeature.COUNT];
        for (int f = 0; f < row.length; f++) {
          row[f] = c.features()[i * TitleFeature.COUNT + f];
        }
        dataset.add(new ArrayExample<>(new Regressor(TARGET, c.occupations()[i] == q.gold() ? 1 : 0),
            TitleScorer.FEATURE_NAMES, row));
      }
    }
    return new TitleScorer(settings.trainer(seed, threads).train(dataset));
  }
}
