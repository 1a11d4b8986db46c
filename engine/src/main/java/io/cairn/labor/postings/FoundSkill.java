package io.cairn.labor.postings;

import java.util.List;

/**
 * One ESCO skill a posting asks for, with every place it says so.
 *
 * @param competency the skill's snapshot index
 * @param matchedLabel the label found in the posting (or, for a skill phrase found by search, the best label)
 * @param labelKind how that label belongs to the skill: {@code preferred}, {@code alternative}, {@code short}
 *     (the preferred label without its parenthesis) or {@code hidden}; {@code search} when a skill phrase matched
 *     no label whole and Cairn's label search chose the skill; {@code context} when the posting's occupation needs
 *     the skill and a sentence holds every content word of one of its labels, in any order and form
 * @param forOccupation {@code essential} or {@code optional} when the occupation the title normalizes to needs
 *     it so, else {@code other}
 * @param evidence where the posting names it, in reading order (title, text, skill phrases)
 */
public record FoundSkill(int competency, String matchedLabel, String labelKind, String forOccupation,
    List<Evidence> evidence) {

  public FoundSkill {
    evidence = List.copyOf(evidence);
  }
}
