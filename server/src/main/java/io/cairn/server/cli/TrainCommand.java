package io.cairn.server.cli;

import io.cairn.graph.LiveCatalog;
import io.cairn.labor.experiment.Experiment;
import io.cairn.labor.model.SkillValueModel;
import io.cairn.labor.model.TrainingSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cairn train}: learns the skill-value model from the imported ESCO graph and the job offers. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Train the skill-value model (Tribuo) on the ESCO occupations in --data (import ESCO there",
        "first with 'cairn import esco') and the job-offer file, measure it against the baselines on held-out",
        "ISCO unit groups, and save it with its model card."})
final class TrainCommand implements Runnable {
  @Mixin
  LaborInputs inputs;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
      description = "Seed of the split, profiles and learners (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--out", paramLabel = "FILE", defaultValue = "skill-value.model",
      description = "Where to save the model (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--profiles", paramLabel = "N", defaultValue = "2",
      description = "Validation and test profiles per occupation and held fraction (default: ${DEFAULT-VALUE})")
  int profiles;

  @Option(names = "--quick", description = "A run of a few minutes (one profile per occupation and fraction,"
      + " a smaller XGBoost, no demand-weighted learner): for CI and smoke tests, not for the reported figures")
  boolean quick;

  @Override
  public void run() {
    if (profiles < 1) {
      throw new CliException("--profiles must be at least 1");
    }
    long started = System.nanoTime();
    try (LiveCatalog catalog = inputs.data.openCatalogForReading()) {
      LaborInputs.Loaded loaded = inputs.load(catalog);
      TrainingTerminal progress = new TrainingTerminal(System.err);
      Experiment experiment = new Experiment(loaded.data(),
          quick ? TrainingSettings.quick(seed) : TrainingSettings.defaults(seed).withEvaluationProfiles(profiles),
          progress);
      Experiment.Trained trained = experiment.train(loaded.escoVersion(), loaded.files(), loaded.demand());
      progress.stage("saving the model with item weights fitted on every occupation ...");
      SkillValueModel.save(out, trained.scorer(), trained.card(), loaded.data());
      PrintWriter writer = new PrintWriter(System.out, true);
      EvaluationTable.print(trained.card().test(), writer);
      writer.printf(Locale.ROOT, "Model: %s; demand weighting %s on validation.%n", trained.card().learner().describe(),
          trained.card().demandWeightingHelped() == null ? "was not tried"
              : trained.card().demandWeightingHelped() ? "helped" : "did not help");
      writer.printf(Locale.ROOT, "Saved %s in %.1f s (learning %.1f s).%n", out.toAbsolutePath(),
          (System.nanoTime() - started) / 1e9, trained.card().trainingSeconds());
    }
  }
}
