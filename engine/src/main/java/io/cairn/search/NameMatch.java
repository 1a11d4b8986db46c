package io.cairn.search;

import java.util.Arrays;
import java.util.List;

/**
 * Matching typed text against a credential's name word by word, never inside a word: every word typed must be a
 * word of the name, or, from three letters on, the start of one ("stat" finds "Applied Statistics"). Two letters
 * or fewer must be a whole word, so an abbreviation finds the names it is a word of ("ML" finds "ML Foundations",
 * not "HTML and CSS Foundations"). Case and accents do not matter.
 */
public final class NameMatch {
  private static final int PREFIX_FROM = 3;
  private final List<String> words;

  private NameMatch(List<String> words) {
    this.words = words;
  }

  /** The typed text, split into words as labels are. */
  public static NameMatch of(String typed) {
    String normalised = LabelSearch.normalise(typed == null ? "" : typed);
    return new NameMatch(normalised.isEmpty() ? List.of() : Arrays.asList(normalised.split(" ")));
  }

  /** True when nothing was typed: everything matches. */
  public boolean isEmpty() {
    return words.isEmpty();
  }

  /** Whether {@code name} holds every typed word as a word (or a word's start, from three letters on). */
  public boolean matches(String name) {
    if (words.isEmpty()) {
      return true;
    }
    String normalised = LabelSearch.normalise(name == null ? "" : name);
    List<String> nameWords = normalised.isEmpty() ? List.of() : Arrays.asList(normalised.split(" "));
    for (String word : words) {
      boolean found = nameWords.stream().anyMatch(w -> w.equals(word)
          || word.length() >= PREFIX_FROM && w.startsWith(word));
      if (!found) {
        return false;
      }
    }
    return true;
  }
}
