package io.cairn.labor.model;

import java.util.List;
import org.tribuo.Trainer;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/**
 * One Tribuo learner and its hyperparameters; every setting is recorded in the model card.
 *
 * @param kind {@code xgboost} (gradient-boosted trees) or {@code linear} (least squares by SGD on standardised
 *     features)
 * @param demandWeighted whether training examples weigh 1 + log(1 + job offers of the profile's occupation) / 4
 */
public record LearnerSettings(String kind, int trees, double eta, int maxDepth, double minChildWeight,
    double subsample, int epochs, boolean demandWeighted) {

  public LearnerSettings {
    if (!kind.equals("xgboost") && !kind.equals("linear")) {
      throw new IllegalArgumentException("kind must be xgboost or linear, got " + kind);
    }
  }

  public static LearnerSettings xgboost(int trees, double eta, int maxDepth, boolean demandWeighted) {
    return new LearnerSettings("xgboost", trees, eta, maxDepth, 5, 0.8, 0, demandWeighted);
  }

  public static LearnerSettings linear(int epochs, boolean demandWeighted) {
    return new LearnerSettings("linear", 0, 0.05, 0, 0, 1, epochs, demandWeighted);
  }

  /** Short description for tables. */
  public String describe() {
    String weighting = demandWeighted ? ", demand-weighted" : "";
    return kind.equals("xgboost")
        ? "XGBoost " + trees + " trees, depth " + maxDepth + ", eta " + eta + weighting
        : "linear SGD " + epochs + " epochs" + weighting;
  }

  /** Example weight for a profile of an occupation with {@code offers} job offers. */
  public float weight(long offers) {
    return demandWeighted ? (float) (1 + Math.log1p(offers) / 4) : 1f;
  }

  /** The Tribuo regression trainer these settings describe, seeded. */
  public Trainer<Regressor> trainer(long seed, int threads) {
    if (kind.equals("xgboost")) {
      // histogram splits: exact greedy splits take many minutes on half a million examples
      return new XGBoostRegressionTrainer(XGBoostTrainer.BoosterType.GBTREE, XGBoostTrainer.TreeMethod.HIST,
          XGBoostRegressionTrainer.RegressionType.LINEAR, trees, eta, 0, maxDepth, minChildWeight, subsample, 1.0,
          1.0, 0, threads, XGBoostTrainer.LoggingVerbosity.SILENT, seed);
    }
    LinearSGDTrainer linear = new LinearSGDTrainer(new SquaredLoss(), new AdaGrad(eta), epochs, Integer.MAX_VALUE,
        1, seed);
    return new TransformTrainer<>(linear, new TransformationMap(List.of(new MeanStdDevTransformation())));
  }
}
