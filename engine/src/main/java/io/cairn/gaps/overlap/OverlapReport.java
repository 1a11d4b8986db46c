package io.cairn.gaps.overlap;

import java.util.List;

/**
 * The near-duplicate pairs of a set of credentials and their clusters.
 *
 * @param minSimilarity the Jaccard a pair reached to be reported
 * @param pairs the pairs, most similar first
 * @param clusters the clusters, largest first
 * @param candidates pairs the index proposed past the size filter (all pairs would be n(n-1)/2)
 * @param scored candidates whose shared skills could reach {@code minSimilarity}, and whose similarity was computed
 * @param commonSkillsSkipped skills taught by so many credentials that the index did not pair on them (a pair
 *     sharing only such skills, in every skill of its prefixes, is not found)
 */
public record OverlapReport(double minSimilarity, List<OverlapPair> pairs, List<OverlapCluster> clusters,
    long candidates, long scored, int commonSkillsSkipped) {

  public OverlapReport {
    pairs = List.copyOf(pairs);
    clusters = List.copyOf(clusters);
  }
}
