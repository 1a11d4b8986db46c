package io.cairn.labor.postings;

import io.cairn.labor.titles.OccupationMatch;
import java.util.List;

/**
 * What a posting asks for: the occupation its title normalizes to (null without a title, or when nothing
 * matched it), and the skills it names, those the occupation needs as essential first, then optional, then the
 * rest, each group in reading order.
 */
public record PostingSkills(OccupationMatch occupation, List<FoundSkill> skills) {

  public PostingSkills {
    skills = List.copyOf(skills);
  }
}
