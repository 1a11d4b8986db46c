package io.cairn.labor.titles;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The labelled vacancy titles a normalizer remembers, indexed for similarity, with counts per occupation. Each
 * title belongs to a group (titles with the same cleaned text share one), so that a training title can be
 * scored as if it had never been seen: its whole group is left out of its own neighbours and counts.
 * Immutable and thread-safe.
 */
final class TitleMemory {
  /** A remembered title: its cleaned text, its occupation's snapshot index and its group. */
  record Remembered(String text, int occupation, int group) {}

  final NeighbourIndex index;
  final int[] occupation;
  final int[] group;
  final String[] text;
  /** Per occupation: how many titles, and in how many of them each word occurs. */
  private final int[] count;
  private final Map<String, Integer>[] wordCounts;
  /** Per group: its titles. */
  private final Map<Integer, int[]> groupRows;

  @SuppressWarnings("unchecked")
  TitleMemory(List<Remembered> titles, int occupations) {
    this.index = new NeighbourIndex(titles.stream().map(Remembered::text).toList());
    this.occupation = titles.stream().mapToInt(Remembered::occupation).toArray();
    this.group = titles.stream().mapToInt(Remembered::group).toArray();
    this.text = titles.stream().map(Remembered::text).toArray(String[]::new);
    this.count = new int[occupations];
    this.wordCounts = new Map[occupations];
    Map<Integer, List<Integer>> rows = new HashMap<>();
    for (int i = 0; i < text.length; i++) {
      count[occupation[i]]++;
      Map<String, Integer> words = wordCounts[occupation[i]];
      if (words == null) {
        words = wordCounts[occupation[i]] = new HashMap<>();
      }
      for (String w : words(text[i])) {
        words.merge(w, 1, Integer::sum);
      }
      rows.computeIfAbsent(group[i], g -> new java.util.ArrayList<>()).add(i);
    }
    this.groupRows = new HashMap<>();
    rows.forEach((g, r) -> groupRows.put(g, r.stream().mapToInt(Integer::intValue).toArray()));
  }

  int size() {
    return text.length;
  }

  /** Titles of {@code occupation} remembered, less those of {@code excludedGroup} (-1: none). */
  int count(int occupation, int excludedGroup) {
    int n = count[occupation];
    for (int row : groupRows.getOrDefault(excludedGroup, new int[0])) {
      n -= this.occupation[row] == occupation ? 1 : 0;
    }
    return n;
  }

  /** Titles of {@code occupation} holding {@code word}, less those of {@code excludedGroup}. */
  int countWith(int occupation, String word, int excludedGroup) {
    Map<String, Integer> words = wordCounts[occupation];
    int n = words == null ? 0 : words.getOrDefault(word, 0);
    for (int row : groupRows.getOrDefault(excludedGroup, new int[0])) {
      n -= this.occupation[row] == occupation && words(text[row]).contains(word) ? 1 : 0;
    }
    return n;
  }

  private static Set<String> words(String text) {
    Set<String> words = new HashSet<>();
    for (String w : text.split(" ")) {
      if (!w.isEmpty()) {
        words.add(OccupationLabels.singular(w));
      }
    }
    return words;
  }
}
