package io.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import io.cairn.graph.SampleData;
import io.cairn.labor.experiment.TrainingProgress;
import io.cairn.labor.model.LearnerSettings;
import io.cairn.labor.titles.TitleData;
import io.cairn.labor.titles.TitleExperiment;
import io.cairn.labor.titles.TitleModel;
import io.cairn.labor.titles.TitleSplit;
import io.cairn.search.LabelSearch;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/occupations?q=} on real vacancy titles the title model never saw: the model is trained on the
 * training part of the JobBERT titles that name an occupation of the sample (split by cleaned title, seeded), and
 * the test part is asked over HTTP, as written and with the noise job ads add, beside a server without the model.
 */
class OccupationTitlesApiTest {
  static final long SEED = 14;
  static final List<String> NOISE = List.of("%s (m/f/d)", "Senior %s - Remote", "%s, London", "%s f/m/x 100%%",
      "Junior %s | Full Time");
  private static TestServer withModel;
  private static TestServer withoutModel;
  private static List<String> heldOutTitles = new ArrayList<>();
  private static List<String> heldOutLabels = new ArrayList<>();

  @BeforeAll
  static void start() {
    LiveCatalog catalog = new LiveCatalog(GraphStore.inMemory());
    catalog.load(SampleData.sources());
    CatalogSnapshot snapshot = catalog.snapshot();
    LabelSearch search = LabelSearch.of(snapshot);
    TitleData data = TitleData.read(Path.of(System.getProperty("cairn.shared", "../shared"))
        .resolve("datasets/job-titles/jobbert_v1_titles.csv"));
    TitleModel model = TitleModel.train(snapshot, search, data, TitleSplit.Kind.TITLE, SEED,
        List.of(LearnerSettings.linear(5, false)), 1000, Integer.MAX_VALUE, TrainingProgress.silent());
    TitleData.Resolved resolved = data.resolve(snapshot);
    TitleSplit split = new TitleExperiment(snapshot, search, resolved, TrainingProgress.silent(), SEED, 1)
        .split(TitleSplit.Kind.TITLE);
    for (int r : split.test()) {
      heldOutTitles.add(resolved.rows().get(r).text());
      heldOutLabels.add(snapshot.occupation(resolved.occupations()[r]).label());
    }
    catalog.close();
    withModel = TestServer.start(null, model);
    withoutModel = TestServer.start(null, null);
  }

  @AfterAll
  static void stop() {
    withModel.close();
    withoutModel.close();
  }

  static List<String> top(TestServer server, String title, boolean suggest) {
    JsonNode body = TestServer.okJson(server.get("/api/occupations?limit=5&q="
        + URLEncoder.encode(title, StandardCharsets.UTF_8) + (suggest ? "&suggest=true" : "")));
    List<String> labels = new ArrayList<>();
    body.get("items").forEach(i -> labels.add(i.get("label").asText()));
    return labels;
  }

  static double top5(TestServer server, String pattern) {
    int found = 0;
    for (int i = 0; i < heldOutTitles.size(); i++) {
      found += top(server, String.format(Locale.ROOT, pattern, heldOutTitles.get(i)), false)
          .contains(heldOutLabels.get(i)) ? 1 : 0;
    }
    return (double) found / heldOutTitles.size();
  }

  @Test
  void heldOutTitlesFindTheirOccupationWithAndWithoutNoise() {
    assertTrue(heldOutTitles.size() >= 50, "too few held-out titles name a sample occupation: " + heldOutTitles.size());
    double plain = top5(withModel, "%s");
    double lucene = top5(withoutModel, "%s");
    System.out.printf(Locale.ROOT, "%nGET /api/occupations?q= on %d held-out titles naming sample occupations:"
        + " top-5 %.3f with the title model, %.3f without%n", heldOutTitles.size(), plain, lucene);
    assertTrue(plain >= 0.85, "top-5 over HTTP fell below 0.85: " + plain);
    assertTrue(plain > lucene, "the title model must beat cleaned label search");
    for (String pattern : NOISE) {
      double noisy = top5(withModel, pattern);
      System.out.printf(Locale.ROOT, "  with noise '%s': top-5 %.3f%n", pattern, noisy);
      assertTrue(noisy >= plain - 0.06, "noise '" + pattern + "' derails it: " + noisy + " vs " + plain);
    }
  }

  @Test
  void seniorPythonDeveloperIsASoftwareDeveloper() {
    for (String title : List.of("Senior Python Developer", "Senior Python Developer (m/f/d) - Remote")) {
      List<String> labels = top(withModel, title, false);
      assertEquals("software developer", labels.getFirst(), title + " -> " + labels);
      // without the model the cleaned title still reaches it (seniority and noise do not lead elsewhere)
      List<String> cleaned = top(withoutModel, title, false);
      assertTrue(cleaned.indexOf("software developer") >= 0 && cleaned.indexOf("software developer") < 2,
          title + " without the model -> " + cleaned);
    }
  }

  @Test
  void typeAheadUsesTheModelToo() {
    List<String> labels = top(withModel, "Senior Python Develo", true);
    assertTrue(labels.contains("software developer"), "type-ahead: " + labels);
  }
}
