package io.cairn.gaps.overlap;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.catalog.IntSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the pairs of credentials whose {@link SkillSimilarity} Jaccard reaches a threshold, without comparing every
 * pair: candidates come from an inverted index skill → credentials with a prefix filter (Chaudhuri et al.,
 * Bayardo et al.'s All-Pairs).
 *
 * <p>Why a prefix suffices: a skill not shared counts at most {@value SkillSimilarity#RELATED}, so with o skills
 * shared exactly the overlap is at most {@code o/2 + (|A|+|B|)/4}, and Jaccard ≥ t needs
 * {@code o ≥ c·(|A|+|B|)} with {@code c = (3t−1)/(2(1+t))}; as {@code |A|+|B| ≥ |x| + o} for either member x, each
 * needs {@code o ≥ |x|·c/(1−c)}. Skills are ordered rarest first; two sets sharing o skills share one among their
 * first {@code |x| − o + 1} skills. So each credential is indexed and probed on that prefix only, the rest of its
 * skills (the common ones) never produce a candidate, and a pair whose smaller set is under {@code c·(|A|+|B|)} is
 * not even scored. A candidate left is scored only when its exactly shared skills, with every other skill counted
 * related, could still reach t (see {@link #upperBound}): most candidates share one or two rare skills and stop
 * there. At t ≤ 1/3 the bound is void and pairs are required to share at least one skill (a property test checks the
 * result equals comparing every such pair). Skills taught by more than {@code maxPostings} credentials are skipped
 * even in a prefix (a stop list, counted in the report), so the work stays near-linear on any catalog.
 */
public final class OverlapFinder {
  private final CatalogSnapshot snapshot;
  private final SkillSimilarity similarity;
  private final int maxPostings;

  /**
   * @param maxPostings a skill taught by more credentials of the set than this pairs nobody (at least 2)
   */
  public OverlapFinder(CatalogSnapshot snapshot, int maxPostings) {
    if (maxPostings < 2) {
      throw new IllegalArgumentException("maxPostings must be at least 2, got " + maxPostings);
    }
    this.snapshot = snapshot;
    this.similarity = new SkillSimilarity(snapshot);
    this.maxPostings = maxPostings;
  }

  /** A finder whose stop list starts at max(200, 5% of the catalog's credentials). */
  public static OverlapFinder of(CatalogSnapshot snapshot) {
    return new OverlapFinder(snapshot, Math.max(200, snapshot.credentials().size() / 20));
  }

  /**
   * The pairs among {@code credentials} with Jaccard ≥ {@code minSimilarity} (in (0, 1]), and their clusters.
   */
  public OverlapReport find(IntSet credentials, double minSimilarity) {
    if (!(minSimilarity > 0 && minSimilarity <= 1)) {
      throw new IllegalArgumentException("minSimilarity must be in (0, 1], got " + minSimilarity);
    }
    int nk = snapshot.competencies().size();
    int[] df = new int[nk];
    int[] members = credentials.stream().filter(c -> !snapshot.credential(c).teaches().isEmpty()).toArray();
    for (int c : members) {
      snapshot.credential(c).teaches().stream().forEach(k -> df[k]++);
    }
    int skipped = 0;
    for (int k = 0; k < nk; k++) {
      skipped += df[k] > maxPostings ? 1 : 0;
    }
    // prefixes and the index over them
    int[][] prefixes = new int[members.length][];
    int[][] postings = new int[nk][];
    int[] fill = new int[nk];
    for (int i = 0; i < members.length; i++) {
      prefixes[i] = prefix(snapshot.credential(members[i]).teaches(), df, minSimilarity);
      for (int k : prefixes[i]) {
        if (df[k] <= maxPostings) {
          if (postings[k] == null) {
            postings[k] = new int[df[k]];
          }
          postings[k][fill[k]++] = i;
        }
      }
    }
    int[][] skills = new int[members.length][];
    for (int i = 0; i < members.length; i++) {
      skills[i] = snapshot.credential(members[i]).teaches().toArray();
    }
    double sharedShare = sharedBound(minSimilarity);
    List<OverlapPair> pairs = new ArrayList<>();
    int[] seen = new int[members.length];
    Arrays.fill(seen, -1);
    // the probe's skills and what it covers (them and their broader concepts), stamped with its position so that
    // a candidate's skills are looked up in O(1) each, with nothing cleared between probes
    int[] taught = new int[nk];
    int[] covered = new int[nk];
    Arrays.fill(taught, -1);
    Arrays.fill(covered, -1);
    long candidates = 0;
    long scored = 0;
    for (int i = 0; i < members.length; i++) {
      int sizeI = skills[i].length;
      for (int k : skills[i]) {
        taught[k] = i;
      }
      IntSet coversI = snapshot.covers(members[i]);
      for (int x = 0; x < coversI.size(); x++) {
        covered[coversI.get(x)] = i;
      }
      for (int k : prefixes[i]) {
        int[] posting = postings[k];
        if (posting == null) {
          continue;
        }
        for (int p = 0, n = fill[k]; p < n; p++) {
          int j = posting[p];
          if (j <= i || seen[j] == i) {
            continue;
          }
          seen[j] = i;
          int sizeJ = skills[j].length;
          if (Math.min(sizeI, sizeJ) < sharedShare * (sizeI + sizeJ) - 1e-9) {
            continue; // the size filter: the shared skills cannot reach the bound
          }
          candidates++;
          // the shared-skill filter: with o skills shared, every other skill earning the related credit, the
          // Jaccard is at most upperBound(o); a pair below it is dropped before the hierarchy is looked at
          int shared = 0;
          for (int kj : skills[j]) {
            shared += taught[kj] == i ? 1 : 0;
          }
          if (upperBound(shared, sizeI + sizeJ) < minSimilarity - 1e-9) {
            continue;
          }
          // then the related filter: j's side of the overlap exactly (as SkillSimilarity counts it), i's side at
          // most every unshared skill related
          if (upperBound(sizeI, sizeJ, shared, related(skills[j], taught, covered, i)) < minSimilarity - 1e-9) {
            continue;
          }
          scored++;
          OverlapPair pair = pair(members[i], members[j], minSimilarity);
          if (pair != null) {
            pairs.add(pair);
          }
        }
      }
    }
    pairs.sort(Comparator.comparingDouble(OverlapPair::jaccard).reversed()
        .thenComparing(Comparator.comparingDouble(OverlapPair::containment).reversed())
        .thenComparingInt(OverlapPair::a).thenComparingInt(OverlapPair::b));
    return new OverlapReport(minSimilarity, pairs, new Clusters(snapshot).of(pairs), candidates, scored, skipped);
  }

  /** The first skills of {@code teaches}, rarest first, that any pair reaching {@code t} must share one of. */
  static int[] prefix(IntSet teaches, int[] df, double t) {
    // rarest first, ties by index: sort (df, k) packed into longs, no boxing (it runs once per credential)
    long[] order = new long[teaches.size()];
    for (int i = 0; i < order.length; i++) {
      int k = teaches.get(i);
      order[i] = (long) df[k] << 32 | k;
    }
    Arrays.sort(order);
    double c = sharedBound(t);
    int overlap = Math.max(1, (int) Math.ceil(order.length * c / (1 - c) - 1e-9));
    int length = Math.max(1, order.length - overlap + 1);
    int[] prefix = new int[length];
    for (int i = 0; i < length; i++) {
      prefix[i] = (int) order[i];
    }
    return prefix;
  }

  /**
   * The largest Jaccard two credentials of {@code sizeSum} skills in all that share {@code shared} of them exactly
   * can reach: each other skill earns at most {@value SkillSimilarity#RELATED} in its direction.
   */
  static double upperBound(int shared, int sizeSum) {
    double overlap = shared + SkillSimilarity.RELATED * (sizeSum - 2.0 * shared) / 2;
    return overlap / (sizeSum - overlap);
  }

  /**
   * The largest Jaccard of two credentials sharing {@code shared} skills when {@code relatedOfB} of B's unshared
   * skills are related to A (B's side of the overlap exactly) and each unshared skill of A may be.
   */
  static double upperBound(int sizeA, int sizeB, int shared, int relatedOfB) {
    double ab = shared + SkillSimilarity.RELATED * (sizeA - shared);
    double ba = shared + SkillSimilarity.RELATED * relatedOfB;
    double overlap = (ab + ba) / 2;
    return overlap / (sizeA + sizeB - overlap);
  }

  /**
   * How many of {@code skills} (B's) are not taught by the probe but related to it: covered by it (broader than one of
   * its skills) or narrower than one of its skills; {@code taught} and {@code covered} hold {@code probe} where so.
   */
  private int related(int[] skills, int[] taught, int[] covered, int probe) {
    int related = 0;
    for (int k : skills) {
      if (taught[k] == probe) {
        continue;
      }
      if (covered[k] == probe) {
        related++;
        continue;
      }
      IntSet up = snapshot.ancestors(k);
      for (int x = 0; x < up.size(); x++) {
        if (taught[up.get(x)] == probe) {
          related++;
          break;
        }
      }
    }
    return related;
  }

  /** The share c of |A|+|B| that two sets with Jaccard ≥ t must share exactly (0 at t ≤ 1/3). */
  static double sharedBound(double t) {
    return Math.max(0, (3 * t - 1) / (2 * (1 + t)));
  }

  private OverlapPair pair(int a, int b, double minSimilarity) {
    SkillSimilarity.Score score = similarity.score(a, b);
    if (score.jaccard() < minSimilarity - 1e-12) {
      return null;
    }
    Credential ca = snapshot.credential(a);
    Credential cb = snapshot.credential(b);
    return new OverlapPair(a, b, score.jaccard(), score.containment(), ca.issuer() >= 0 && ca.issuer() == cb.issuer(),
        ca.teaches().intersect(cb.teaches()), ca.teaches().minus(cb.teaches()), cb.teaches().minus(ca.teaches()));
  }
}
