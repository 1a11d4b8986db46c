package io.cairn.labor.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The model file: a zip holding the Tribuo model (Tribuo's own protobuf format, with its provenance), the model
 * card as JSON, the item weights fitted on every occupation, and the job offers per occupation IRI that served
 * predictions use. Written to a temporary file and moved into place, so a reader never sees half a model.
 */
final class ModelBundle {
  static final String MODEL = "model.tribuo";
  static final String CARD = "model-card.json";
  static final String ITEM_WEIGHTS = "item-weights.bin";
  static final String JOB_OFFERS = "job-offers.json";
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ModelBundle() {}

  /** The parts as read. */
  record Parts(LearnedScorer scorer, ModelCard card, byte[] itemWeights, Map<String, Long> jobOffers) {}

  static void write(Path file, LearnedScorer scorer, ModelCard card, byte[] itemWeights, Map<String, Long> jobOffers) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".part");
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(temp))) {
        entry(zip, MODEL, scorer::write);
        entry(zip, CARD, out -> JSON.writeValue(nonClosing(out), card));
        entry(zip, ITEM_WEIGHTS, out -> out.write(itemWeights));
        entry(zip, JOB_OFFERS, out -> JSON.writeValue(nonClosing(out), new TreeMap<>(jobOffers)));
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the model to " + file, e);
    }
  }

  static Parts read(Path file) {
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        entries.put(e.getName(), zip.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the model file " + file, e);
    }
    for (String name : new String[] {MODEL, CARD, ITEM_WEIGHTS, JOB_OFFERS}) {
      if (!entries.containsKey(name)) {
        throw new IllegalArgumentException(file + " is not a Cairn skill-value model (no " + name
            + "); train one with 'cairn train'");
      }
    }
    try {
      ModelCard card = JSON.readValue(entries.get(CARD), ModelCard.class);
      LearnedScorer scorer = LearnedScorer.read(new ByteArrayInputStream(entries.get(MODEL)),
          card.learner().kind().equals("linear"));
      Map<String, Long> offers = JSON.readValue(entries.get(JOB_OFFERS),
          new com.fasterxml.jackson.core.type.TypeReference<Map<String, Long>>() { });
      return new Parts(scorer, card, entries.get(ITEM_WEIGHTS), offers);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the model file " + file, e);
    }
  }

  private interface Writer {
    void write(OutputStream out) throws IOException;
  }

  private static void entry(ZipOutputStream zip, String name, Writer writer) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    writer.write(buffer);
    buffer.writeTo(zip);
    zip.closeEntry();
  }

  private static OutputStream nonClosing(OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }

  static InputStream bytes(byte[] data) {
    return new ByteArrayInputStream(data);
  }
}
