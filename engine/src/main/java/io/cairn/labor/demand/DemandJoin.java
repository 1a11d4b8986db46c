package io.cairn.labor.demand;

import io.cairn.catalog.Occupation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Job offers joined to occupations on the preferred label (trimmed, lower-cased). An occupation with no row has
 * demand 0, not a guess.
 *
 * @param offers job offers per occupation, by occupation index
 * @param matchedLabels labels of the file that named an occupation
 * @param unmatchedLabels labels of the file that named none, sorted
 */
public record DemandJoin(long[] offers, int matchedLabels, List<String> unmatchedLabels) {

  public DemandJoin {
    offers = offers.clone();
    unmatchedLabels = List.copyOf(unmatchedLabels);
  }

  /** Joins the table to the occupations (indexed as given). */
  public static DemandJoin join(List<Occupation> occupations, JobOfferTable table) {
    long[] offers = new long[occupations.size()];
    Set<String> matched = new HashSet<>();
    java.util.Map<String, List<Integer>> byLabel = new java.util.HashMap<>();
    for (Occupation o : occupations) {
      byLabel.computeIfAbsent(JobOfferTable.normalise(o.label()), k -> new ArrayList<>()).add(o.index());
    }
    table.offersByLabel().forEach((label, count) -> {
      List<Integer> hits = byLabel.get(label);
      if (hits != null) {
        matched.add(label);
        hits.forEach(i -> offers[i] += count);
      }
    });
    List<String> unmatched = table.offersByLabel().keySet().stream().filter(l -> !matched.contains(l)).sorted().toList();
    return new DemandJoin(offers, matched.size(), unmatched);
  }

  /** No demand figures at all: every occupation 0. */
  public static DemandJoin none(int occupations) {
    return new DemandJoin(new long[occupations], 0, List.of());
  }

  /** Share of the file's labels that named an occupation (0 when the file is empty). */
  public double matchRate() {
    int total = matchedLabels + unmatchedLabels.size();
    return total == 0 ? 0 : (double) matchedLabels / total;
  }

  /** Occupations that received a figure. */
  public int occupationsWithDemand() {
    int n = 0;
    for (long o : offers) {
      n += o > 0 ? 1 : 0;
    }
    return n;
  }

  /** Job offers of one occupation (0 when it had no row). */
  public long offers(int occupation) {
    return offers[occupation];
  }

  @Override
  public long[] offers() {
    return offers.clone();
  }
}
