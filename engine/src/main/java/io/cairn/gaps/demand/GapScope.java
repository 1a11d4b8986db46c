package io.cairn.gaps.demand;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Occupation;
import io.cairn.catalog.Pathway;
import io.cairn.gaps.CoverageAnalysis;
import io.cairn.gaps.CoverageReport;
import java.util.BitSet;

/**
 * Whose needs a demand-gap list is about: one occupation, an ISCO-08 group (every occupation whose group code
 * starts with it: {@code 25} takes 2511, 2512, ...), a pathway (its goal occupation's essential skills and the
 * competencies its requirement trees name), or the whole catalog (every occupation).
 *
 * @param occupations the occupations whose essential skills count, with their job offers
 * @param named competencies asked for besides them (a pathway's competency requirements), with the job offers of
 *     every occupation needing them as essential
 */
public record GapScope(Kind kind, String id, String label, IntSet occupations, IntSet named) {

  /** What a gap list is about. */
  public enum Kind {
    CATALOG, OCCUPATION, ISCO, PATHWAY;

    public String apiName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public static GapScope catalog(CatalogSnapshot snapshot) {
    BitSet all = new BitSet();
    all.set(0, snapshot.occupations().size());
    return new GapScope(Kind.CATALOG, "catalog", "every occupation", IntSet.of(all), IntSet.empty());
  }

  public static GapScope occupation(Occupation occupation) {
    return new GapScope(Kind.OCCUPATION, occupation.id(), occupation.label(), IntSet.of(occupation.index()),
        IntSet.empty());
  }

  /**
   * The occupations of the ISCO-08 group {@code code} (1 to 4 digits) and below it; empty when none is in it.
   */
  public static GapScope isco(CatalogSnapshot snapshot, String code) {
    BitSet in = new BitSet();
    for (Occupation o : snapshot.occupations()) {
      if (o.iscoGroup() != null && o.iscoGroup().startsWith(code)) {
        in.set(o.index());
      }
    }
    return new GapScope(Kind.ISCO, code, "ISCO-08 group " + code, IntSet.of(in), IntSet.empty());
  }

  public static GapScope pathway(CatalogSnapshot snapshot, Pathway pathway) {
    CoverageReport report = CoverageAnalysis.of(snapshot, pathway);
    IntSet named = IntSet.of(report.skills().stream().filter(s -> s.relation() == CoverageReport.Relation.REQUIRED)
        .map(CoverageReport.SkillCoverage::competency).toList());
    IntSet goal = pathway.goalOccupation() >= 0 ? IntSet.of(pathway.goalOccupation()) : IntSet.empty();
    return new GapScope(Kind.PATHWAY, pathway.id(), pathway.name(), goal, named);
  }
}
