package io.cairn.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The merge-based set operations agree with java.util.TreeSet on seeded random sets. */
class IntSetProperties {
  static LongStream seeds() {
    return LongStream.range(0, 200).map(i -> 0xC0FFEEL + i);
  }

  private static TreeSet<Integer> random(Random r) {
    TreeSet<Integer> set = new TreeSet<>();
    int n = r.nextInt(30);
    int range = 1 + r.nextInt(60);
    for (int i = 0; i < n; i++) {
      set.add(r.nextInt(range));
    }
    return set;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void unionMinusAndIntersectMatchTreeSet(long seed) {
    Random r = new Random(seed);
    TreeSet<Integer> a = random(r);
    TreeSet<Integer> b = random(r);
    IntSet x = IntSet.of(a);
    IntSet y = IntSet.of(b);
    TreeSet<Integer> union = new TreeSet<>(a);
    union.addAll(b);
    TreeSet<Integer> minus = new TreeSet<>(a);
    minus.removeAll(b);
    TreeSet<Integer> both = new TreeSet<>(a);
    both.retainAll(b);
    assertEquals(IntSet.of(union), x.union(y), () -> "seed=" + seed + " union of " + a + " and " + b);
    assertEquals(IntSet.of(minus), x.minus(y), () -> "seed=" + seed + " " + a + " minus " + b);
    assertEquals(IntSet.of(both), x.intersect(y), () -> "seed=" + seed + " " + a + " and " + b);
    assertEquals(both.size(), x.intersectionSize(y), () -> "seed=" + seed);
  }
}
