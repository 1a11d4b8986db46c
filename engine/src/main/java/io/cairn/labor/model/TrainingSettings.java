package io.cairn.labor.model;

import io.cairn.labor.features.ItemWeights;
import io.cairn.labor.features.PoolSettings;
import java.util.List;

/**
 * Every knob of a training and evaluation run; recorded in the model card so a run can be repeated.
 *
 * @param seed seeds the split, the profiles, the negative sampling, the folds and the learners
 * @param trainProfiles profiles per training occupation and held fraction
 * @param evaluationProfiles profiles per validation or test occupation and held fraction
 * @param negativesPerProfile non-relevant candidates sampled per training profile (all relevant ones are kept)
 * @param folds folds of training unit groups for the item weights of training profiles
 * @param learners the Tribuo learners tried; the validation split picks one
 * @param bootstrapResamples resamples for the 95% intervals
 */
public record TrainingSettings(long seed, List<Double> heldFractions, int trainProfiles, int evaluationProfiles,
    int negativesPerProfile, int folds, PoolSettings pool, ItemWeights.Settings itemWeights,
    List<LearnerSettings> learners, int bootstrapResamples) {

  public TrainingSettings {
    heldFractions = List.copyOf(heldFractions);
    learners = List.copyOf(learners);
    if (learners.isEmpty()) {
      throw new IllegalArgumentException("at least one learner is needed");
    }
  }

  /** The full run: XGBoost and linear learners, each with and without demand weights. */
  public static TrainingSettings defaults(long seed) {
    return new TrainingSettings(seed, List.of(0.2, 0.5), 2, 2, 40, 4, PoolSettings.DEFAULT,
        ItemWeights.Settings.DEFAULT, List.of(
            LearnerSettings.xgboost(300, 0.1, 6, false),
            LearnerSettings.xgboost(300, 0.1, 6, true),
            LearnerSettings.linear(5, false),
            LearnerSettings.linear(5, true)),
        1000);
  }

  /**
   * A run of a few minutes for CI and smoke tests: one profile per occupation and fraction, a smaller XGBoost
   * and the linear learner. Its intervals are wider; its figures are not the reported ones.
   */
  public static TrainingSettings quick(long seed) {
    return new TrainingSettings(seed, List.of(0.2, 0.5), 1, 1, 30, 4, PoolSettings.DEFAULT,
        ItemWeights.Settings.DEFAULT, List.of(
            LearnerSettings.xgboost(100, 0.2, 6, false),
            LearnerSettings.linear(5, false)),
        1000);
  }

  /** The same run with {@code profiles} evaluation profiles per occupation and fraction. */
  public TrainingSettings withEvaluationProfiles(int profiles) {
    return new TrainingSettings(seed, heldFractions, trainProfiles, profiles, negativesPerProfile, folds, pool,
        itemWeights, learners, bootstrapResamples);
  }
}
