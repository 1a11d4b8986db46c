package io.cairn.catalog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Ranks competencies by how well their preferred and alternative labels match a query: an exact label first,
 * then labels starting with the query, then labels containing every query word. Built once per snapshot.
 */
public final class CompetencySearch {
  private final CatalogSnapshot snapshot;
  private final String[][] labels;

  /** One hit: the competency and the label that matched. */
  public record Hit(Competency competency, String matchedLabel, double score) {}

  public CompetencySearch(CatalogSnapshot snapshot) {
    this.snapshot = snapshot;
    this.labels = new String[snapshot.competencies().size()][];
    for (Competency c : snapshot.competencies()) {
      List<String> all = new ArrayList<>();
      all.add(c.label());
      all.addAll(c.altLabels());
      labels[c.index()] = all.stream().map(CompetencySearch::normalise).toArray(String[]::new);
    }
  }

  /** Every competency matching {@code query}, best first; ties broken by label. */
  public List<Hit> search(String query) {
    String q = normalise(query);
    if (q.isEmpty()) {
      return List.of();
    }
    String[] words = q.split(" ");
    List<Hit> hits = new ArrayList<>();
    for (Competency c : snapshot.competencies()) {
      double best = 0;
      int bestLabel = 0;
      String[] ls = labels[c.index()];
      for (int i = 0; i < ls.length; i++) {
        double s = score(ls[i], q, words) * (i == 0 ? 1.0 : 0.9);
        if (s > best) {
          best = s;
          bestLabel = i;
        }
      }
      if (best > 0) {
        String matched = bestLabel == 0 ? c.label() : c.altLabels().get(bestLabel - 1);
        hits.add(new Hit(c, matched, best));
      }
    }
    hits.sort(Comparator.comparingDouble(Hit::score).reversed()
        .thenComparing(h -> h.competency().label().length())
        .thenComparing(h -> h.competency().label()));
    return hits;
  }

  private static double score(String label, String query, String[] words) {
    if (label.equals(query)) {
      return 100;
    }
    if (label.startsWith(query + " ")) {
      return 85 - Math.min(20, label.length() - query.length()) * 0.25;
    }
    if (label.startsWith(query)) {
      return 70 - Math.min(20, label.length() - query.length()) * 0.5;
    }
    if ((" " + label).contains(" " + query)) {
      return 60;
    }
    int matched = 0;
    for (String w : words) {
      if ((" " + label).contains(" " + w)) {
        matched++;
      }
    }
    if (matched == words.length) {
      return 40;
    }
    return label.contains(query) ? 20 : 0;
  }

  static String normalise(String text) {
    String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
        .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    return folded.replaceAll("[^\\p{L}\\p{N}+#]+", " ").trim();
  }
}
