package io.cairn.labor;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Competency;
import io.cairn.catalog.EscoCollection;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Occupation;
import io.cairn.labor.data.LaborData;
import io.cairn.labor.demand.DemandJoin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A small labor market built in code, with the structure the model should find: four ISCO minor groups, each
 * with its own core skills under one skill group, three unit groups each of three occupations; every occupation
 * needs most of its field's core skills (essential), a few generic skills (optional) and one skill of its own.
 * Seeded, so every test sees the same market.
 */
public final class LaborFixture {
  static final String[] FIELDS = {"251", "252", "311", "512"};
  static final int CORE = 10;
  static final int GENERIC = 8;

  final List<Competency> competencies = new ArrayList<>();
  final List<IntSet> broader = new ArrayList<>();
  final List<Occupation> occupations = new ArrayList<>();
  final Map<String, int[]> core = new HashMap<>();
  final int[] generic;

  public LaborFixture(long seed) {
    Random random = new Random(seed);
    int genericGroup = add("group-generic", "skill-group", "", Set.of(), IntSet.empty());
    generic = new int[GENERIC];
    for (int g = 0; g < GENERIC; g++) {
      generic[g] = add("generic-" + g, "skill", "transversal", Set.of(EscoCollection.TRANSVERSAL),
          IntSet.of(genericGroup));
    }
    for (String field : FIELDS) {
      int group = add("group-" + field, "skill-group", "", Set.of(), IntSet.empty());
      int[] skills = new int[CORE];
      for (int i = 0; i < CORE; i++) {
        skills[i] = add("core-" + field + "-" + i, i % 3 == 0 ? "knowledge" : "skill", "sector-specific",
            i == 0 ? Set.of(EscoCollection.DIGITAL) : Set.of(), IntSet.of(group));
      }
      core.put(field, skills);
    }
    for (String field : FIELDS) {
      for (int unit = 1; unit <= 3; unit++) {
        for (int o = 0; o < 3; o++) {
          String id = "occ-" + field + unit + "-" + o;
          TreeSet<Integer> essential = new TreeSet<>();
          int[] fieldCore = core.get(field);
          for (int i = 0; i < fieldCore.length; i++) {
            // the first half of the core is nearly always needed, the rest often
            if (random.nextDouble() < (i < CORE / 2 ? 0.95 : 0.6)) {
              essential.add(fieldCore[i]);
            }
          }
          TreeSet<Integer> optional = new TreeSet<>();
          for (int g : generic) {
            if (random.nextDouble() < 0.3) {
              optional.add(g);
            }
          }
          optional.add(add("own-" + id, "skill", "occupation-specific", Set.of(), IntSet.empty()));
          occupations.add(new Occupation(occupations.size(), "http://data.europa.eu/esco/occupation/" + id, id,
              "occupation " + field + unit + " " + o, "C" + field + unit, IntSet.of(essential), IntSet.of(optional)));
        }
      }
    }
  }

  private int add(String id, String type, String reuse, Set<EscoCollection> collections, IntSet parents) {
    int index = competencies.size();
    competencies.add(new Competency(index, "http://data.europa.eu/esco/skill/" + id, id, id, List.of(), type, reuse,
        0, 0, "", List.of(), collections));
    broader.add(parents);
    return index;
  }

  /** Adds a skill that only the given occupations need (as essential); returns its index. */
  int plant(String id, java.util.function.Predicate<Occupation> needs) {
    int skill = add(id, "skill", "cross-sector", Set.of(EscoCollection.GREEN), IntSet.empty());
    for (int i = 0; i < occupations.size(); i++) {
      Occupation o = occupations.get(i);
      if (needs.test(o)) {
        occupations.set(i, new Occupation(o.index(), o.iri(), o.id(), o.label(), o.iscoGroup(),
            o.essential().union(IntSet.of(skill)), o.optional()));
      }
    }
    return skill;
  }

  public CatalogSnapshot snapshot() {
    return new CatalogSnapshot(1, Instant.EPOCH, competencies, occupations, List.of(), List.of(), List.of(), broader);
  }

  /** The data with job offers: 100 x (unit digit) for the first occupation of each unit group, none elsewhere. */
  public LaborData data() {
    CatalogSnapshot snapshot = snapshot();
    long[] offers = new long[occupations.size()];
    for (Occupation o : occupations) {
      offers[o.index()] = o.id().endsWith("-0") ? 100L * (o.iscoGroup().charAt(4) - '0') : 0;
    }
    return LaborData.of(snapshot, new DemandJoin(offers, 12, List.of()));
  }
}
