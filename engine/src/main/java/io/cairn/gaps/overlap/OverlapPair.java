package io.cairn.gaps.overlap;

import io.cairn.catalog.IntSet;

/**
 * Two credentials that teach nearly the same skills ({@code a < b}, dense indices).
 *
 * @param jaccard hierarchy-aware Jaccard (see {@link SkillSimilarity})
 * @param containment how much of one lies within the other (the larger of both directions)
 * @param sameIssuer true when one issuer awards both
 * @param shared skills both teach
 * @param onlyA skills only {@code a} teaches (some may be related to one of {@code b}'s)
 * @param onlyB skills only {@code b} teaches
 */
public record OverlapPair(int a, int b, double jaccard, double containment, boolean sameIssuer, IntSet shared,
    IntSet onlyA, IntSet onlyB) {

  /** True when {@code credential} is one of the two. */
  public boolean involves(int credential) {
    return a == credential || b == credential;
  }

  /** The other credential of the pair. */
  public int other(int credential) {
    return a == credential ? b : a;
  }
}
