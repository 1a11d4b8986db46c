package io.cairn.labor.postings;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Competency;
import io.cairn.catalog.Occupation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every label of every skill and knowledge concept of one snapshot (not the groups of ESCO's hierarchy):
 * preferred, alternative, hidden, and the preferred label without its parenthesis ("Python (computer
 * programming)" is also "Python"), keyed by its words in comparison form, for finding labels in text word by
 * word. Immutable and thread-safe.
 */
final class SkillLexicon {
  /** How a label belongs to a competency, best first. */
  enum LabelKind { PREFERRED, ALTERNATIVE, SHORT, HIDDEN }

  /** One competency a label names, and how. */
  record Sense(int competency, LabelKind kind, String label) {}

  private static final Pattern PARENTHESIS = Pattern.compile("\\s*\\([^)]*\\)\\s*");

  private final Map<String, List<Sense>> senses = new HashMap<>();
  private final Set<String> prefixes = new HashSet<>();
  private final Map<String, Integer> labelsWithWord = new HashMap<>();
  private final int longest;
  /** Per competency, how many occupations need it (essential or optional). */
  private final int[] occupations;

  SkillLexicon(CatalogSnapshot snapshot) {
    int longestSeen = 1;
    for (Competency c : snapshot.competencies()) {
      if (c.skillType().equals("skill-group")) {
        // groups of the hierarchy ("knowledge", "communicating") are headings, not skills a posting asks for
        continue;
      }
      longestSeen = Math.max(longestSeen, add(c.label(), c.index(), LabelKind.PREFERRED));
      String shortLabel = PARENTHESIS.matcher(c.label()).replaceAll(" ").strip();
      if (!shortLabel.equals(c.label().strip())) {
        longestSeen = Math.max(longestSeen, add(shortLabel, c.index(), LabelKind.SHORT));
      }
      for (String alt : c.altLabels()) {
        longestSeen = Math.max(longestSeen, add(alt, c.index(), LabelKind.ALTERNATIVE));
      }
      for (String hidden : c.hiddenLabels()) {
        longestSeen = Math.max(longestSeen, add(hidden, c.index(), LabelKind.HIDDEN));
      }
    }
    this.longest = longestSeen;
    this.occupations = new int[snapshot.competencies().size()];
    for (Occupation o : snapshot.occupations()) {
      o.essential().stream().forEach(s -> occupations[s]++);
      o.optional().stream().forEach(s -> occupations[s]++);
    }
  }

  private int add(String label, int competency, LabelKind kind) {
    if (label == null || label.isBlank()) {
      return 0;
    }
    List<Token> tokens = Tokens.of(label);
    if (tokens.isEmpty()) {
      return 0;
    }
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < tokens.size(); i++) {
      if (i > 0) {
        key.append(' ');
      }
      key.append(tokens.get(i).key());
      if (i < tokens.size() - 1) {
        prefixes.add(key.toString());
      }
    }
    if (!senses.containsKey(key.toString())) {
      tokens.stream().map(Token::key).distinct().forEach(w -> labelsWithWord.merge(w, 1, Integer::sum));
    }
    List<Sense> list = senses.computeIfAbsent(key.toString(), k -> new ArrayList<>(1));
    if (list.stream().noneMatch(s -> s.competency() == competency)) {
      list.add(new Sense(competency, kind, label.strip()));
    } else {
      // one competency, one sense per key: the best kind wins
      list.replaceAll(s -> s.competency() == competency && kind.ordinal() < s.kind().ordinal()
          ? new Sense(competency, kind, label.strip()) : s);
    }
    return tokens.size();
  }

  /** The competencies whose label is exactly these words (in comparison form, space-separated), or none. */
  List<Sense> senses(String key) {
    return senses.getOrDefault(key, List.of());
  }

  /** Whether some label starts with these words and goes on. */
  boolean isPrefix(String key) {
    return prefixes.contains(key);
  }

  /** In how many distinct labels {@code word} (comparison form) occurs. */
  int labelsWith(String word) {
    return labelsWithWord.getOrDefault(word, 0);
  }

  /** The most words a label has. */
  int longest() {
    return longest;
  }

  /** How many occupations need the competency. */
  int occupations(int competency) {
    return occupations[competency];
  }
}
