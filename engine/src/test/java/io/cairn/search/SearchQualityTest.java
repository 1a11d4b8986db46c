package io.cairn.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.interop.esco.FullEsco;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Search quality on full ESCO with queries in the words of job ads and course pages (the sets live in
 * src/test/resources/search/*.tsv). Prints every query's rank and the summary, and holds the summary to a floor
 * so that a change that makes search worse fails.
 */
class SearchQualityTest {
  private static CatalogSnapshot snapshot;
  private static LabelSearch search;

  record Case(String query, String expected) {}

  record Summary(int queries, double hitAt1, double hitAt3, double mrr) {}

  @BeforeAll
  static void index() {
    snapshot = FullEsco.catalog().snapshot();
    search = LabelSearch.of(snapshot);
  }

  static List<Case> cases(String file) throws IOException {
    try (InputStream in = SearchQualityTest.class.getResourceAsStream("/search/" + file)) {
      List<Case> cases = new ArrayList<>();
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 1; i < lines.length; i++) {
        String[] cells = lines[i].split("\t");
        if (cells.length >= 2 && !cells[0].isBlank()) {
          cases.add(new Case(cells[0].strip(), cells[1].strip()));
        }
      }
      return cases;
    }
  }

  static Summary measure(String name, List<Case> cases, LabelSearch.Kind kind, IntFunction<String> label) {
    int hit1 = 0;
    int hit3 = 0;
    double reciprocal = 0;
    System.out.printf("%n%s search, %d queries%n", name, cases.size());
    for (Case c : cases) {
      List<SearchHit> hits = search.search(kind, SearchRequest.of(c.query()), 10);
      int rank = 0;
      for (int i = 0; i < hits.size(); i++) {
        if (label.apply(hits.get(i).index()).equals(c.expected())) {
          rank = i + 1;
          break;
        }
      }
      hit1 += rank == 1 ? 1 : 0;
      hit3 += rank >= 1 && rank <= 3 ? 1 : 0;
      reciprocal += rank == 0 ? 0 : 1.0 / rank;
      System.out.printf(Locale.ROOT, "  %-4s %-40s -> %-45s (top: %s)%n", rank == 0 ? "-" : "#" + rank, c.query(),
          c.expected(), hits.isEmpty() ? "nothing" : label.apply(hits.getFirst().index()));
    }
    Summary s = new Summary(cases.size(), (double) hit1 / cases.size(), (double) hit3 / cases.size(),
        reciprocal / cases.size());
    System.out.printf(Locale.ROOT, "%s: hit@1 %.2f, hit@3 %.2f, MRR %.3f%n", name, s.hitAt1(), s.hitAt3(), s.mrr());
    return s;
  }

  @Test
  void occupationsAreFoundFromJobAdTitles() throws IOException {
    Summary s = measure("occupation", cases("occupation-queries.tsv"), LabelSearch.Kind.OCCUPATION,
        i -> snapshot.occupation(i).label());
    assertTrue(s.queries() >= 40, "the query set shrank");
    assertTrue(s.hitAt1() >= FLOOR_OCCUPATION_AT_1, "hit@1 fell to " + s.hitAt1());
    assertTrue(s.hitAt3() >= FLOOR_OCCUPATION_AT_3, "hit@3 fell to " + s.hitAt3());
  }

  @Test
  void competenciesAreFoundFromCourseWords() throws IOException {
    Summary s = measure("competency", cases("competency-queries.tsv"), LabelSearch.Kind.COMPETENCY,
        i -> snapshot.competency(i).label());
    assertTrue(s.queries() >= 30, "the query set shrank");
    assertTrue(s.hitAt1() >= FLOOR_COMPETENCY_AT_1, "hit@1 fell to " + s.hitAt1());
    assertTrue(s.hitAt3() >= FLOOR_COMPETENCY_AT_3, "hit@3 fell to " + s.hitAt3());
  }

  /**
   * Queries a label search cannot yet answer (no shared words, or only a very common one): measured and printed
   * so that progress shows, but not held to a floor. Closing them needs knowledge beyond labels (skills, demand).
   */
  @Test
  void hardQueriesAreMeasured() throws IOException {
    Summary occupations = measure("hard occupation", cases("occupation-queries-hard.tsv"), LabelSearch.Kind.OCCUPATION,
        i -> snapshot.occupation(i).label());
    Summary competencies = measure("hard competency", cases("competency-queries-hard.tsv"),
        LabelSearch.Kind.COMPETENCY, i -> snapshot.competency(i).label());
    assertTrue(occupations.queries() > 0 && competencies.queries() > 0);
  }

  /**
   * Type-ahead finds labels by their beginning at every length, on both sides of the longest indexed prefixes
   * (where one indexed prefix term gives way to a prefix query): every hit has a label word starting with the word
   * being typed, and the whole label typed out finds its occupation first.
   */
  @Test
  void typeAheadMatchesPrefixesOfEveryLength() {
    for (String label : List.of("software developer", "database administrator", "nurse responsible for general care")) {
      int expected = snapshot.occupations().stream().filter(o -> o.label().equals(label)).findFirst()
          .orElseThrow(() -> new AssertionError("no occupation labelled " + label)).index();
      for (int k = 1; k <= label.length(); k++) {
        String typed = label.substring(0, k);
        if (typed.endsWith(" ")) {
          continue;
        }
        String[] typedWords = typed.split(" ");
        String last = typedWords[typedWords.length - 1];
        List<SearchHit> hits = search.search(LabelSearch.Kind.OCCUPATION, SearchRequest.of(typed).suggesting(), 10);
        assertTrue(!hits.isEmpty(), "nothing for '" + typed + "'");
        for (SearchHit hit : hits) {
          List<String> words = List.of(LabelSearch.normalise(hit.matchedLabel()).split(" "));
          assertTrue(words.stream().anyMatch(w -> w.startsWith(last)),
              "'" + typed + "' found '" + hit.matchedLabel() + "', which has no word starting with '" + last + "'");
        }
        if (k == label.length()) {
          assertTrue(hits.getFirst().index() == expected, "'" + typed + "' did not find its occupation first");
        }
      }
    }
  }

  // a little under what the ranking measured when the sets were written (hit@1 0.96 and 0.93, hit@3 1.00)
  private static final double FLOOR_OCCUPATION_AT_1 = 0.9;
  private static final double FLOOR_OCCUPATION_AT_3 = 0.97;
  private static final double FLOOR_COMPETENCY_AT_1 = 0.88;
  private static final double FLOOR_COMPETENCY_AT_3 = 0.97;
}
