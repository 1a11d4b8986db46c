package io.cairn.labor.titles;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.search.LabelSearch;
import io.cairn.search.SearchHit;
import io.cairn.search.SearchRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a title into candidate occupations with their {@link TitleFeature}s: the occupations of the nearest
 * remembered titles, of the most similar labels, and of Cairn's Lucene label search, each described by all three.
 * Immutable and thread-safe.
 */
final class TitleFeatures {
  private static final int COUNT = TitleFeature.COUNT;

  private final CatalogSnapshot snapshot;
  private final TitleCleaner cleaner;
  private final TitleMemory memory;
  private final OccupationLabels labels;
  private final LabelSearch search;
  private final TitleSettings settings;

  TitleFeatures(CatalogSnapshot snapshot, TitleCleaner cleaner, TitleMemory memory, OccupationLabels labels,
      LabelSearch search, TitleSettings settings) {
    this.snapshot = snapshot;
    this.cleaner = cleaner;
    this.memory = memory;
    this.labels = labels;
    this.search = search;
    this.settings = settings;
  }

  TitleSettings settings() {
    return settings;
  }

  OccupationLabels labels() {
    return labels;
  }

  TitleMemory memory() {
    return memory;
  }

  /**
   * The candidates for {@code title}, scored as if the remembered titles of {@code excludedGroup} (-1: none)
   * had never been seen.
   *
   * @param bestLabel per candidate, the label document most similar to the title (-1 when none shares a feature)
   * @param nearestTitle per candidate, its most similar remembered title (-1 when none)
   */
  record Candidates(int[] occupations, float[] features, int[] bestLabel, int[] nearestTitle) {
    int size() {
      return occupations.length;
    }

    float get(int candidate, TitleFeature feature) {
      return features[candidate * COUNT + feature.ordinal()];
    }
  }

