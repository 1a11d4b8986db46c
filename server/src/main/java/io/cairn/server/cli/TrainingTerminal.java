package io.cairn.server.cli;

import io.cairn.labor.experiment.TrainingProgress;
import java.io.PrintStream;
import java.util.Locale;

/** Shows training's progress: one line per stage with the elapsed time, counts updated in place on a terminal. */
final class TrainingTerminal implements TrainingProgress {
  private final PrintStream out;
  private final boolean interactive = System.console() != null;
  private final long started = System.nanoTime();

  TrainingTerminal(PrintStream out) {
    this.out = out;
  }

  @Override
  public void stage(String message) {
    out.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.nanoTime() - started) / 1e9, message);
  }

  @Override
  public void advance(long done, long total) {
    String line = String.format(Locale.ROOT, "           %,d / %,d", done, total);
    if (interactive) {
      out.print("\r" + line + (done == total ? "\n" : ""));
      out.flush();
    } else if (done == total) {
      out.println(line);
    }
  }
}
