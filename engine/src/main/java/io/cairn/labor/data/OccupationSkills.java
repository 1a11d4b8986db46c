package io.cairn.labor.data;

import io.cairn.catalog.IntSet;

/**
 * One occupation as the skill-value model sees it: its skills (competency indices of the snapshot), its ISCO
 * groups and the job offers behind it.
 *
 * @param index the occupation's index in the snapshot
 * @param unitGroup ISCO-08 unit group (4 digits), or empty when ESCO places it under none
 * @param essential its essential skills
 * @param optional its optional skills (never also essential)
 * @param skills every skill it needs, essential or optional
 * @param offers job offers for it (0 when the demand file has no row)
 */
public record OccupationSkills(int index, String iri, String label, String unitGroup, IntSet essential,
    IntSet optional, IntSet skills, long offers) {

  /** The occupation with {@code skills} = essential ∪ optional. */
  public OccupationSkills(int index, String iri, String label, String unitGroup, IntSet essential, IntSet optional,
      long offers) {
    this(index, iri, label, unitGroup, essential, optional, essential.union(optional), offers);
  }

  /** ISCO-08 minor group (the first 3 digits of the unit group): the learner's goal field. Empty if unknown. */
  public String minorGroup() {
    return unitGroup.length() >= 3 ? unitGroup.substring(0, 3) : "";
  }
}
