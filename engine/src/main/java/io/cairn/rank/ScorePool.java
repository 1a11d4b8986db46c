package io.cairn.rank;

/**
 * The best few scored candidates of a request, by position in {@link EligibleCandidates}: a bounded binary heap of
 * primitive arrays with the worst on top, ordered as {@link Ranked#bestFirst} orders (higher score, then the lower
 * credential index), so the pool is the same whatever order candidates arrive in. Nothing is allocated per offer.
 */
final class ScorePool {
  private final int capacity;
  private final int[] item;
  private final int[] credential;
  private final double[] score;
  private int size;

  ScorePool(int capacity) {
    this.capacity = capacity;
    this.item = new int[capacity];
    this.credential = new int[capacity];
    this.score = new double[capacity];
  }

  /** True when a candidate scoring {@code s} would enter: the pool is not full, or it beats the worst kept. */
  boolean admits(double s, int c) {
    return size < capacity || (capacity > 0 && better(s, c, score[0], credential[0]));
  }

  /** Keeps the candidate when {@link #admits} says so, dropping the worst when the pool is full. */
  void offer(int at, int c, double s) {
    if (size < capacity) {
      int i = size++;
      item[i] = at;
      credential[i] = c;
      score[i] = s;
      siftUp(i);
    } else if (capacity > 0 && better(s, c, score[0], credential[0])) {
      item[0] = at;
      credential[0] = c;
      score[0] = s;
      siftDown(0);
    }
  }

  int size() {
    return size;
  }

  int capacity() {
    return capacity;
  }

  /**
   * Orders the kept candidates best first, ending their use as a heap: after it, {@link #position} and
   * {@link #score} read the {@code i}-th best.
   */
  void sortBestFirst() {
    // insertion sort: the pool holds a few dozen
    for (int i = 1; i < size; i++) {
      for (int j = i; j > 0 && better(score[j], credential[j], score[j - 1], credential[j - 1]); j--) {
        swap(j, j - 1);
      }
    }
  }

  /** The {@code i}-th kept candidate's position in {@link EligibleCandidates}. */
  int position(int i) {
    return item[i];
  }

  double score(int i) {
    return score[i];
  }

  /** Ranked.bestFirst(a, b) < 0: a higher score (by Double.compare), or an equal one and a lower credential. */
  private static boolean better(double sa, int ca, double sb, int cb) {
    int byScore = Double.compare(sb, sa);
    return byScore != 0 ? byScore < 0 : ca < cb;
  }

  private void siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      // the worst on top: a child worse than its parent moves up
      if (!better(score[parent], credential[parent], score[i], credential[i])) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int left = 2 * i + 1;
      if (left >= size) {
        return;
      }
      int worst = left;
      int right = left + 1;
      if (right < size && better(score[worst], credential[worst], score[right], credential[right])) {
        worst = right;
      }
      if (!better(score[i], credential[i], score[worst], credential[worst])) {
        return;
      }
      swap(i, worst);
      i = worst;
    }
  }

  private void swap(int a, int b) {
    int t = item[a];
    item[a] = item[b];
    item[b] = t;
    t = credential[a];
    credential[a] = credential[b];
    credential[b] = t;
    double s = score[a];
    score[a] = score[b];
    score[b] = s;
  }
}
