package io.cairn.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.interop.esco.FullEsco;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of label search on seeded queries: a page of {@code limit} hits is the start of the whole ranking
 * (the search skips labels once a page is full, ties included, and what it skips must not matter).
 */
class LabelSearchProperties {
  private static CatalogSnapshot snapshot;
  private static LabelSearch search;

  @BeforeAll
  static void index() {
    snapshot = FullEsco.catalog().snapshot();
    search = LabelSearch.of(snapshot);
  }

  static LongStream seeds() {
    return LongStream.range(0, 60).map(i -> 0x5EA4C4L + i);
  }

  /** A query as people type them: the start of a real label, a few of its words, or an unfinished word. */
  private static SearchRequest query(Random r, String label) {
    String[] words = label.split("\\s+");
    int from = r.nextInt(words.length);
    int to = from + 1 + r.nextInt(Math.min(3, words.length - from));
    String text = String.join(" ", List.of(words).subList(from, to));
    if (r.nextBoolean()) {
      text = text.substring(0, 1 + r.nextInt(text.length()));
    }
    SearchRequest request = SearchRequest.of(text);
    return r.nextBoolean() ? request.suggesting() : request;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aPageIsTheStartOfTheWholeRanking(long seed) {
    Random r = new Random(seed);
    for (int i = 0; i < 20; i++) {
      boolean occupation = r.nextBoolean();
      String label = occupation ? snapshot.occupations().get(r.nextInt(snapshot.occupations().size())).label()
          : snapshot.competencies().get(r.nextInt(snapshot.competencies().size())).label();
      LabelSearch.Kind kind = occupation ? LabelSearch.Kind.OCCUPATION : LabelSearch.Kind.COMPETENCY;
      SearchRequest request = query(r, label);
      int limit = 1 + r.nextInt(r.nextBoolean() ? 5 : 40);
      List<SearchHit> all = search.search(kind, request, Integer.MAX_VALUE);
      List<SearchHit> page = search.search(kind, request, limit);
      assertEquals(all.subList(0, Math.min(limit, all.size())), page,
          () -> "seed " + seed + ": " + kind + " '" + request.text() + "' suggest=" + request.suggest() + " limit "
              + limit);
    }
  }
}
