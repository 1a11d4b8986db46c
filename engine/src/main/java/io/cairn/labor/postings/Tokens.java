package io.cairn.labor.postings;

import io.cairn.search.LabelSearch;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into words with their offsets, as labels and postings are compared: a word is a run of letters and
 * digits, with '+' and '#' kept inside and after it ("C++", "C#"); everything else separates words, so a label
 * only ever matches whole words. Offsets are UTF-16 positions in the text, as Java and JavaScript strings count.
 */
final class Tokens {
  private Tokens() {}

  static List<Token> of(String text) {
    List<Token> tokens = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      int c = text.codePointAt(i);
      if (!Character.isLetterOrDigit(c)) {
        i += Character.charCount(c);
        continue;
      }
      int start = i;
      while (i < n) {
        int d = text.codePointAt(i);
        if (Character.isLetterOrDigit(d) || Character.getType(d) == Character.NON_SPACING_MARK || d == '+' || d == '#') {
          i += Character.charCount(d);
        } else {
          break;
        }
      }
      String key = key(text.substring(start, i));
      if (!key.isEmpty()) {
        tokens.add(new Token(key, start, i));
      }
    }
    return tokens;
  }

  /** The comparison form of one word. */
  static String key(String word) {
    return singular(LabelSearch.fold(word));
  }

  /** A crude singular: "databases" meets "database", while "sales", "business" and "analysis" stay as they are. */
  static String singular(String word) {
    if (word.length() <= 4 || !word.endsWith("s") || word.endsWith("ss") || word.endsWith("is")
        || word.endsWith("us")) {
      return word;
    }
    return word.endsWith("ies") && word.length() > 5 ? word.substring(0, word.length() - 3) + "y"
        : word.substring(0, word.length() - 1);
  }
}
