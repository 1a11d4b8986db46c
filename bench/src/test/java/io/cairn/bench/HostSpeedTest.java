package io.cairn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The memory workload's chain is one cycle through every slot (else the chase would circle in a few slots the
 * cache holds and time the cache, not memory), and a reading is a set of finite, positive figures (no wall-clock
 * time is asserted).
 */
class HostSpeedTest {
  static Stream<Arguments> sizesAndSeeds() {
    return LongStream.range(0, 60).mapToObj(i -> Arguments.of((int) (2 + i * i * 7 % 5000), 0xC1C1EL + i * 7919));
  }

  @ParameterizedTest
  @MethodSource("sizesAndSeeds")
  void theChainVisitsEverySlotOnceBeforeItComesBack(int n, long seed) {
    int[] next = HostSpeed.cycle(n, seed);
    int[] walk = new int[n + 1]; // walk[s]: the slot after s steps from slot 0
    boolean[] seen = new boolean[n];
    for (int step = 0; step < n; step++) {
      int at = walk[step];
      assertTrue(!seen[at], "seed=" + seed + " n=" + n + ": slot " + at + " visited twice within " + step + " steps");
      seen[at] = true;
      walk[step + 1] = next[at];
    }
    assertEquals(0, walk[n], "seed=" + seed + " n=" + n + ": the chain does not come back to its start after n steps");
    for (int steps : new int[] {1, n / 2, n - 1}) {
      assertEquals(walk[steps], HostSpeed.chase(next, steps),
          "seed=" + seed + " n=" + n + ": chase stops where " + steps + " steps along the links lead");
    }
  }

  @Test
  void aReadingIsFinitePositiveAndReadsBackFromItsJson() {
    HostSpeed.Reading r = HostSpeed.measure();
    for (double figure : new double[] {r.hashMiBPerSecond(), r.memoryNanosPerLoad(), r.cacheNanosPerLoad()}) {
      assertTrue(Double.isFinite(figure) && figure > 0, r.toString());
    }
    // what the JSON keeps reads back as the same figures, for a table rendered from a file
    assertEquals(r, HostSpeed.Reading.fromJson(r.toJson()));
  }
}
