package io.cairn.labor.postings;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Competency;
import io.cairn.catalog.Occupation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Finds the skills the posting's occupation needs where the posting says them in its own word order and word
 * forms: a label of the skill (preferred or alternative) whose content words, stemmed ("records" and "recording"
 * meet "record"), all occur in one sentence, with at most {@value #SPARE_WORDS} other words among them. Only the occupation's own skills are looked for this loosely, and
 * only labels of two or more content words, so a stray word cannot make a match.
 */
final class ContextMatcher {
  private static final Pattern SENTENCE_END = Pattern.compile("[.;:!?\\n\\r•·●▪*]+");
  private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "of", "to", "in", "on", "for", "and",
      "or", "with", "by", "as", "at", "from", "into", "about", "their", "your", "its", "our", "other", "others",
      "own", "such", "etc", "e", "g", "i", "ie", "eg");

  /** How many other words may stand among a label's words in the posting. */
  static final int SPARE_WORDS = 3;
  private final CatalogSnapshot snapshot;
  private final Map<Integer, List<LabelStems>> byOccupation = new java.util.concurrent.ConcurrentHashMap<>();

  ContextMatcher(CatalogSnapshot snapshot) {
    this.snapshot = snapshot;
  }

  /** One label of a skill as the stems of its content words. */
  private record LabelStems(int competency, String label, List<String> stems) {}

  /** A skill found, with the span of its words in the field. */
  record Match(int competency, String label, int start, int end) {}

  /** The occupation's skills said in {@code value}, at most one match per skill (the shortest span). */
  List<Match> find(Occupation occupation, String value) {
    List<LabelStems> labels = byOccupation.computeIfAbsent(occupation.index(), o -> labels(occupation));
    Map<Integer, Match> best = new HashMap<>();
    for (int[] sentence : sentences(value)) {
      List<Token> tokens = Tokens.of(value.substring(sentence[0], sentence[1]));
      Map<String, List<Token>> stems = new HashMap<>();
      for (Token t : tokens) {
        stems.computeIfAbsent(stem(t.key()), s -> new ArrayList<>()).add(t);
      }
      for (LabelStems label : labels) {
        if (!stems.keySet().containsAll(label.stems())) {
          continue;
        }
        int start = Integer.MAX_VALUE;
        int end = 0;
        int firstWord = Integer.MAX_VALUE;
        int lastWord = 0;
        for (String s : label.stems()) {
          Token first = stems.get(s).getFirst();
          start = Math.min(start, first.start());
          end = Math.max(end, first.end());
          firstWord = Math.min(firstWord, tokens.indexOf(first));
          lastWord = Math.max(lastWord, tokens.indexOf(first));
        }
        if (lastWord - firstWord + 1 > label.stems().size() + SPARE_WORDS) {
          continue;
        }
        Match m = new Match(label.competency(), label.label(), sentence[0] + start, sentence[0] + end);
        best.merge(label.competency(), m, (a, b) -> b.end() - b.start() < a.end() - a.start() ? b : a);
      }
    }
    return new ArrayList<>(best.values());
  }

  private List<LabelStems> labels(Occupation occupation) {
    List<LabelStems> labels = new ArrayList<>();
    for (int competency : occupation.essential().union(occupation.optional()).toArray()) {
      Competency c = snapshot.competency(competency);
      List<String> all = new ArrayList<>();
      all.add(c.label());
      all.addAll(c.altLabels());
      for (String label : all) {
        List<String> stems = contentStems(label);
        if (stems.size() >= 2) {
          labels.add(new LabelStems(competency, label, stems));
        }
      }
    }
    return labels;
  }

  private static List<String> contentStems(String label) {
    List<String> stems = new ArrayList<>();
    for (Token t : Tokens.of(label)) {
      if (!FUNCTION_WORDS.contains(t.key())) {
        String s = stem(t.key());
        if (!stems.contains(s)) {
          stems.add(s);
        }
      }
    }
    return stems;
  }

  private static List<int[]> sentences(String value) {
    List<int[]> sentences = new ArrayList<>();
    var m = SENTENCE_END.matcher(value);
    int start = 0;
    while (m.find()) {
      sentences.add(new int[] {start, m.start()});
      start = m.end();
    }
    sentences.add(new int[] {start, value.length()});
    return sentences;
  }

  private static String stem(String word) {
    EnglishStemmer stemmer = new EnglishStemmer();
    stemmer.setCurrent(word);
    stemmer.stem();
    return stemmer.getCurrent();
  }
}
