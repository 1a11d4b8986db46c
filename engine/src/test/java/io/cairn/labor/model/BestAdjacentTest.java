package io.cairn.labor.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.cairn.catalog.IntSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The adjacent skills picked by insertion are those a full sort of the pool picks, in its order, ties included. */
class BestAdjacentTest {

  static LongStream seeds() {
    return LongStream.range(1, 41);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void insertionPicksWhatSortingPicks(long seed) {
    Random random = new Random(seed);
    int n = random.nextInt(300);
    int[] all = IntStream.iterate(random.nextInt(5), i -> i + 1 + random.nextInt(4)).limit(n).toArray();
    // few distinct values, signed zeros among them, so ties are common
    double[] palette = {0.0, -0.0, 0.25, 1.5, -0.5, 2.0};
    double[] values = IntStream.range(0, n)
        .mapToDouble(i -> random.nextBoolean() ? palette[random.nextInt(palette.length)] : random.nextGaussian())
        .toArray();
    List<Integer> asked = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (random.nextInt(4) == 0) {
        asked.add(all[i]);
      }
    }
    IntSet skills = IntSet.of(asked);
    int limit = random.nextInt(30);
    int[] sorted = IntStream.range(0, n).filter(i -> !skills.contains(all[i])).boxed()
        .sorted(Comparator.<Integer>comparingDouble(i -> -values[i]).thenComparingInt(i -> all[i]))
        .limit(limit).mapToInt(i -> all[i]).toArray();
    assertArrayEquals(sorted, ModelSkillValues.best(all, values, skills, limit), "seed " + seed);
  }
}
