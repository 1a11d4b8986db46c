package io.cairn.labor.titles;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.interop.esco.FullEsco;
import io.cairn.labor.model.LearnerSettings;
import io.cairn.search.LabelSearch;
import java.nio.file.Path;
import java.util.List;

/**
 * The title model as CI trains it on full ESCO (linear reranker on 2,000 training titles, 1,500 validation and
 * test titles measured; split by cleaned title, seed 14), trained once per test JVM and shared by the tests that
 * need it.
 */
public final class QuickTitleModel {
  public static final long SEED = 14;
  private static TitleModel model;
  private static LabelSearch search;

  private QuickTitleModel() {}

  public static Path titlesFile() {
    return Path.of(System.getProperty("cairn.shared", "../shared")).resolve("datasets/job-titles/jobbert_v1_titles.csv");
  }

  public static synchronized TitleModel model() {
    if (model == null) {
      CatalogSnapshot snapshot = FullEsco.catalog().snapshot();
      model = TitleModel.train(snapshot, search(), TitleData.read(titlesFile()), TitleSplit.Kind.TITLE, SEED,
          List.of(LearnerSettings.linear(5, false)), 2000, 1500, System.out::println);
    }
    return model;
  }

  /** Cairn's label search over full ESCO. */
  public static synchronized LabelSearch search() {
    if (search == null) {
      search = LabelSearch.of(FullEsco.catalog().snapshot());
    }
    return search;
  }
}
