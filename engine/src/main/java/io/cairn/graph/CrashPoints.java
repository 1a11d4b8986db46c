package io.cairn.graph;

import java.io.PrintStream;
import java.util.regex.Pattern;
import org.apache.jena.dboe.transaction.txn.Transaction;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.dboe.transaction.txn.TransactionListener;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Named moments of a write (parsing a file, writing a graph, validating, each step of the commit), for the crash
 * tests: they run {@code cairn load} and {@code cairn import esco} in a child JVM and kill it with SIGKILL at these
 * moments. Off, and free, unless the system property {@code cairn.crashPoints} is set:
 *
 * <ul>
 *   <li>{@code -Dcairn.crashPoints=print} prints {@code cairn-crash-point NAME} on standard error at each one;
 *   <li>{@code -Dcairn.crashPoints.pause=REGEX} also stops at the first point whose name matches, after printing
 *       it, until the process is killed (ten minutes at most).
 * </ul>
 */
public final class CrashPoints {
  /** What a crash point prints before its name. */
  public static final String MARKER = "cairn-crash-point ";
  private static final boolean ENABLED = System.getProperty("cairn.crashPoints") != null;
  private static final Pattern PAUSE = pause(System.getProperty("cairn.crashPoints.pause"));
  private static final long PAUSE_MILLIS = 600_000;
  private static boolean paused;

  private CrashPoints() {}

  /** True when crash points print (a test asked for them). */
  public static boolean enabled() {
    return ENABLED;
  }

  /** The write has reached {@code name}. */
  public static void reach(String name) {
    if (!ENABLED) {
      return;
    }
    PrintStream err = System.err;
    err.println(MARKER + name);
    err.flush();
    if (PAUSE != null && PAUSE.matcher(name).matches() && pauseOnce()) {
      try {
        Thread.sleep(PAUSE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static synchronized boolean pauseOnce() {
    boolean first = !paused;
    paused = true;
    return first;
  }

  /** Prints the steps of each TDB2 write commit of {@code dsg} as crash points (when enabled and on TDB2). */
  static void watchCommits(DatasetGraph dsg) {
    if (ENABLED && TDBInternal.isTDB2(dsg)) {
      TransactionCoordinator coordinator = TDBInternal.getTransactionCoordinator(dsg);
      coordinator.modifyConfig(() -> coordinator.addListener(new CommitSteps()));
    }
  }

  /** The journal is written, then the commit record, then the commit is done. */
  private static final class CommitSteps implements TransactionListener {
    @Override
    public void notifyPrepareStart(Transaction transaction) {
      if (transaction.isWriteTxn()) {
        reach("commit: writing the journal");
      }
    }

    @Override
    public void notifyCommitStart(Transaction transaction) {
      if (transaction.isWriteTxn()) {
        reach("commit: journal written, committing");
      }
    }

    @Override
    public void notifyCommitFinish(Transaction transaction) {
      if (transaction.isWriteTxn()) {
        reach("committed");
      }
    }
  }

  private static Pattern pause(String regex) {
    return regex == null || regex.isBlank() ? null : Pattern.compile(regex);
  }
}
