package io.cairn.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How a warm-up goes on, and when it has gone on long enough. Its first rounds load the server with as many
 * connections as the machine has cores, so that the JIT compiler gets a core's share of the processors: under the
 * measured load's sixteen connections on 2 cores it got a seventeenth of them and was still compiling after eight
 * rounds (45 s of compiling in the default run's 40 s warm-up, 9 s more in the measured window), where on 2
 * connections it is done in one. Once a round of those compiled for less than {@link #SETTLED_SHARE} of its wall
 * time (or after half of {@link #MAX_ROUNDS}), the rounds use the measured connections, until one of them is as
 * quiet too, or {@link #MAX_ROUNDS} in all, whatever the compiler does. The compiler's time is the JVM's own count
 * ({@link CompilationMXBean#getTotalCompilationTime}); a JVM that does not say gets one round at the measured
 * connections.
 */
final class JitSettling {
  /** A round with the compiler busy for less than this share of its wall time is a settled one. */
  static final double SETTLED_SHARE = 0.02;
  static final int MAX_ROUNDS = 8;

  private final int roundSeconds;
  private final int connections;
  private final int compilingConnections;
  private final LongSupplier compilerMillis;
  private int rounds;
  private int compilingRounds;
  private boolean measuredLoad;
  private boolean lastRoundMeasuredLoad;
  private long roundStart;
  private long lastRoundMillis;
  private long totalMillis;

  /** For a load of {@code connections}, the first rounds on as many as {@code cores} (fewer when it is fewer). */
  JitSettling(int roundSeconds, int connections, int cores) {
    this(roundSeconds, connections, cores, JitSettling::compilationMillis);
  }

  /** With the compiler's clock given (milliseconds so far, or -1 when unknown): for tests. */
  JitSettling(int roundSeconds, int connections, int cores, LongSupplier compilerMillis) {
    this.roundSeconds = roundSeconds;
    this.connections = connections;
    this.compilingConnections = Math.max(1, Math.min(connections, cores));
    this.compilerMillis = compilerMillis;
    this.measuredLoad = compilingConnections == connections || compilerMillis.getAsLong() < 0;
  }

  /** Milliseconds the JIT compiler has spent so far, or -1 when the JVM does not say. */
  static long compilationMillis() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
  }

  /** The connections the next round loads the server with. */
  int nextRoundConnections() {
    return measuredLoad ? connections : compilingConnections;
  }

  void startRound() {
    roundStart = compilerMillis.getAsLong();
  }

  void endRound() {
    rounds++;
    lastRoundMeasuredLoad = measuredLoad;
    lastRoundMillis = roundStart < 0 ? -1 : compilerMillis.getAsLong() - roundStart;
    totalMillis += Math.max(0, lastRoundMillis);
    if (!measuredLoad) {
      compilingRounds++;
      measuredLoad = quiet() || rounds >= MAX_ROUNDS / 2;
    }
  }

  int rounds() {
    return rounds;
  }

  long lastRoundMillis() {
    return lastRoundMillis;
  }

  /** Done: the last round was at the measured connections and quiet (or unknown), or the rounds are spent. */
  boolean settled() {
    return rounds >= MAX_ROUNDS || (lastRoundMeasuredLoad && (lastRoundMillis < 0 || quiet()));
  }

  /** Whether the last round's compiling stayed under the settled share of its wall time. */
  private boolean quiet() {
    return lastRoundMillis >= 0 && lastRoundMillis < SETTLED_SHARE * roundSeconds * 1000;
  }

  /** What the warm-up took, for the results. */
  Map<String, Object> summary() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rounds", rounds);
    m.put("seconds", rounds * roundSeconds);
    m.put("roundsAtFewerConnections", compilingRounds);
    m.put("fewerConnections", compilingConnections);
    m.put("compilationMillis", totalMillis);
    m.put("compilationMillisLastRound", lastRoundMillis);
    m.put("settled", lastRoundMeasuredLoad && quiet());
    m.put("rule", String.format("rounds of %d s: at %d connections (one per core, so that the JIT compiler gets its"
        + " share of the processors) until one compiled for less than %.0f%% of its wall time or %d rounds, then at"
        + " %d connections until one does too, at most %d rounds in all", roundSeconds, compilingConnections,
        SETTLED_SHARE * 100, MAX_ROUNDS / 2, connections, MAX_ROUNDS));
    return m;
  }
}
