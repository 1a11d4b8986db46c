package io.cairn.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When a warm-up has gone on long enough: once a round of it spent less than {@link #SETTLED_SHARE} of its wall time
 * in the JIT compiler (the JVM's own count, {@link CompilationMXBean#getTotalCompilationTime}), or after
 * {@link #MAX_ROUNDS} rounds whatever the compiler does. Without the JVM's count (a JVM without a compiler bean),
 * one round.
 */
final class JitSettling {
  /** A round with the compiler busy for less than this share of its wall time is a settled one. */
  static final double SETTLED_SHARE = 0.02;
  static final int MAX_ROUNDS = 8;

  private final int roundSeconds;
  private int rounds;
  private long roundStart;
  private long lastRoundMillis;
  private long totalMillis;

  JitSettling(int roundSeconds) {
    this.roundSeconds = roundSeconds;
  }

  /** Milliseconds the JIT compiler has spent so far, or -1 when the JVM does not say. */
  static long compilationMillis() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
  }

  void startRound() {
    roundStart = compilationMillis();
  }

  void endRound() {
    rounds++;
    lastRoundMillis = roundStart < 0 ? -1 : compilationMillis() - roundStart;
    totalMillis += Math.max(0, lastRoundMillis);
  }

  int rounds() {
    return rounds;
  }

  long lastRoundMillis() {
    return lastRoundMillis;
  }

  boolean settled() {
    return rounds >= MAX_ROUNDS || lastRoundMillis < 0 || quiet();
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
    m.put("compilationMillis", totalMillis);
    m.put("compilationMillisLastRound", lastRoundMillis);
    m.put("settled", quiet());
    m.put("rule", String.format("rounds of %d s until the JIT compiled for less than %.0f%% of a round's wall time,"
        + " at most %d rounds", roundSeconds, SETTLED_SHARE * 100, MAX_ROUNDS));
    return m;
  }
}
