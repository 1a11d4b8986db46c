package io.cairn.labor.titles;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.labor.experiment.TrainingProgress;
import io.cairn.labor.model.LearnerSettings;
import io.cairn.labor.titles.eval.TitleReport;
import io.cairn.search.LabelSearch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A trained job-title normalizer, independent of any one catalog: the reranker (a Tribuo model), the vacancy
 * titles it remembers (cleaned text and occupation IRI: the training part of the split only, so the test titles
 * stay unseen), and its card (settings, split, data file, measured figures). Saved as a zip of
 * {@code reranker.tribuo} (Tribuo's own format, with its provenance), {@code titles.tsv} and {@code card.json};
 * {@link #bind} makes the {@link TitleNormalizer} over one snapshot. Immutable.
 */
public final class TitleModel {
  static final String RERANKER = "reranker.tribuo";
  static final String TITLES = "titles.tsv";
  static final String CARD = "card.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * How the model was made and how well it did.
   *
   * @param dataFile the labelled titles file and its SHA-256
   * @param report the figures measured on the held-out titles when it was trained
   */
  public record Card(String dataFile, String dataSha256, String split, long seed, TitleSettings settings,
      LearnerSettings learner, int rememberedTitles, TitleReport report, String tribuoProvenance) {}

  /** A remembered title: cleaned text and the IRI of its occupation. */
  record Title(String text, String occupationIri) {}

  private final Card card;
  private final TitleScorer scorer;
  private final List<Title> titles;

  TitleModel(Card card, TitleScorer scorer, List<Title> titles) {
    this.card = card;
    this.scorer = scorer;
    this.titles = List.copyOf(titles);
  }

  public Card card() {
    return card;
  }

  /**
   * Trains on {@code data} over {@code snapshot} and measures on its held-out titles: split by cleaned title
   * (seeded), the reranker chosen among {@code learners} on validation MRR.
   */
  public static TitleModel train(CatalogSnapshot snapshot, LabelSearch search, TitleData data, TitleSplit.Kind kind,
      long seed, List<LearnerSettings> learners, int maxTrainingQueries, int maxEvaluationTitles,
      TrainingProgress progress) {
    TitleData.Resolved resolved = data.resolve(snapshot);
    progress.stage(String.format(java.util.Locale.ROOT, "%,d labelled titles name an occupation of the catalog"
        + " (%,d do not)", resolved.rows().size(), resolved.unmatchedRows()));
    TitleExperiment experiment = new TitleExperiment(snapshot, search, resolved, progress, seed,
        Runtime.getRuntime().availableProcessors());
    TitleExperiment.Outcome outcome = experiment.run(kind, TitleSettings.defaults(), learners, maxTrainingQueries,
        maxEvaluationTitles);
    List<Title> titles = new ArrayList<>();
    for (TitleMemory.Remembered r : outcome.remembered()) {
      titles.add(new Title(r.text(), snapshot.occupation(r.occupation()).iri()));
    }
    Card card = new Card(data.fileName(), data.sha256(), kind.key(), seed, outcome.settings(), outcome.learner(),
        titles.size(), outcome.report(), outcome.scorer().provenance());
    return new TitleModel(card, outcome.scorer(), titles);
  }

  /** The normalizer over {@code snapshot}: remembered titles whose occupation it lacks are left out. */
  public TitleNormalizer bind(CatalogSnapshot snapshot, LabelSearch search) {
    List<TitleMemory.Remembered> remembered = new ArrayList<>();
    for (int i = 0; i < titles.size(); i++) {
      Title t = titles.get(i);
      int index = i;
      snapshot.findOccupation(t.occupationIri()).ifPresent(o -> remembered.add(
          new TitleMemory.Remembered(t.text(), o.index(), index)));
    }
    return TitleNormalizer.of(snapshot, TitleNormalizer.features(snapshot, search, remembered, card.settings()),
        scorer);
  }

  /** Writes the model to {@code file} (through a temporary file, so a reader never sees half a model). */
  public void save(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".part");
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(temp))) {
        ByteArrayOutputStream reranker = new ByteArrayOutputStream();
        scorer.write(reranker);
        entry(zip, RERANKER, reranker.toByteArray());
        StringBuilder tsv = new StringBuilder();
        for (Title t : titles) {
          tsv.append(t.text()).append('\t').append(t.occupationIri()).append('\n');
        }
        entry(zip, TITLES, tsv.toString().getBytes(StandardCharsets.UTF_8));
        entry(zip, CARD, JSON.writeValueAsBytes(card));
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the title model to " + file, e);
    }
  }

  /** Reads a model {@link #save} wrote; anything else is refused with what it lacks. */
  public static TitleModel load(Path file) {
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        entries.put(e.getName(), zip.readAllBytes());
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the title model " + file + ": " + e.getMessage(), e);
    }
    for (String name : List.of(RERANKER, TITLES, CARD)) {
      if (!entries.containsKey(name)) {
        throw new IllegalArgumentException(file + " is not a Cairn title model (no " + name
            + "); train one with 'cairn evaluate titles --out FILE'");
      }
    }
    try {
      Card card = JSON.readValue(entries.get(CARD), Card.class);
      TitleScorer scorer = TitleScorer.read(new ByteArrayInputStream(entries.get(RERANKER)));
      List<Title> titles = new ArrayList<>();
      for (String line : new String(entries.get(TITLES), StandardCharsets.UTF_8).split("\n")) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          titles.add(new Title(line.substring(0, tab), line.substring(tab + 1)));
        }
      }
      return new TitleModel(card, scorer, titles);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the title model " + file + ": " + e.getMessage(), e);
    }
  }

  private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
  }
}
