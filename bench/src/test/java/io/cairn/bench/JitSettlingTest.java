package io.cairn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The warm-up's rounds against a compiler clock the test moves: fewer connections while the compiler is busy, the
 * measured ones once it is quiet, done only after a quiet round at the measured connections or at the round limit.
 */
class JitSettlingTest {
  private long compiled;

  /** Runs rounds of 5 s, the compiler busy for {@code millis[i]} in round {@code i}; returns each round's load. */
  private List<Integer> warmUp(JitSettling settling, long... millis) {
    List<Integer> loads = new ArrayList<>();
    int round = 0;
    do {
      loads.add(settling.nextRoundConnections());
      settling.startRound();
      compiled += millis[Math.min(round++, millis.length - 1)];
      settling.endRound();
    } while (!settling.settled());
    return loads;
  }

  @Test
  void compilesOnOneConnectionPerCoreThenSettlesUnderTheMeasuredLoad() {
    JitSettling settling = new JitSettling(5, 16, 2, () -> compiled);
    // busy, quiet at 2 connections; then busy (what the heavier load compiles), quiet at 16
    assertEquals(List.of(2, 2, 16, 16), warmUp(settling, 4000, 50, 300, 20));
    Map<String, Object> summary = settling.summary();
    assertEquals(2, summary.get("roundsAtFewerConnections"));
    assertEquals(true, summary.get("settled"));
    assertEquals(4370L, summary.get("compilationMillis"));
  }

  @Test
  void aQuietRoundOnFewerConnectionsIsNotEnough() {
    JitSettling settling = new JitSettling(5, 16, 2, () -> compiled);
    assertEquals(List.of(2, 16), warmUp(settling, 10, 10));
  }

  @Test
  void aCompilerThatNeverSettlesGetsHalfTheRoundsOnEachLoadAndIsSaidSo() {
    JitSettling settling = new JitSettling(5, 16, 2, () -> compiled);
    assertEquals(List.of(2, 2, 2, 2, 16, 16, 16, 16), warmUp(settling, 5000));
    assertFalse((Boolean) settling.summary().get("settled"));
  }

  @Test
  void aLoadNoLargerThanTheCoresStartsAtItsOwnConnections() {
    assertEquals(List.of(2), warmUp(new JitSettling(5, 2, 4, () -> compiled), 0));
  }

  @Test
  void withoutTheCompilersCountOneRoundAtTheMeasuredConnections() {
    JitSettling settling = new JitSettling(5, 16, 2, () -> -1);
    assertEquals(List.of(16), warmUp(settling, 0));
    assertTrue(settling.settled());
  }
}
