package io.cairn.learner;

import java.util.List;

/** Where a learner wants to go: an occupation, a pathway, or an explicit list of competencies. */
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
}
