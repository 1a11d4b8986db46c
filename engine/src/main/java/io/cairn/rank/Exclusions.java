package io.cairn.rank;

import java.util.Map;
import java.util.TreeMap;

/** Counts, per broken constraint, the candidates a request left out; named only once, at the end. */
final class Exclusions {
  static final String PREREQUISITES_TOO_FAR = "prerequisites more than one step away";

  private final int[] counts = new int[ConstraintCheck.CODES];
  private int tooFar;

  void add(int code) {
    counts[code]++;
  }

  void add(int code, int count) {
    counts[code] += count;
  }

  /** Adds {@code other}'s counts to these (a request's two halves). */
  void addAll(Exclusions other) {
    for (int code = 0; code < counts.length; code++) {
      counts[code] += other.counts[code];
    }
    tooFar += other.tooFar;
  }

  void prerequisitesTooFar() {
    tooFar++;
  }

  int prerequisitesTooFarCount() {
    return tooFar;
  }

  /** Each broken constraint's key with its count, in key order; only those that left something out. */
  Map<String, Integer> toMap() {
    TreeMap<String, Integer> map = new TreeMap<>();
    if (tooFar > 0) {
      map.put(PREREQUISITES_TOO_FAR, tooFar);
    }
    for (int code = 0; code < counts.length; code++) {
      if (counts[code] > 0) {
        map.merge(ConstraintCheck.key(code), counts[code], Integer::sum);
      }
    }
    return map;
  }
}
