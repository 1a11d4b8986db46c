package io.cairn.labor.titles;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * A seeded split of labelled titles into training (70%), validation (10%) and test (20%) by whole groups.
 * {@link Kind#TITLE}: a group is every row with the same title once cleaned and seniority words are off, so a
 * test title's words never occur as a training title (it may still name an occupation training has seen), which
 * is what a user typing a new title meets. {@link Kind#OCCUPATION}: a group is every row of one occupation, so
 * test occupations have no training titles at all: the cold start of the many ESCO occupations no title names.
 *
 * @param train row indices for the model's memory and its reranker
 * @param validation row indices for every choice (learner, settings)
 * @param test row indices measured once
 * @param group per row, its group number
 */
public record TitleSplit(Kind kind, long seed, int[] train, int[] validation, int[] test, int[] group) {

  public static final double TRAIN_SHARE = 0.7;
  public static final double VALIDATION_SHARE = 0.1;

  /** What rows are grouped by. */
  public enum Kind {
    TITLE, OCCUPATION;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind of(String key) {
      for (Kind k : values()) {
        if (k.key().equalsIgnoreCase(key.strip())) {
          return k;
        }
      }
      throw new IllegalArgumentException("split must be 'title' or 'occupation', got '" + key + "'");
    }
  }

  /** Splits {@code rows} rows whose group key is {@code groupKey.apply(row)}. */
  public static TitleSplit of(Kind kind, int rows, IntFunction<String> groupKey, long seed) {
    Map<String, Integer> groupOf = new HashMap<>();
    int[] group = new int[rows];
    TreeSet<String> keys = new TreeSet<>();
    for (int r = 0; r < rows; r++) {
      keys.add(groupKey.apply(r));
    }
    List<String> shuffled = new ArrayList<>(keys);
    Collections.shuffle(shuffled, new Random(seed));
    for (int i = 0; i < shuffled.size(); i++) {
      groupOf.put(shuffled.get(i), i);
    }
    int trainEnd = (int) Math.round(shuffled.size() * TRAIN_SHARE);
    int validationEnd = (int) Math.round(shuffled.size() * (TRAIN_SHARE + VALIDATION_SHARE));
    List<Integer> train = new ArrayList<>();
    List<Integer> validation = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      int g = groupOf.get(groupKey.apply(r));
      group[r] = g;
      (g < trainEnd ? train : g < validationEnd ? validation : test).add(r);
    }
    return new TitleSplit(kind, seed, ints(train), ints(validation), ints(test), group);
  }

  /** Group counts per part, for the card. */
  public Map<String, Integer> groupCounts() {
    Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    counts.put("train", (int) java.util.Arrays.stream(train).map(r -> group[r]).distinct().count());
    counts.put("validation", (int) java.util.Arrays.stream(validation).map(r -> group[r]).distinct().count());
    counts.put("test", (int) java.util.Arrays.stream(test).map(r -> group[r]).distinct().count());
    return counts;
  }

  /** Row counts per part. */
  public Map<String, Integer> rowCounts() {
    Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    counts.put("train", train.length);
    counts.put("validation", validation.length);
    counts.put("test", test.length);
    return counts;
  }

  private static int[] ints(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }
}
