package io.cairn.labor.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.catalog.IntSet;
import io.cairn.labor.LaborFixture;
import io.cairn.labor.data.LaborData;
import io.cairn.labor.experiment.Experiment;
import io.cairn.labor.experiment.TrainingProgress;
import io.cairn.labor.features.FeatureExtractor;
import io.cairn.labor.features.FeatureMatrix;
import io.cairn.labor.features.Holdout;
import io.cairn.labor.features.ItemWeights;
import io.cairn.labor.features.PoolSettings;
import io.cairn.labor.features.SkillStatistics;
import io.cairn.labor.profile.Profile;
import io.cairn.labor.profile.ProfileSampler;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The linear model's dot-product path and the trees' flat walk predict what Tribuo predicts. */
class LearnedScorerTest {
  private static final long SEED = 9;

  @Test
  void theFastPathsMatchTribuo() {
    LaborData data = new LaborFixture(SEED).data();
    PoolSettings pool = new PoolSettings(30, 20, 10, 8, 20);
    ItemWeights.Settings weights = new ItemWeights.Settings(2, 500, 5);
    TrainingSettings settings = new TrainingSettings(SEED, List.of(0.2, 0.5), 2, 1, 20, 3, pool, weights,
        List.of(LearnerSettings.linear(3, false)), 100);
    List<TrainingExample> examples = new Experiment(data, settings, TrainingProgress.silent()).trainingExamples();
    SkillValueTrainer trainer = new SkillValueTrainer(SEED, 1);
    LearnedScorer linear = trainer.train(examples, LearnerSettings.linear(3, false));
    LearnedScorer trees = trainer.train(examples, LearnerSettings.xgboost(20, 0.3, 3, false));
    assertTrue(linear.scoresByDotProduct());
    assertFalse(trees.scoresByDotProduct());
    assertTrue(trees.scoresByTrees());
    assertFalse(linear.scoresByTrees());

    FeatureExtractor extractor = new FeatureExtractor(data.snapshot(),
        new SkillStatistics(data.skillCount(), data.occupations()),
        ItemWeights.fit(data.skillCount(), data.occupations(), weights), pool);
    for (Profile p : new ProfileSampler(List.of(0.2, 0.5), 2, SEED).sample(data.occupations())) {
      FeatureMatrix m = extractor.extract(p.held(), p.goalField(), Holdout.NONE, IntSet.empty());
      assertArrayEquals(linear.tribuoScore(m), linear.score(m), 1e-6);
      assertArrayEquals(trees.tribuoScore(m), trees.score(m), LearnedScorer.TOLERANCE);
    }
  }
}
