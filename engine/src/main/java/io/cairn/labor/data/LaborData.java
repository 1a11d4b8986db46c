package io.cairn.labor.data;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Occupation;
import io.cairn.labor.demand.DemandJoin;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables the skill-value model learns from: every occupation of the snapshot with its essential and optional
 * skills, ISCO group and job offers, and the snapshot itself for what is known of each skill (type, reuse
 * level, collections, hierarchy). The snapshot is compiled from the imported graph, one SPARQL pass per table.
 */
public record LaborData(CatalogSnapshot snapshot, List<OccupationSkills> occupations) {

  public LaborData {
    occupations = List.copyOf(occupations);
  }

  /** The snapshot's occupations that need at least one skill, joined to their job offers. */
  public static LaborData of(CatalogSnapshot snapshot, DemandJoin demand) {
    List<OccupationSkills> result = new ArrayList<>();
    for (Occupation o : snapshot.occupations()) {
      IntSet optional = o.optional().minus(o.essential());
      if (o.essential().isEmpty() && optional.isEmpty()) {
        continue;
      }
      String isco = o.iscoGroup().startsWith("C") ? o.iscoGroup().substring(1) : o.iscoGroup();
      result.add(new OccupationSkills(o.index(), o.iri(), o.label(), isco, o.essential(), optional,
          demand.offers(o.index())));
    }
    return new LaborData(snapshot, result);
  }

  /** Number of competencies in the snapshot: skills are indexed 0 until this. */
  public int skillCount() {
    return snapshot.competencies().size();
  }

  /** The occupations at the given positions of {@link #occupations()}. */
  public List<OccupationSkills> select(int[] positions) {
    List<OccupationSkills> selected = new ArrayList<>(positions.length);
    for (int p : positions) {
      selected.add(occupations.get(p));
    }
    return selected;
  }
}
