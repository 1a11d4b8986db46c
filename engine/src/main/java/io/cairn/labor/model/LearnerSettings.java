package io.cairn.labor.model;

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
}
