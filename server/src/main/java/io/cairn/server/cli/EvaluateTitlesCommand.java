package io.cairn.server.cli;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.graph.LiveCatalog;
import io.cairn.labor.model.LearnerSettings;
import io.cairn.labor.titles.TitleData;
import io.cairn.labor.titles.TitleModel;
import io.cairn.labor.titles.TitleSplit;
import io.cairn.labor.titles.eval.LearnerTrial;
import io.cairn.labor.titles.eval.RankerResult;
import io.cairn.labor.titles.eval.TitleMetrics;
import io.cairn.labor.titles.eval.TitleReport;
import io.cairn.search.LabelSearch;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cairn evaluate titles}: trains the job-title normalizer on the training part of the labelled vacancy
 * titles, measures it on the held-out ones beside Cairn's Lucene search and BM25, prints the table and saves the
 * model for {@code cairn serve --titles}.
 */
@Command(name = "titles", mixinStandardHelpOptions = true,
    description = {"Train the job-title normalizer (title -> ESCO occupations) on labelled vacancy titles, split",
        "seeded by cleaned title, and measure top-1, top-5 and MRR on the held-out test titles beside Cairn's",
        "Lucene label search and plain BM25 over ESCO's labels. Prints the table and saves the model."})
final class EvaluateTitlesCommand implements Runnable {
  @Mixin
  DataOptions data;

  @Option(names = "--titles-data", paramLabel = "CSV", description = "Labelled titles (text,label) (default:"
      + " $CAIRN_SHARED or ../shared, then datasets/job-titles/jobbert_v1_titles.csv)")
  Path titles;

  @Option(names = "--out", paramLabel = "FILE", defaultValue = "titles.model",
      description = "Where to save the model (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--split", paramLabel = "KIND", defaultValue = "title",
      description = "Hold out by 'title' (test titles never seen in training; default) or by 'occupation'"
          + " (test occupations have no training titles: the cold start)")
  String split;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "14", description = "Split seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--quick", description = "Linear reranker only, 1,500 validation and test titles: the CI run")
  boolean quick;

  @Override
  public void run() {
    Path file = titles != null ? titles : sharedTitles();
    if (!Files.isRegularFile(file)) {
      throw new CliException("no labelled titles at " + file.toAbsolutePath() + "; pass --titles-data CSV");
    }
    TitleSplit.Kind kind = TitleSplit.Kind.of(split);
    try (LiveCatalog catalog = data.openCatalog()) {
      CatalogSnapshot snapshot = catalog.snapshot();
      if (snapshot.occupations().size() < 1000) {
        System.err.println("warning: the catalog has " + snapshot.occupations().size() + " occupations; import"
            + " full ESCO first (cairn import esco --data DIR ...) to measure on every title");
      }
      List<LearnerSettings> learners = quick ? List.of(LearnerSettings.linear(5, false))
          : List.of(LearnerSettings.linear(5, false), LearnerSettings.xgboost(200, 0.1, 6, false));
      TrainingTerminal progress = new TrainingTerminal(System.err);
      TitleModel model = TitleModel.train(snapshot, LabelSearch.of(snapshot), TitleData.read(file), kind, seed,
          learners, quick ? 2000 : 4000, quick ? 1500 : Integer.MAX_VALUE, progress);
      PrintWriter writer = new PrintWriter(System.out, true);
      print(model.card().report(), writer);
      model.save(out);
      writer.println("Saved the title model to " + out.toAbsolutePath() + " (serve it with cairn serve --titles "
          + out + ")");
    }
  }

  static void print(TitleReport report, PrintWriter out) {
    out.printf(Locale.ROOT, "Split by %s (seed %d): %s titles; reranker chosen on validation MRR: %s%n",
        report.split(), report.seed(), report.rows(), report.chosenLearner());
    for (LearnerTrial t : report.learners()) {
      out.printf(Locale.ROOT, "  tried %s: validation MRR %.4f, top-5 %.4f%n", t.description(), t.validationMrr(),
          t.validationTop5());
    }
    Table table = new Table("ranker", "role", "titles", "top-1", "top-5", "top-5 95% CI", "MRR");
    for (RankerResult r : report.rankers()) {
      TitleMetrics m = r.test();
      table.row(r.name(), r.role(), m.titles(), f(m.top1().mean()), f(m.top5().mean()),
          "[" + f(m.top5().low()) + ", " + f(m.top5().high()) + "]", f(m.mrr().mean()));
    }
    out.println("Held-out test titles:");
    table.print(out);
    for (RankerResult r : report.rankers()) {
      out.println("  " + r.name() + ": " + r.description());
    }
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  private static Path sharedTitles() {
    String shared = System.getProperty("cairn.shared", System.getenv("CAIRN_SHARED"));
    return Path.of(shared == null || shared.isBlank() ? "../shared" : shared)
        .resolve("datasets/job-titles/jobbert_v1_titles.csv");
  }
}
