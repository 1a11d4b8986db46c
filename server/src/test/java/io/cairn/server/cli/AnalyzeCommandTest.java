package io.cairn.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** {@code cairn analyze} on the sample: tables, JSON and CSV, and bad filters as one-line errors. */
class AnalyzeCommandTest {
  @Test
  void overlapPrintsThePlantedPairsAsATableAndTheSameAsCsv() throws Exception {
    CliRun table = CliRun.of("analyze", "overlap", "--in-memory", "--issuer", "copycat-badges");
    assertEquals(0, table.exit(), table.err());
    assertTrue(table.out().contains("2 pairs with Jaccard >= 0.50"), table.out());
    assertTrue(table.out().contains("[cc-data-cleaning-bootcamp]") && table.out().contains("JACCARD"), table.out());
    CliRun csv = CliRun.of("analyze", "overlap", "--in-memory", "--csv");
    assertEquals(0, csv.exit(), csv.err());
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv.out())).getRecords();
    assertTrue(rows.size() > 20, "every pair, not a page: " + rows.size());
    assertTrue(rows.stream().anyMatch(r -> r.get("a_id").startsWith("cc-") || r.get("b_id").startsWith("cc-")));
  }

  @Test
  void inflationAndGapsPrintTheirFindings() {
    CliRun inflation = CliRun.of("analyze", "inflation", "--in-memory", "--signal", "covered-by-cheaper");
    assertEquals(0, inflation.exit(), inflation.err());
    assertTrue(inflation.out().contains("Every skill of Data Cleaning Bootcamp is also taught by"), inflation.out());
    CliRun gaps = CliRun.of("analyze", "gaps", "--in-memory", "--json");
    assertEquals(0, gaps.exit(), gaps.err());
    assertTrue(gaps.out().contains("\"neuromarketing techniques\"") && gaps.out().contains("\"untaught\""),
        gaps.out());
  }

  @Test
  void badFiltersAreOneLineErrors() {
    for (String[] args : List.of(new String[] {"analyze", "overlap", "--in-memory", "--min-similarity", "0"},
        new String[] {"analyze", "nonsense", "--in-memory"},
        new String[] {"analyze", "gaps", "--in-memory", "--isco", "9"},
        new String[] {"analyze", "inflation", "--in-memory", "--issuer", "nobody"})) {
      CliRun r = CliRun.of(args);
      assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.out());
      assertFalse(r.err().contains("\tat "), r.err());
      assertFalse(r.err().isBlank());
    }
  }
}
