package io.cairn.labor.features;

/** The k items with the highest scores seen (ties to the lower item), kept in a min-heap; not thread-safe. */
final class TopK {
  private final int k;
  private final int[] items;
  private final double[] scores;
  private int size;

  TopK(int k) {
    this.k = k;
    this.items = new int[Math.max(k, 1)];
    this.scores = new double[Math.max(k, 1)];
  }

  void clear() {
    size = 0;
  }

  void offer(int item, double score) {
    if (k == 0) {
      return;
    }
    if (size < k) {
      items[size] = item;
      scores[size] = score;
      up(size++);
    } else if (better(score, item, scores[0], items[0])) {
      items[0] = item;
      scores[0] = score;
      down(0);
    }
  }

  int size() {
    return size;
  }

  int item(int i) {
    return items[i];
  }

  double score(int i) {
    return scores[i];
  }

  private static boolean better(double s1, int i1, double s2, int i2) {
    return s1 > s2 || (s1 == s2 && i1 < i2);
  }

  private void up(int i) {
    while (i > 0) {
      int parent = (i - 1) / 2;
      if (!better(scores[parent], items[parent], scores[i], items[i])) {
        break;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void down(int i) {
    while (true) {
      int smallest = i;
      for (int child = 2 * i + 1; child <= 2 * i + 2 && child < size; child++) {
        if (better(scores[smallest], items[smallest], scores[child], items[child])) {
          smallest = child;
        }
      }
      if (smallest == i) {
        return;
      }
      swap(i, smallest);
      i = smallest;
    }
  }

  private void swap(int a, int b) {
    int ti = items[a];
    items[a] = items[b];
    items[b] = ti;
    double ts = scores[a];
    scores[a] = scores[b];
    scores[b] = ts;
  }
}
