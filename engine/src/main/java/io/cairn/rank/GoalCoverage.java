package io.cairn.rank;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;

/**
 * How much of a goal's unmet targets each credential teaches, found in one pass over the inverted index
 * (target to the credentials teaching it) instead of intersecting every credential's skills with the goal. Only
 * the credentials teaching at least one unmet target are touched, and they are marked in a bit set, so a request
 * costs in proportion to the goal's postings, not to the catalog, and visits them in index order: on a catalog of a
 * million the arrays a request reads per credential are cache misses, and the processor fetches ahead of a visit in
 * ascending order where it cannot for one in posting order.
 *
 * <p>Instances are scratch space reused across requests (see {@link #reset}); one is used by one request at a
 * time.
 */
public final class GoalCoverage {
  // each credential's weight at 2c and its count at 2c + 1: on a large catalog the touched credentials are cache
  // misses, one line for both rather than one for each
  private double[] weightAndCount = new double[0];
  private long[] touched = new long[0];
  private int touchedCount;
  // the first and last words of touched with a bit set, so a small goal on a large catalog scans only its span
  private int firstWord = Integer.MAX_VALUE;
  private int lastWord = -1;
  private CatalogSnapshot snapshot;

  GoalCoverage() {}

  /** Fills this scratch for {@code goal} on {@code snapshot}; it must be clear (new, or {@link #reset}). */
  GoalCoverage fill(CatalogSnapshot snapshot, GoalTargets goal) {
    prepare(snapshot);
    return adopt(fillRange(goal, 0, snapshot.credentials().size()));
  }

  /**
   * Makes this scratch ready to be filled for {@code snapshot} by {@link #fillRange}; it must be clear (new, or
   * {@link #reset}).
   */
  GoalCoverage prepare(CatalogSnapshot snapshot) {
    int n = snapshot.credentials().size();
    if (weightAndCount.length < 2 * n) {
      weightAndCount = new double[2 * n];
      touched = new long[(n + 63) >>> 6];
    }
    this.snapshot = snapshot;
    return this;
  }

  /** Where a {@link #fillRange} touched: its first and last words with a bit set, and how many bits it set. */
  record Span(int firstWord, int lastWord, int touched) {}

  /**
   * Fills the credentials from {@code from} up to {@code to} (not included), after {@link #prepare}: two threads
   * may fill two such ranges at once when {@code from} is a multiple of 64, as the ranges then share no word. The
   * fill is done once every range's span is {@link #adopt}ed.
   */
  Span fillRange(GoalTargets goal, int from, int to) {
    IntSet unmet = goal.unmet();
    TargetWeights weights = goal.weights();
    int first = Integer.MAX_VALUE;
    int last = -1;
    for (int t = 0; t < unmet.size(); t++) {
      double w = weights.weightAt(t);
      // a broader target (a skill group) is covered through its narrower concepts
      IntSet teachers = snapshot.coveredBy(unmet.get(t));
      int start = from == 0 ? 0 : teachers.firstAtLeast(from);
      int end = to >= snapshot.credentials().size() ? teachers.size() : teachers.firstAtLeast(to);
      if (start >= end) {
        continue;
      }
      // teachers ascend: the span grows by its ends, and the loop below has no branch on what it loads, so the
      // processor keeps many of its cache misses in flight at once (on a million credentials they are most of it)
      first = Math.min(first, teachers.get(start) >>> 6);
      last = Math.max(last, teachers.get(end - 1) >>> 6);
      for (int i = start; i < end; i++) {
        int c = teachers.get(i);
        weightAndCount[2 * c] += w;
        weightAndCount[2 * c + 1] += 1;
        touched[c >>> 6] |= 1L << c;
      }
    }
    int count = 0;
    for (int word = first; word <= last; word++) {
      count += Long.bitCount(touched[word]);
    }
    return new Span(first, last, count);
  }

  /** Takes in the spans of the ranges filled; returns this, filled. */
  GoalCoverage adopt(Span... spans) {
    for (Span span : spans) {
      firstWord = Math.min(firstWord, span.firstWord());
      lastWord = Math.max(lastWord, span.lastWord());
      touchedCount += span.touched();
    }
    return this;
  }

  /**
   * The number of postings a fill of {@code goal} would visit (each unmet target's covering credentials): how
   * large the request is, known before it is filled.
   */
  static long postings(CatalogSnapshot snapshot, GoalTargets goal) {
    IntSet unmet = goal.unmet();
    long postings = 0;
    for (int t = 0; t < unmet.size(); t++) {
      postings += snapshot.coveredBy(unmet.get(t)).size();
    }
    return postings;
  }

  /** Clears only what the last fill touched, so reuse costs nothing for the untouched catalog. */
  void reset() {
    resetWords(firstWord, lastWord);
    forget();
  }

  /**
   * Clears what the last fill touched in words {@code from} to {@code to}: two threads may clear two ranges of
   * words at once; {@link #forget} then ends the reset.
   */
  void resetWords(int from, int to) {
    for (int word = Math.max(from, firstWord); word <= Math.min(to, lastWord); word++) {
      for (long bits = touched[word]; bits != 0; bits &= bits - 1) {
        int c = (word << 6) + Long.numberOfTrailingZeros(bits);
        weightAndCount[2 * c] = 0;
        weightAndCount[2 * c + 1] = 0;
      }
      touched[word] = 0;
    }
  }

  /** Ends a reset whose words are all cleared ({@link #resetWords}). */
  void forget() {
    touchedCount = 0;
    firstWord = Integer.MAX_VALUE;
    lastWord = -1;
    snapshot = null;
  }

  /** The summed weight of the unmet targets {@code credential} teaches. */
  public double weight(int credential) {
    return weightAndCount[2 * credential];
  }

  /** How many unmet targets {@code credential} teaches. */
  public int count(int credential) {
    return (int) weightAndCount[2 * credential + 1];
  }

  /** The share of what {@code credential} teaches that the goal still wants, 0 when it teaches nothing. */
  public double share(int credential) {
    int size = snapshot.facts().teachesCount(credential);
    // a credential teaching one skill may cover it and its broader group: a share is at most all of it
    return size == 0 ? 0 : Math.min(1.0, weightAndCount[2 * credential + 1] / size);
  }

  /** How many credentials teach at least one unmet target. */
  int touchedCount() {
    return touchedCount;
  }

  /** The first word of the touched bit set with a bit set, or above {@link #lastWord} when none is. */
  int firstWord() {
    return firstWord;
  }

  /** The last word of the touched bit set with a bit set, or -1 when none is. */
  int lastWord() {
    return lastWord;
  }

  /** Word {@code w} of the touched bit set: credentials {@code 64w} to {@code 64w + 63}, one bit each. */
  long touchedWord(int w) {
    return touched[w];
  }

  /** The first credential at or after {@code from} teaching at least one unmet target, or -1 when none is left. */
  int nextTouched(int from) {
    int word = Math.max(from >>> 6, firstWord);
    if (word > lastWord || from < 0) {
      return -1;
    }
    long bits = word == from >>> 6 ? touched[word] & (-1L << from) : touched[word];
    while (true) {
      if (bits != 0) {
        return (word << 6) + Long.numberOfTrailingZeros(bits);
      }
      if (++word > lastWord) {
        return -1;
      }
      bits = touched[word];
    }
  }
}
