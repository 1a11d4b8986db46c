package io.cairn.learner;

import java.util.List;

/**
 * Where a learner wants to go: an occupation, a pathway, an explicit list of competencies, or only a field (or
 * nothing), for which a skill-value model chooses the skills.
 */
public sealed interface Goal {

  /** The ESCO occupation with this id or IRI: its essential and optional skills, weighted by demand. */
  record OccupationGoal(String id) implements Goal {}

  /** The pathway with this id or IRI: its unmet requirements. */
  record PathwayGoal(String id) implements Goal {}

  /** These competencies. */
  record CompetencyGoal(List<String> ids) implements Goal {
    public CompetencyGoal {
      ids = List.copyOf(ids);
    }
  }

  /**
   * No occupation, pathway or skill list: the skills a skill-value model ranks next for the learner, in an
   * ISCO-08 minor group {@code field} (3 digits) or, when it is empty, in any field.
   */
  record FieldGoal(String field) implements Goal {
    public FieldGoal {
      field = field == null ? "" : field.trim();
      if (!field.isEmpty() && !field.matches("[0-9]{3}")) {
        throw new IllegalArgumentException(
            "a goal field must be an ISCO-08 minor group of 3 digits, such as 251, got '" + field + "'");
      }
    }
  }
}
