package io.cairn.gaps;

import io.cairn.catalog.IntSet;
import java.util.List;

/**
 * Which of an occupation's or a pathway's skills the catalog teaches, and by how many credentials: the curriculum
 * designer's first view of the gaps.
 *
 * @param kind {@code occupation} or {@code pathway}
 * @param id the occupation's or pathway's id
 * @param label what it is called, for people
 * @param skills each skill once, the most important relation first, the least taught first within a relation
 */
public record CoverageReport(String kind, String id, String label, List<SkillCoverage> skills) {

  public CoverageReport {
    skills = List.copyOf(skills);
  }

  /**
   * One skill and the credentials that teach it.
   *
   * @param competency dense index of the skill
   * @param relation why it belongs to the subject: {@code essential} or {@code optional} for an occupation's
   *     skills, {@code required} for a competency a pathway's requirement tree names
   * @param taughtBy credentials of the catalog whose learning outcomes align to it or to a concept narrower than it
   */
  public record SkillCoverage(int competency, Relation relation, IntSet taughtBy) {
    public boolean taught() {
      return !taughtBy.isEmpty();
    }
  }

  /** How a skill belongs to the subject, in the order a designer reads them. */
  public enum Relation {
    /** A goal skill of the pathway: named by its requirement trees or taught by a credential they name. */
    REQUIRED,
    /** An essential skill of the occupation (or of the pathway's goal occupation). */
    ESSENTIAL,
    /** An optional skill of the occupation (or of the pathway's goal occupation). */
    OPTIONAL;

    public String apiName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** How many of the skills at least one credential teaches. */
  public int taughtCount() {
    return (int) skills.stream().filter(SkillCoverage::taught).count();
  }

  /** The skills no credential of the catalog teaches. */
  public List<SkillCoverage> untaught() {
    return skills.stream().filter(s -> !s.taught()).toList();
  }
}
