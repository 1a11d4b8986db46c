package io.cairn.labor.features;

/**
 * A {@link FeatureExtractor}'s work arrays, one set per thread: a generation stamp marks what belongs to the
 * current call, so nothing is cleared between calls. Not thread-safe.
 */
final class FeatureScratch {
  int gen;
  final int[] held;
  final int[] coStamp;
  final double[] sumP;
  final double[] maxP;
  final double[] sumRaw;
  final double[] sumInvSqrt;
  final int[] hits;
  final int[] touched;
  int touchedCount;
  final int[] row;
  final int[] leftOut;
  final int[] inPool;
  final int[] pool;
  int poolSize;
  final int[] parentStamp;
  final int[] parentCount;
  final int[] adjacent;
  final int[] ancestor;
  final TopK top;
  final TopK goalTop;
  final TopK globalTop;
  final int[] occStamp;
  final int[] overlap;
  final int[] occTouched;
  int occTouchedCount;
  final int[] nbStamp;
  final double[] nb;
  final double[] nbEssential;
  final double[] nbField;
  final double[] nbBest;
  final int[] nbTouched;
  int nbTouchedCount;
  final TopK occTop;
  final TopK fieldTop;
  final TopK neighbourTop;

  FeatureScratch(int n, int occupations, PoolSettings settings) {
    occStamp = new int[occupations];
    overlap = new int[occupations];
    occTouched = new int[occupations];
    nbStamp = new int[n];
    nb = new double[n];
    nbEssential = new double[n];
    nbField = new double[n];
    nbBest = new double[n];
    nbTouched = new int[n];
    occTop = new TopK(settings.neighbourOccupations());
    fieldTop = new TopK(Math.max(1, settings.neighbourOccupations() / 4));
    neighbourTop = new TopK(settings.neighbours());
    held = new int[n];
    coStamp = new int[n];
    sumP = new double[n];
    maxP = new double[n];
    sumRaw = new double[n];
    sumInvSqrt = new double[n];
    hits = new int[n];
    touched = new int[n];
    row = new int[n];
    leftOut = new int[n];
    inPool = new int[n];
    pool = new int[n];
    parentStamp = new int[n];
    parentCount = new int[n];
    adjacent = new int[n];
    ancestor = new int[n];
    top = new TopK(settings.cooccurring());
    goalTop = new TopK(settings.goalField());
    globalTop = new TopK(settings.global());
  }

  void begin() {
    gen++;
    touchedCount = 0;
    poolSize = 0;
  }

  void accumulate(int c, int co, int nh, double invSqrt) {
    if (co <= 0) {
      return;
    }
    if (coStamp[c] != gen) {
      coStamp[c] = gen;
      sumP[c] = 0;
      maxP[c] = 0;
      sumRaw[c] = 0;
      sumInvSqrt[c] = 0;
      hits[c] = 0;
      touched[touchedCount++] = c;
    }
    double p = (double) co / nh;
    sumP[c] += p;
    maxP[c] = Math.max(maxP[c], p);
    sumRaw[c] += co;
    sumInvSqrt[c] += co * invSqrt;
    hits[c]++;
  }

  void add(int c) {
    if (inPool[c] != gen) {
      inPool[c] = gen;
      pool[poolSize++] = c;
    }
  }

  void addTop(TopK k) {
    for (int i = 0; i < k.size(); i++) {
      add(k.item(i));
    }
  }
}
