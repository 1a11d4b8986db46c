package io.cairn.gaps.overlap;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;

/**
 * How alike two credentials' skills are, with ESCO's hierarchy: a skill the other credential teaches too counts 1;
 * a skill related to one it teaches, one being broader than the other at any depth ("Python" and "computer
 * programming"), counts {@value #RELATED}; anything else 0. Related is not equal: a pair that teaches the same skill
 * groups through different narrower skills is alike, but less than a pair teaching the same skills.
 *
 * <p>With {@code match(A→B)} the sum of A's skills' credits against B, the overlap is the mean of both directions,
 * {@code jaccard = overlap / (|A| + |B| - overlap)} and {@code containment = max(match(A→B)/|A|, match(B→A)/|B|)}
 * (how much of one lies within the other). With no related pairs these are the plain Jaccard and containment.
 */
public final class SkillSimilarity {
  /** The credit of a skill related through the hierarchy to one the other credential teaches. */
  public static final double RELATED = 0.5;

  private final CatalogSnapshot snapshot;

  public SkillSimilarity(CatalogSnapshot snapshot) {
    this.snapshot = snapshot;
  }

  /** The two figures of a pair. */
  public record Score(double jaccard, double containment) {}

  /** The similarity of credentials {@code a} and {@code b}. */
  public Score score(int a, int b) {
    IntSet ta = snapshot.credential(a).teaches();
    IntSet tb = snapshot.credential(b).teaches();
    if (ta.isEmpty() || tb.isEmpty()) {
      return new Score(0, 0);
    }
    double ab = match(ta, tb, snapshot.covers(b));
    double ba = match(tb, ta, snapshot.covers(a));
    double overlap = (ab + ba) / 2;
    double jaccard = overlap / (ta.size() + tb.size() - overlap);
    return new Score(jaccard, Math.max(ab / ta.size(), ba / tb.size()));
  }

  /** Σ over {@code from}'s skills of their credit against {@code to} ({@code toCovers}: to and its ancestors). */
  private double match(IntSet from, IntSet to, IntSet toCovers) {
    double sum = 0;
    for (int i = 0; i < from.size(); i++) {
      int k = from.get(i);
      if (to.contains(k)) {
        sum += 1;
      } else if (toCovers.contains(k) || snapshot.ancestors(k).intersectionSize(to) > 0) {
        // k is broader than a skill of the other credential, or narrower than one
        sum += RELATED;
      }
    }
    return sum;
  }
}
