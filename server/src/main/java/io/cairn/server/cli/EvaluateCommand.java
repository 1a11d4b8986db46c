package io.cairn.server.cli;

import io.cairn.graph.LiveCatalog;
import io.cairn.labor.eval.EvaluationReport;
import io.cairn.labor.experiment.Experiment;
import io.cairn.labor.model.ModelCard;
import io.cairn.labor.model.SkillValueModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cairn evaluate}: measures a saved model and the baselines on the test split, prints and writes JSON. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, subcommands = EvaluateTitlesCommand.class,
    description = {"Measure a saved skill-value model against the baselines on its held-out test split.",
        "The baselines are tuned again on validation; the test split is the one the model was saved with.",
        "NDCG@k (k = 1..20), Recall@10 and MRR with 95% bootstrap intervals, per held fraction.",
        "Prints a table and writes the report as JSON. 'evaluate titles' measures the job-title normalizer."})
final class EvaluateCommand implements Runnable {
  @Mixin
  LaborInputs inputs;

  @Option(names = "--model", paramLabel = "FILE", defaultValue = "skill-value.model",
      description = "The model from 'cairn train' (default: ${DEFAULT-VALUE})")
  Path model;

  @Option(names = "--out", paramLabel = "JSON", defaultValue = "evaluation.json",
      description = "Where to write the report (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--quick", description = "One profile per occupation and held fraction instead of the model's"
      + " setting: a faster, wider-interval run (for CI)")
  boolean quick;

  /** The JSON written: what was measured and the report. */
  record Written(String model, String learner, long splitSeed, Map<String, String> dataFiles, boolean quick,
      EvaluationReport report) {}

  @Override
  public void run() {
    if (!Files.isRegularFile(model)) {
      throw new CliException("no model at " + model.toAbsolutePath() + "; train one with 'cairn train --out FILE'");
    }
    SkillValueModel saved = SkillValueModel.load(model);
    ModelCard card = saved.card();
    try (LiveCatalog catalog = inputs.data.openCatalogForReading()) {
      LaborInputs.Loaded loaded = inputs.load(catalog);
      loaded.files().forEach((file, sha) -> {
        String recorded = card.dataFiles().get(file);
        if (!sha.equals(recorded)) {
          System.err.println("warning: " + file + " differs from the data the model was trained on"
              + (recorded == null ? " (not in its card)" : " (SHA-256 " + recorded + ")"));
        }
      });
      TrainingTerminal progress = new TrainingTerminal(System.err);
      var settings = quick ? card.settings().withEvaluationProfiles(1) : card.settings();
      Experiment experiment = new Experiment(loaded.data(), settings, progress);
      EvaluationReport report = experiment.evaluate(saved.scorer(), "learned model (" + card.learner().kind() + ")",
          card.learner().describe());
      PrintWriter writer = new PrintWriter(System.out, true);
      EvaluationTable.print(report, writer);
      try {
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
        json.writeValue(out.toFile(), new Written(model.toString(), card.learner().describe(), card.splitSeed(),
            card.dataFiles(), quick, report));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + out, e);
      }
      writer.println("Wrote " + out.toAbsolutePath());
    }
  }
}
