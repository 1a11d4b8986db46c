package io.cairn.server.cli;

import io.cairn.labor.eval.EvaluationReport;
import io.cairn.labor.eval.FractionResult;
import io.cairn.labor.eval.Interval;
import io.cairn.labor.eval.ScorerResult;
import io.cairn.labor.experiment.Experiment;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints an evaluation report as a table: one row per scorer and held fraction. */
final class EvaluationTable {
  private EvaluationTable() {}

  static void print(EvaluationReport report, PrintWriter out) {
    out.printf(Locale.ROOT, "Evaluation on the %s split (95%% intervals: %d bootstrap resamples over occupations,"
        + " seed %d)%n", report.split(), report.bootstrapResamples(), report.bootstrapSeed());
    Table table = new Table("HELD", "SCORER", "NDCG@10", "RECALL@10", "MRR", "SETTING");
    ScorerResult first = report.scorers().getFirst();
    for (int f = 0; f < first.fractions().size(); f++) {
      for (ScorerResult s : report.scorers()) {
        FractionResult r = s.fractions().get(f);
        table.row(Experiment.fractionKey(r.heldFraction()), s.name() + (s.role().equals("reference") ? " *" : ""),
            show(r.ndcgAt10()), show(r.recallAt10()), show(r.mrr()), s.setting());
      }
    }
    table.print(out);
    out.println("* reference ranker, not one of the baselines the target is measured against");
    report.ratioToBestBaseline().forEach((fraction, ratio) -> out.printf(Locale.ROOT,
        "held %s: model / best baseline (%s) NDCG@10 = %.3f (target 1.25), intervals %s; candidate pool recall %.3f%n",
        fraction, report.bestBaseline().get(fraction), ratio,
        report.intervalsSeparate().get(fraction) ? "do not overlap" : "overlap", report.poolRecall().get(fraction)));
    out.flush();
  }

  private static String show(Interval i) {
    return String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", i.mean(), i.low(), i.high());
  }
}
