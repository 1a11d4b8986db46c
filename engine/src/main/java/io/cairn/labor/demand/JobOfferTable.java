package io.cairn.labor.demand;

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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Job-offer counts per occupation label, summed over countries, from the aggregated job-offer file
 * ({@code esco_role, country_name, n_job_offers, ...}). Labels are keyed trimmed and lower-cased, the form the
 * join with ESCO uses.
 *
 * @param offersByLabel job offers per normalised label, in file order
 * @param rows data rows read
 * @param sha256 the file's SHA-256, hex
 */
public record JobOfferTable(String fileName, Map<String, Long> offersByLabel, long rows, String sha256) {

  public JobOfferTable {
    offersByLabel = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(offersByLabel));
  }

  /** Reads the file; a row without a label or with a count that is not a whole number is refused. */
  public static JobOfferTable read(Path file) {
    MessageDigest digest = sha256Digest();
    Map<String, Long> offers = new LinkedHashMap<>();
    long rows = 0;
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest);
        var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
      for (CSVRecord record : format.parse(reader)) {
        String label = normalise(record.get("esco_role"));
        String count = record.get("n_job_offers").trim();
        if (label.isEmpty()) {
          throw new IllegalArgumentException(file + " line " + record.getRecordNumber() + ": empty esco_role");
        }
        try {
          offers.merge(label, (long) Double.parseDouble(count), Long::sum);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(file + " line " + record.getRecordNumber()
              + ": n_job_offers is not a number: '" + count + "'");
        }
        rows++;
      }
      in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read job offers from " + file, e);
    }
    return new JobOfferTable(file.getFileName().toString(), offers, rows, HexFormat.of().formatHex(digest.digest()));
  }

  /** The join key: trimmed, lower-cased. */
  public static String normalise(String label) {
    return label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
  }

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
