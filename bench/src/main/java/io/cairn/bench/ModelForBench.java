package io.cairn.bench;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.labor.data.LaborData;
import io.cairn.labor.demand.DemandJoin;
import io.cairn.labor.demand.JobOfferTable;
import io.cairn.labor.experiment.Experiment;
import io.cairn.labor.model.LearnerSettings;
import io.cairn.labor.model.ModelCard;
import io.cairn.labor.model.SkillValueModel;
import io.cairn.labor.model.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The skill-value model the recommendation step measures the learned scorer with: the file given with
 * {@code --model}, or else a quick model trained here on the benchmark's ESCO occupations (one small XGBoost,
 * few profiles: for latency, not for quality; {@code cairn train} makes the real one), kept in the
 * {@code --save-model} file when one is given.
 *
 * @param source how the model came about, for the JSON
 */
record ModelForBench(SkillValueModel model, String source, double seconds) {

  static ModelForBench obtain(Path file, Path keep, Path shared, CatalogSnapshot snapshot, long seed) {
    long t0 = System.nanoTime();
    if (file != null) {
      SkillValueModel model = SkillValueModel.load(file);
      return new ModelForBench(model, "given: " + file.toAbsolutePath() + " (" + model.card().learner().describe()
          + ", trained " + model.card().createdAt() + ")", (System.nanoTime() - t0) / 1e9);
    }
    Path offers = shared.resolve("datasets/labor-market/job_offers_by_esco_occupation.csv");
    JobOfferTable table = Files.isRegularFile(offers) ? JobOfferTable.read(offers) : null;
    DemandJoin join = table == null ? DemandJoin.none(snapshot.occupations().size())
        : DemandJoin.join(snapshot.occupations(), table);
    LaborData data = LaborData.of(snapshot, join);
    TrainingSettings defaults = TrainingSettings.defaults(seed);
    LearnerSettings learner = LearnerSettings.xgboost(60, 0.2, 5, false);
    TrainingSettings quick = new TrainingSettings(seed, defaults.heldFractions(), 1, 1,
        defaults.negativesPerProfile(), defaults.folds(), defaults.pool(), defaults.itemWeights(), List.of(learner),
        100);
    Experiment.Trained trained = new Experiment(data, quick, message -> Bench.progress("    %s", message))
        .train("bench", table == null ? Map.of() : Map.of(table.fileName(), table.sha256()),
            new ModelCard.Demand(table == null ? "none" : table.fileName(), table == null ? 0 : table.rows(),
                table == null ? 0 : table.offersByLabel().size(), join.matchRate(), join.occupationsWithDemand(),
                java.util.Arrays.stream(join.offers()).sum(), join.unmatchedLabels()));
    try {
      Path saved = keep;
      if (saved == null) {
        saved = Files.createTempFile("cairn-bench-", ".model");
        saved.toFile().deleteOnExit();
      }
      SkillValueModel model = SkillValueModel.save(saved, trained.scorer(), trained.card(), data);
      return new ModelForBench(SkillValueModel.load(saved), "trained here, quick: " + learner.describe()
          + ", 1 profile per occupation and fraction (pass --model FILE for the real one)"
          + (keep == null ? "" : ", saved to " + keep),
          (System.nanoTime() - t0) / 1e9);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