  Candidates candidates(String title, boolean suggest, int excludedGroup) {
    String core = cleaner.core(title);
    String remembered = settings.titlesWithoutSeniority() ? core : cleaner.clean(title);
    if (core.isEmpty()) {
      return new Candidates(new int[0], new float[0], new int[0], new int[0]);
    }
    int n = snapshot.occupations().size();
    // remembered titles: the best per occupation over all, and the vote of the nearest
    NeighbourIndex.Similarities titleSims = memory.index.query(remembered);
    float[] titleMax = new float[n];
    int[] nearestTitle = filled(n);
    for (int d : titleSims.touched()) {
      if (memory.group[d] == excludedGroup) {
        continue;
      }
      int o = memory.occupation[d];
      if (titleSims.byDocument()[d] > titleMax[o]) {
        titleMax[o] = titleSims.byDocument()[d];
        nearestTitle[o] = d;
      }
    }
    int[] nearTitles = top(titleSims, settings.neighbours(), d -> memory.group[d] != excludedGroup);
    Map<Integer, double[]> vote = new HashMap<>();
    Map<String, Double> titleGroupWeight = new HashMap<>();
    double titleWeight = 0;
    for (int d : nearTitles) {
      double w = square(titleSims.byDocument()[d]);
      double[] v = vote.computeIfAbsent(memory.occupation[d], o -> new double[2]);
      v[0] += w;
      v[1] += 1;
      titleWeight += w;
      titleGroupWeight.merge(labels.minorGroup[memory.occupation[d]], w, Double::sum);
    }
    // labels: the best per occupation, the preferred label's similarity, and the nearest labels' ISCO groups
    NeighbourIndex.Similarities labelSims = labels.index.query(core);
    float[] labelMax = new float[n];
    float[] preferred = new float[n];
    int[] bestLabel = filled(n);
    int[] labelled = new int[n];
    int labelledCount = 0;
    for (int d : labelSims.touched()) {
      int o = labels.occupation[d];
      float s = labelSims.byDocument()[d];
      if (bestLabel[o] < 0) {
        labelled[labelledCount++] = o;
      }
      if (s > labelMax[o]) {
        labelMax[o] = s;
        bestLabel[o] = d;
      }
      if (labels.preferred[d]) {
        preferred[o] = s;
      }
    }
    int[] nearLabels = top(labelSims, settings.neighbours(), d -> true);
    Map<String, Double> labelGroupWeight = new HashMap<>();
    double labelWeight = 0;
    for (int d : nearLabels) {
      double w = square(labelSims.byDocument()[d]);
      labelWeight += w;
      labelGroupWeight.merge(labels.minorGroup[labels.occupation[d]], w, Double::sum);
    }
    // Lucene
    SearchRequest request = suggest ? SearchRequest.of(core).suggesting() : SearchRequest.of(core);
    List<SearchHit> hits = search.search(LabelSearch.Kind.OCCUPATION, request, settings.candidatesPerSource());
    Map<Integer, Integer> luceneRank = new HashMap<>();
    for (int i = 0; i < hits.size(); i++) {
      luceneRank.put(hits.get(i).index(), i + 1);
    }
    double luceneBest = hits.isEmpty() ? 1 : hits.getFirst().score();

    // candidates: the best of each source
    List<Integer> byVote = new ArrayList<>(vote.keySet());
    byVote.sort((a, b) -> Double.compare(vote.get(b)[0], vote.get(a)[0]) != 0
        ? Double.compare(vote.get(b)[0], vote.get(a)[0]) : Integer.compare(a, b));
    int[] byLabel = topOccupations(labelMax, Arrays.copyOf(labelled, labelledCount), settings.candidatesPerSource());
    Map<Integer, Integer> labelRank = new HashMap<>();
    for (int i = 0; i < byLabel.length; i++) {
      labelRank.put(byLabel[i], i + 1);
    }
    Map<Integer, Integer> voteRank = new HashMap<>();
    for (int i = 0; i < byVote.size(); i++) {
      voteRank.put(byVote.get(i), i + 1);
    }
    Set<Integer> candidates = new LinkedHashSet<>();
    byVote.stream().limit(settings.candidatesPerSource()).forEach(candidates::add);
    Arrays.stream(byLabel).forEach(candidates::add);
    hits.forEach(h -> candidates.add(h.index()));

    String[] coreWords = core.split(" ");
    String[] rememberedWords = remembered.split(" ");
    String head = OccupationLabels.singular(rememberedWords[rememberedWords.length - 1]);
    String coreHead = OccupationLabels.singular(coreWords[coreWords.length - 1]);
    int[] occupations = candidates.stream().mapToInt(Integer::intValue).toArray();
    float[] features = new float[occupations.length * COUNT];
    int[] best = new int[occupations.length];
    int[] nearest = new int[occupations.length];
    for (int c = 0; c < occupations.length; c++) {
      int o = occupations[c];
      int row = c * COUNT;
      double[] v = vote.get(o);
      int remembers = memory.count(o, excludedGroup);
      features[row + TitleFeature.TITLE_MAX.ordinal()] = titleMax[o];
      features[row + TitleFeature.TITLE_VOTE.ordinal()] = v == null || titleWeight == 0 ? 0 : (float) (v[0] / titleWeight);
      features[row + TitleFeature.TITLE_VOTE_RANK.ordinal()] = reciprocal(voteRank.get(o));
      features[row + TitleFeature.TITLE_NEAR_SHARE.ordinal()] = v == null ? 0 : (float) (v[1] / nearTitles.length);
      features[row + TitleFeature.LABEL_MAX.ordinal()] = labelMax[o];
      features[row + TitleFeature.LABEL_PREFERRED.ordinal()] = preferred[o];
      features[row + TitleFeature.LABEL_RANK.ordinal()] = reciprocal(labelRank.get(o));
      features[row + TitleFeature.LUCENE_RANK.ordinal()] = reciprocal(luceneRank.get(o));
      features[row + TitleFeature.LUCENE_SCORE.ordinal()] = luceneRank.containsKey(o)
          ? (float) (hits.get(luceneRank.get(o) - 1).score() / luceneBest) : 0;
      features[row + TitleFeature.PRIOR.ordinal()] = (float) Math.log1p(remembers);
      int inLabels = 0;
      for (String w : coreWords) {
        inLabels += labels.words[o].contains(OccupationLabels.singular(w)) ? 1 : 0;
      }
      features[row + TitleFeature.WORDS_IN_LABELS.ordinal()] = (float) inLabels / coreWords.length;
      features[row + TitleFeature.HEAD_IN_LABELS.ordinal()] = labels.words[o].contains(coreHead) ? 1 : 0;
      features[row + TitleFeature.HEAD_IN_TITLES.ordinal()] = remembers == 0 ? 0
          : (float) memory.countWith(o, head, excludedGroup) / remembers;
      features[row + TitleFeature.ISCO_VOTE.ordinal()] = titleWeight == 0 ? 0
          : (float) (titleGroupWeight.getOrDefault(labels.minorGroup[o], 0.0) / titleWeight);
      features[row + TitleFeature.ISCO_LABEL_VOTE.ordinal()] = labelWeight == 0 ? 0
          : (float) (labelGroupWeight.getOrDefault(labels.minorGroup[o], 0.0) / labelWeight);
      features[row + TitleFeature.QUERY_WORDS.ordinal()] = Math.min(coreWords.length, 10) / 10f;
      features[row + TitleFeature.EXACT_LABEL.ordinal()] = labels.texts[o].contains(core) ? 1 : 0;
      best[c] = bestLabel[o];
      nearest[c] = nearestTitle[o];
    }
    return new Candidates(occupations, features, best, nearest);
  }

