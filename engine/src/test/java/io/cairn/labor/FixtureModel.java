package io.cairn.labor;

import io.cairn.labor.data.LaborData;
import io.cairn.labor.experiment.Experiment;
import io.cairn.labor.experiment.TrainingProgress;
import io.cairn.labor.features.ItemWeights;
import io.cairn.labor.features.PoolSettings;
import io.cairn.labor.model.LearnerSettings;
import io.cairn.labor.model.ModelCard;
import io.cairn.labor.model.SkillValueModel;
import io.cairn.labor.model.TrainingSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real skill-value model trained on the {@link LaborFixture} in a few seconds, saved to a file and loaded back,
 * once per JVM: for tests of what uses a model (the recommender, the API), never a mock.
 */
public final class FixtureModel {
  public static final long SEED = 7;
  private static Path file;
  private static SkillValueModel model;

  private FixtureModel() {}

  /** The model file (trained on first use; deleted when the JVM exits). */
  public static synchronized Path file() {
    if (file == null) {
      try {
        file = Files.createTempFile("cairn-fixture-", ".model");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      file.toFile().deleteOnExit();
      LaborData data = new LaborFixture(SEED).data();
      TrainingSettings settings = new TrainingSettings(SEED, List.of(0.2, 0.5), 3, 2, 20, 3,
          new PoolSettings(30, 20, 10, 8, 20), new ItemWeights.Settings(2, 500, 5),
          List.of(LearnerSettings.xgboost(30, 0.2, 3, false)), 100);
      Experiment.Trained trained = new Experiment(data, settings, TrainingProgress.silent()).train("fixture",
          Map.of("fixture-offers.csv", "cd".repeat(32)),
          new ModelCard.Demand("fixture-offers.csv", 12, 12, 1.0, 12, 1000, List.of()));
      SkillValueModel.save(file, trained.scorer(), trained.card(), data);
    }
    return file;
  }

  /** The model as loaded from {@link #file()}. */
  public static synchronized SkillValueModel model() {
    if (model == null) {
      model = SkillValueModel.load(file());
    }
    return model;
  }
}
