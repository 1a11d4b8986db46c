package io.cairn.audit;

import io.cairn.catalog.IntSet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * ECTS a subtree brings, per credential, so that a credit rule counts each credential once even when two children
 * (one of them allowing double counting) reach it, and never counts a credential together with parts of it taken
 * toward it. Mutable; never leaves the package.
 */
final class Tally {
  private final Map<Integer, Double> whole = new TreeMap<>();
  private final Map<Integer, Map<Integer, Double>> partsToward = new TreeMap<>();
  private double waived;

  static Tally waived(double credits) {
    Tally tally = new Tally();
    tally.waived = credits;
    return tally;
  }

  /** Counts {@code credential} as itself. */
  void credit(int credential, double credits) {
    whole.merge(credential, credits, Math::max);
  }

  /** Counts {@code part} as partial credit toward {@code target}, which is not held as such. */
  void creditToward(int target, int part, double credits) {
    partsToward.computeIfAbsent(target, t -> new TreeMap<>()).merge(part, credits, Math::max);
  }

  void addAll(Tally other) {
    other.whole.forEach(this::credit);
    other.partsToward.forEach((target, parts) -> parts.forEach((part, credits) -> creditToward(target, part, credits)));
    waived += other.waived;
  }

  /** Each credential once, at its largest amount; parts toward a credential counted as itself give nothing. */
  double total() {
    Map<Integer, Double> best = new HashMap<>(whole);
    partsToward.forEach((target, parts) -> {
      if (!whole.containsKey(target)) {
        parts.forEach((part, credits) -> best.merge(part, credits, Math::max));
      }
    });
    double sum = waived;
    for (double credits : best.values()) {
      sum += credits;
    }
    return sum;
  }

  /** Every credential counted, in either role. */
  IntSet credentials() {
    TreeSet<Integer> all = new TreeSet<>(whole.keySet());
    partsToward.values().forEach(parts -> all.addAll(parts.keySet()));
    return IntSet.of(all);
  }
}
