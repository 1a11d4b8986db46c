package io.cairn.labor.titles;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Occupation;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Vacancy titles labelled with their ESCO occupation, as the JobBERT title file gives them ({@code text, label}:
 * the title as the vacancy wrote it and the occupation's English preferred label), with the file's SHA-256.
 *
 * @param rows every row, in file order
 */
public record TitleData(String fileName, String sha256, List<Row> rows) {

  /** One labelled title as written. */
  public record Row(String text, String label) {}

  public TitleData {
    rows = List.copyOf(rows);
  }

  /** Reads the file; a row without text or label is refused with its line. */
  public static TitleData read(Path file) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    List<Row> rows = new ArrayList<>();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest);
        var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
      var parser = format.parse(reader);
      if (!parser.getHeaderNames().contains("text") || !parser.getHeaderNames().contains("label")) {
        throw new IllegalArgumentException(file + " must have the columns text and label, has "
            + parser.getHeaderNames());
      }
      for (CSVRecord record : parser) {
        String text = record.get("text");
        String label = record.get("label");
        if (text == null || text.isBlank() || label == null || label.isBlank()) {
          throw new IllegalArgumentException(file + " record " + record.getRecordNumber() + ": empty text or label");
        }
        rows.add(new Row(text, label));
      }
      in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read labelled titles from " + file, e);
    }
    return new TitleData(file.getFileName().toString(), HexFormat.of().formatHex(digest.digest()), rows);
  }

  /**
   * The rows whose label names an occupation of {@code snapshot}: by preferred label (trimmed, lower case), else
   * by an alternative label that only one occupation has. Rows naming none are left out and counted.
   *
   * @param occupations per kept row, the occupation's snapshot index
   * @param unmatched labels that named no occupation, with their row counts
   */
  public record Resolved(List<Row> rows, int[] occupations, Map<String, Integer> unmatched) {
    public Resolved {
      rows = List.copyOf(rows);
      unmatched = java.util.Collections.unmodifiableMap(new TreeMap<>(unmatched));
    }

    public int unmatchedRows() {
      return unmatched.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  public Resolved resolve(CatalogSnapshot snapshot) {
    Map<String, Integer> preferred = new HashMap<>();
    Map<String, Integer> alternative = new HashMap<>();
    for (Occupation o : snapshot.occupations()) {
      preferred.put(key(o.label()), o.index());
      for (String alt : o.altLabels()) {
        alternative.merge(key(alt), o.index(), (a, b) -> a.equals(b) ? a : -1);
      }
    }
    List<Row> kept = new ArrayList<>();
    List<Integer> occupations = new ArrayList<>();
    Map<String, Integer> unmatched = new HashMap<>();
    for (Row row : rows) {
      Integer o = preferred.get(key(row.label()));
      if (o == null) {
        Integer alt = alternative.get(key(row.label()));
        o = alt == null || alt < 0 ? null : alt;
      }
      if (o == null) {
        unmatched.merge(row.label().strip(), 1, Integer::sum);
      } else {
        kept.add(row);
        occupations.add(o);
      }
    }
    return new Resolved(kept, occupations.stream().mapToInt(Integer::intValue).toArray(), unmatched);
  }

  private static String key(String label) {
    return label.strip().toLowerCase(Locale.ROOT);
  }
}
