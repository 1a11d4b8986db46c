package io.cairn.labor.postings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.Cairn;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.interop.esco.FullEsco;
import io.cairn.labor.titles.QuickTitleModel;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Skills read from job postings against the skills a careful reader tagged ({@code postings/postings.json}, written
 * before the reader existed): precision and recall over the postings' (skill) pairs, micro-averaged, on full ESCO
 * with the title model. p01-p10 shaped the rules and are printed for reference; p11-p40 were not looked at while
 * shaping them, and their figures are held to a floor just under what they measure.
 */
class PostingSkillsQualityTest {
  private static Cairn cairn;
  private static CatalogSnapshot snapshot;
  private static JsonNode postings;

  record Score(int postings, int found, int tagged, int correct) {
    double precision() {
      return found == 0 ? 0 : (double) correct / found;
    }

    double recall() {
      return tagged == 0 ? 0 : (double) correct / tagged;
    }
  }

  @BeforeAll
  static void read() throws IOException {
    cairn = Cairn.over(FullEsco.catalog()).readingTitles(QuickTitleModel.model());
    snapshot = cairn.snapshot();
    try (InputStream in = PostingSkillsQualityTest.class.getResourceAsStream("/postings/postings.json")) {
      postings = new ObjectMapper().readTree(in);
    }
  }

  static Score score(String set) {
    int n = 0;
    int found = 0;
    int tagged = 0;
    int correct = 0;
    System.out.printf("%nPostings (%s set):%n", set);
    for (JsonNode p : postings) {
      if (!p.get("set").asText().equals(set)) {
        continue;
      }
      n++;
      Set<String> gold = new HashSet<>();
      p.get("skills").forEach(s -> gold.add(s.get("id").asText()));
      Cairn.PostingSkillsAnswer answer = cairn.postingSkills(Posting.of(p.get("title").asText(),
          p.get("text").asText()));
      Set<String> got = new HashSet<>();
      List<String> wrong = new ArrayList<>();
      for (FoundSkill s : answer.skills().skills()) {
        String id = snapshot.competency(s.competency()).id();
        got.add(id);
        if (!gold.contains(id)) {
          wrong.add(snapshot.competency(s.competency()).label());
        }
        for (Evidence e : s.evidence()) {
          String value = e.field().equals("title") ? p.get("title").asText() : p.get("text").asText();
          assertEquals(e.text(), value.substring(e.start(), e.end()), "evidence span of " + id);
        }
      }
      int hit = (int) got.stream().filter(gold::contains).count();
      found += got.size();
      tagged += gold.size();
      correct += hit;
      String occupation = answer.skills().occupation() == null ? "-"
          : snapshot.occupation(answer.skills().occupation().occupation()).label();
      System.out.printf(Locale.ROOT, "  %s %-45s -> %-30s found %2d, tagged %2d, correct %2d; not tagged: %s%n",
          p.get("id").asText(), p.get("title").asText(), occupation, got.size(), gold.size(), hit, wrong);
    }
    Score s = new Score(n, found, tagged, correct);
    System.out.printf(Locale.ROOT, "%s set: %d postings, precision %.3f (%d/%d), recall %.3f (%d/%d)%n", set, n,
        s.precision(), correct, found, s.recall(), correct, tagged);
    return s;
  }

  @Test
  void everyTagNamesAnEscoConcept() {
    for (JsonNode p : postings) {
      p.get("skills").forEach(s -> assertTrue(snapshot.findCompetency(s.get("id").asText()).isPresent(),
          p.get("id").asText() + " tags " + s));
    }
  }

  @Test
  void precisionAndRecallOnTheMeasurementPostings() {
    score("dev");
    Score test = score("test");
    assertEquals(30, test.postings());
    assertTrue(test.precision() >= 0.50, "precision on p11-p40 fell: " + test.precision());
    assertTrue(test.recall() >= 0.22, "recall on p11-p40 fell: " + test.recall());
  }

  @Test
  void emptyAndOversizedPostingsAreRefusedWithWhatToFix() {
    var empty = assertThrows(IllegalArgumentException.class, () -> cairn.postingSkills(Posting.of(" ", null)));
    assertTrue(empty.getMessage().contains("'text'"), empty.getMessage());
    var long_ = assertThrows(IllegalArgumentException.class, () -> cairn.postingSkills(
        Posting.of("Nurse", "x".repeat(Posting.MAX_TEXT + 1))));
    assertTrue(long_.getMessage().contains("at most"), long_.getMessage());
  }
}
