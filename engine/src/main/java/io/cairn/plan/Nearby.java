package io.cairn.plan;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Occupation;
import io.cairn.learner.ResolvedLearner;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the occupations a plan could make attainable with the candidates at hand: those whose job-ready share of
 * essential skills the learner's holdings plus what the candidates teach would reach, and that have job offers.
 * The most offered few enter the value objective; an index from each skill to the occupations needing it is built
 * once per snapshot.
 */
final class Nearby {
  /** How many occupations the value objective weighs at most, so that the model stays interactive. */
  static final int LIMIT = 30;

  private final JobOffers offers;
  private final Cache<Long, IntSet[]> needing = Caffeine.newBuilder().maximumSize(2).build();

  Nearby(JobOffers offers) {
    this.offers = offers;
  }

  boolean weighsOffers() {
    return offers.known();
  }

  long offers(Occupation occupation) {
    return offers.offers(occupation);
  }

  List<NearbyOccupation> find(CatalogSnapshot snapshot, ResolvedLearner learner, CandidatePool pool) {
    if (!offers.known()) {
      return List.of();
    }
    BitSet reachable = learner.competencies().toBitSet();
    BitSet teachable = new BitSet();
    for (int i = 0; i < pool.size(); i++) {
      snapshot.credential(pool.credential(i)).teaches().stream().forEach(teachable::set);
    }
    reachable.or(teachable);
    IntSet[] index = needing.get(snapshot.version(), v -> index(snapshot));
    int[] counts = new int[snapshot.occupations().size()];
    reachable.stream().forEach(k -> index[k].stream().forEach(o -> counts[o]++));
    List<NearbyOccupation> found = new ArrayList<>();
    for (int o = 0; o < counts.length; o++) {
      if (counts[o] == 0) {
        continue;
      }
      Occupation occupation = snapshot.occupation(o);
      IntSet essential = occupation.essential();
      int ready = (int) Math.ceil(NearbyOccupation.JOB_READY * essential.size() - 1e-9);
      int held = essential.intersectionSize(learner.competencies());
      long jobs = offers.offers(occupation);
      if (held >= ready || counts[o] < ready || jobs <= 0) {
        continue;
      }
      IntSet open = IntSet.of(essential.minus(learner.competencies()).stream().filter(teachable::get).toArray());
      found.add(new NearbyOccupation(o, open, ready - held, jobs));
    }
    found.sort(Comparator.comparingLong(NearbyOccupation::offers).reversed()
        .thenComparingInt(NearbyOccupation::occupation));
    return found.size() > LIMIT ? List.copyOf(found.subList(0, LIMIT)) : found;
  }

  private static IntSet[] index(CatalogSnapshot snapshot) {
    List<List<Integer>> lists = new ArrayList<>();
    for (int k = 0; k < snapshot.competencies().size(); k++) {
      lists.add(new ArrayList<>(2));
    }
    for (Occupation o : snapshot.occupations()) {
      o.essential().stream().forEach(k -> lists.get(k).add(o.index()));
    }
    IntSet[] index = new IntSet[lists.size()];
    for (int k = 0; k < index.length; k++) {
      index[k] = IntSet.of(lists.get(k));
    }
    return index;
  }
}
