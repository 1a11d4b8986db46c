package io.cairn.rank;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Occupation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Each occupation's weighted targets before any learner is counted (its essential skills, and the optional ones
 * not already essential, each weighted by demand; sorted by competency), built once per occupation of one snapshot rather than on every
 * request: a request then only sorts them into met and unmet.
 *
 * <p>Thread-safe: an occupation's array is built at most a few times under a race and is immutable once built.
 */
final class OccupationTargets {
  private final CatalogSnapshot snapshot;
  private final AtomicReferenceArray<Target[]> byOccupation;

  OccupationTargets(CatalogSnapshot snapshot) {
    this.snapshot = snapshot;
    this.byOccupation = new AtomicReferenceArray<>(snapshot.occupations().size());
  }

  /** True when these are the targets of {@code other}'s occupations. */
  boolean of(CatalogSnapshot other) {
    return snapshot == other;
  }

  /** The targets of {@code occupation}, by competency, each once (do not modify the array). */
  Target[] targets(Occupation occupation) {
    Target[] targets = byOccupation.get(occupation.index());
    if (targets == null) {
      targets = build(occupation);
      byOccupation.set(occupation.index(), targets);
    }
    return targets;
  }

  private Target[] build(Occupation occupation) {
    List<Target> targets = new ArrayList<>(occupation.essential().size() + occupation.optional().size());
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < occupation.essential().size(); i++) {
      int k = occupation.essential().get(i);
      if (seen.add(k)) {
        targets.add(new Target(k, TargetResolver.demandFactor(snapshot.competency(k)), "essential"));
      }
    }
    for (int i = 0; i < occupation.optional().size(); i++) {
      int k = occupation.optional().get(i);
      if (seen.add(k)) {
        targets.add(new Target(k, TargetResolver.OPTIONAL_FACTOR * TargetResolver.demandFactor(snapshot.competency(k)),
            "optional"));
      }
    }
    // by competency: a request keeps them in this order (TargetMap), with no sort and no hash table
    targets.sort(java.util.Comparator.comparingInt(Target::competency));
    return targets.toArray(Target[]::new);
  }
}
