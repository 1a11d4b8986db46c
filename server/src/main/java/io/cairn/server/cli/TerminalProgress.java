package io.cairn.server.cli;

import io.cairn.interop.esco.ImportProgress;
import java.io.PrintStream;
import java.util.Locale;

/** Shows an import's progress: one line per file, updated in place on a terminal. */
final class TerminalProgress implements ImportProgress {
  private final PrintStream out;
  private final boolean interactive = System.console() != null;
  private final long started = System.nanoTime();

  TerminalProgress(PrintStream out) {
    this.out = out;
  }

  @Override
  public void rows(String file, long rows, boolean done) {
    String line = String.format(Locale.ROOT, "  %-40s %,10d rows  %6.1f s", file, rows,
        (System.nanoTime() - started) / 1e9);
    if (done) {
      out.println((interactive ? "\r" : "") + line);
    } else if (interactive) {
      out.print("\r" + line);
      out.flush();
    }
  }

  @Override
  public void committing() {
    out.println("  every row read; checking against the shapes while the store finishes writing, then committing ...");
  }
}