  /** The {@code k} documents of highest similarity that pass {@code keep}, best first (ties: lower first). */
  private static int[] top(NeighbourIndex.Similarities sims, int k, java.util.function.IntPredicate keep) {
    float[] s = sims.byDocument();
    return best(sims.touched(), k, d -> s[d], keep);
  }

  /** The {@code k} occupations of highest value (above 0), best first. */
  private static int[] topOccupations(float[] values, int[] touched, int k) {
    return best(touched, k, o -> values[o], o -> values[o] > 0);
  }

  /**
   * The {@code k} items of {@code items} with the highest value that pass {@code keep}, best first, ties to the
   * lower item: a bounded heap, since thousands of items may be touched and a handful are wanted.
   */
  static int[] best(int[] items, int k, IntToFloat value, java.util.function.IntPredicate keep) {
    int[] heap = new int[k];
    int size = 0;
    for (int item : items) {
      if (!keep.test(item)) {
        continue;
      }
      if (size < k) {
        heap[size] = item;
        siftUp(heap, size++, value);
      } else if (before(item, heap[0], value)) {
        heap[0] = item;
        siftDown(heap, size, value);
      }
    }
    int[] sorted = new int[size];
    for (int i = size - 1; i >= 0; i--) {
      sorted[i] = heap[0];
      heap[0] = heap[i];
      siftDown(heap, i, value);
    }
    return sorted;
  }

  /** A float-valued function of an int, without boxing. */
  @FunctionalInterface
  interface IntToFloat {
    float apply(int item);
  }

  /** Whether {@code a} ranks before {@code b}: higher value, then lower item. */
  private static boolean before(int a, int b, IntToFloat value) {
    float va = value.apply(a);
    float vb = value.apply(b);
    return va != vb ? va > vb : a < b;
  }

  // a min-heap by rank: the root is the worst item kept
  private static void siftUp(int[] heap, int i, IntToFloat value) {
    while (i > 0) {
      int parent = (i - 1) / 2;
      if (!before(heap[parent], heap[i], value)) {
        break;
      }
      int t = heap[parent];
      heap[parent] = heap[i];
      heap[i] = t;
      i = parent;
    }
  }

  private static void siftDown(int[] heap, int size, IntToFloat value) {
    int i = 0;
    while (true) {
      int worst = i;
      int left = 2 * i + 1;
      int right = left + 1;
      if (left < size && before(heap[worst], heap[left], value)) {
        worst = left;
      }
      if (right < size && before(heap[worst], heap[right], value)) {
        worst = right;
      }
      if (worst == i) {
        return;
      }
      int t = heap[worst];
      heap[worst] = heap[i];
      heap[i] = t;
      i = worst;
    }
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    Arrays.fill(a, -1);
    return a;
  }

  private static float reciprocal(Integer rank) {
    return rank == null ? 0 : 1f / rank;
  }

  private static double square(float x) {
    return (double) x * x;
  }
}
