package io.cairn.gaps;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Occupation;
import io.cairn.catalog.Pathway;
import io.cairn.catalog.PathwaySkills;
import io.cairn.gaps.CoverageReport.Relation;
import io.cairn.gaps.CoverageReport.SkillCoverage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes {@link CoverageReport}s from a catalog snapshot alone; no learner is involved. */
public final class CoverageAnalysis {
  private CoverageAnalysis() {}

  /** The occupation's essential and optional skills, each with the credentials teaching it. */
  public static CoverageReport of(CatalogSnapshot snapshot, Occupation occupation) {
    Map<Integer, Relation> skills = new LinkedHashMap<>();
    addOccupation(occupation, skills);
    return report(snapshot, "occupation", occupation.id(), occupation.label(), skills);
  }

  /**
   * The pathway's goal skills ({@link PathwaySkills}: named by its requirement trees or taught by the credentials
   * they name), then the skills of the occupation it prepares for (a skill in both counts once, as required).
   */
  public static CoverageReport of(CatalogSnapshot snapshot, Pathway pathway) {
    Map<Integer, Relation> skills = new LinkedHashMap<>();
    PathwaySkills.of(snapshot, pathway).stream().forEach(k -> skills.put(k, Relation.REQUIRED));
    if (pathway.goalOccupation() >= 0) {
      addOccupation(snapshot.occupation(pathway.goalOccupation()), skills);
    }
    return report(snapshot, "pathway", pathway.id(), pathway.name(), skills);
  }

  private static void addOccupation(Occupation occupation, Map<Integer, Relation> skills) {
    occupation.essential().stream().forEach(k -> skills.putIfAbsent(k, Relation.ESSENTIAL));
    occupation.optional().stream().forEach(k -> skills.putIfAbsent(k, Relation.OPTIONAL));
  }

  private static CoverageReport report(CatalogSnapshot snapshot, String kind, String id, String label,
      Map<Integer, Relation> skills) {
    List<SkillCoverage> rows = new ArrayList<>();
    // a broader skill (a skill group) is taught through its narrower ones
    skills.forEach((k, relation) -> rows.add(new SkillCoverage(k, relation, snapshot.coveredBy(k))));
    rows.sort(Comparator.comparing(SkillCoverage::relation)
        .thenComparingInt(s -> s.taughtBy().size())
        .thenComparing(s -> snapshot.competency(s.competency()).label()));
    return new CoverageReport(kind, id, label, rows);
  }

  /** The credentials teaching at least one of the report's skills, for callers that chart them. */
  public static IntSet teachingAny(CoverageReport report) {
    IntSet all = IntSet.empty();
    for (SkillCoverage s : report.skills()) {
      all = all.union(s.taughtBy());
    }
    return all;
  }
}
