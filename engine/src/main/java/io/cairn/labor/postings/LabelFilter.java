package io.cairn.labor.postings;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Occupation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which labels found in a posting count as a skill. A label of several words always counts ("use spreadsheets
 * software", "work in shifts"). A label of one word is often an everyday word that ESCO also uses as an
 * alternative label ("clean", "design", "report", "data") or even as a preferred one ("plan"), so one word
 * counts only when the posting's occupation needs the skill, when ESCO writes it as a name (a capital, a digit,
 * '+' or '#': "Python", "SQL", "C++", "English"), or when it is the skill's preferred label and a rare word in
 * ESCO's labels ("typography", "thermodynamics": in at most {@value #RARE} labels). A word that is itself an
 * occupation's label ("chef", "nurse") names the job, not a skill, and never counts alone.
 */
final class LabelFilter {
  /** A word in at most this many labels is rare enough to be a skill on its own. */
  static final int RARE = 20;
  private final Set<String> occupationNames = new HashSet<>();
  private final SkillLexicon lexicon;

  LabelFilter(CatalogSnapshot snapshot, SkillLexicon lexicon) {
    this.lexicon = lexicon;
    for (Occupation o : snapshot.occupations()) {
      for (String label : labels(o)) {
        List<Token> tokens = Tokens.of(label);
        if (tokens.size() == 1) {
          occupationNames.add(tokens.getFirst().key());
        }
      }
    }
  }

  private static List<String> labels(Occupation o) {
    List<String> labels = new java.util.ArrayList<>();
    labels.add(o.label());
    labels.addAll(o.altLabels());
    return labels;
  }

  /**
   * Whether {@code sense}, found as the label {@code key} of {@code words} words, counts; {@code needed} says
   * whether the posting's occupation needs the skill.
   */
  boolean counts(SkillLexicon.Sense sense, String key, int words, boolean needed) {
    if (words > 1) {
      return true;
    }
    if (occupationNames.contains(key)) {
      return false;
    }
    boolean preferred = sense.kind() == SkillLexicon.LabelKind.PREFERRED
        || sense.kind() == SkillLexicon.LabelKind.SHORT;
    return needed || isName(sense.label()) || preferred && lexicon.labelsWith(key) <= RARE;
  }

  private static boolean isName(String label) {
    return label.chars().anyMatch(c -> Character.isUpperCase(c) || Character.isDigit(c) || c == '+' || c == '#');
  }
}
