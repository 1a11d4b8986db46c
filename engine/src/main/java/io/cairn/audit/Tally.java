package io.cairn.audit;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.StackLink;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The credentials a subtree counts, so that a credit rule counts each credential once even when two children (one
 * of them allowing double counting) reach it, and never counts a part's credits on top of the credential they are
 * inside: a part counted as partial credit toward C gives nothing when C itself counts, and a part counted whole
 * beside a whole C it stacks into gives only what is not already inside C (the "7 ECTS of [certificate, one of its
 * modules]" case counts the certificate's 5, not 7). Mutable; never leaves the package.
 */
final class Tally {
  private final TreeSet<Integer> wholes = new TreeSet<>();
  private final TreeMap<Integer, TreeSet<Integer>> partsToward = new TreeMap<>();
  private double waived;

  static Tally waived(double credits) {
    Tally tally = new Tally();
    tally.waived = credits;
    return tally;
  }

  static Tally of(Use use, int target) {
    Tally tally = new Tally();
    if (use.whole() >= 0) {
      tally.wholes.add(use.whole());
    }
    if (!use.parts().isEmpty()) {
      TreeSet<Integer> parts = tally.partsToward.computeIfAbsent(target, t -> new TreeSet<>());
      use.parts().stream().forEach(parts::add);
    }
    return tally;
  }

  void addAll(Tally other) {
    wholes.addAll(other.wholes);
    other.partsToward.forEach((target, parts) ->
        partsToward.computeIfAbsent(target, t -> new TreeSet<>()).addAll(parts));
    waived += other.waived;
  }

  double total(CatalogSnapshot snapshot) {
    return total(snapshot, false);
  }

  /**
   * Waived credits, plus each whole credential once, less what parts counted whole bring inside a whole they stack
   * into, plus for each credential C not counted whole the partial credit toward it from parts not counted whole
   * (capped at C's ECTS).
   *
   * @param optimistic leave out both reductions: an upper bound that only grows with what is counted
   */
  double total(CatalogSnapshot snapshot, boolean optimistic) {
    double sum = waived;
    for (int credential : wholes) {
      sum += snapshot.credential(credential).ects();
    }
    if (!optimistic) {
      sum -= inside(snapshot);
    }
    for (Map.Entry<Integer, TreeSet<Integer>> entry : partsToward.entrySet()) {
      int target = entry.getKey();
      if (!optimistic && wholes.contains(target)) {
        continue;
      }
      double toward = 0;
      for (int part : entry.getValue()) {
        if (optimistic || !wholes.contains(part)) {
          toward += snapshot.credential(part).creditsToward(target);
        }
      }
      sum += Math.min(snapshot.credential(target).ects(), toward);
    }
    return sum;
  }

  /**
   * Credits counted twice when a part and a whole it stacks into are both counted whole: each such part is
   * attributed to one whole (the one it carries most credits into, the lowest index on a tie), and what a whole
   * contains this way is capped at its own ECTS.
   */
  private double inside(CatalogSnapshot snapshot) {
    Map<Integer, Double> contained = new HashMap<>();
    for (int part : wholes) {
      int into = insideOf(snapshot, part, wholes);
      if (into >= 0) {
        double carried = Math.min(snapshot.credential(part).ects(), snapshot.credential(part).creditsToward(into));
        contained.merge(into, carried, Double::sum);
      }
    }
    double overlap = 0;
    for (Map.Entry<Integer, Double> entry : contained.entrySet()) {
      overlap += Math.min(snapshot.credential(entry.getKey()).ects(), entry.getValue());
    }
    return overlap;
  }

  /**
   * The whole among {@code wholes} that {@code part} is attributed to: the one it stacks into directly with the
   * most transfer credits (lowest index on a tie), or -1.
   */
  static int insideOf(CatalogSnapshot snapshot, int part, java.util.Collection<Integer> wholes) {
    int best = -1;
    double bestCredits = 0;
    for (StackLink link : snapshot.credential(part).stacksInto()) {
      int whole = link.target();
      double credits = snapshot.credential(part).creditsToward(whole);
      if (whole != part && credits > 0 && wholes.contains(whole)
          && (credits > bestCredits || credits == bestCredits && whole < best)) {
        best = whole;
        bestCredits = credits;
      }
    }
    return best;
  }

  /** Every credential counted, in either role. */
  IntSet credentials() {
    TreeSet<Integer> all = new TreeSet<>(wholes);
    partsToward.values().forEach(all::addAll);
    return IntSet.of(all);
  }
}
