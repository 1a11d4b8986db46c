package io.cairn.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NameMatchTest {
  @Test
  void anAbbreviationMatchesOnlyAsAWholeWord() {
    assertFalse(NameMatch.of("ML").matches("HTML and CSS Foundations"));
    assertTrue(NameMatch.of("ML").matches("Applied ML Foundations"));
    assertFalse(NameMatch.of("js").matches("Intro to jsonnet"));
    assertTrue(NameMatch.of("JS").matches("Modern JS for the Web"));
  }

  @Test
  void longerWordsMatchAWordsStartNeverItsMiddle() {
    assertTrue(NameMatch.of("stat").matches("Applied Statistics"));
    assertFalse(NameMatch.of("tistics").matches("Applied Statistics"));
    assertTrue(NameMatch.of("statistics applied").matches("Applied Statistics"), "any order");
    assertFalse(NameMatch.of("statistics python").matches("Applied Statistics"), "every word");
    assertTrue(NameMatch.of("cafe").matches("Café Management"), "accents do not matter");
    assertTrue(NameMatch.of("  ").matches("anything"));
  }
}
