package io.cairn.interop.esco;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Streams the rows of one ESCO CSV file, by header name; cells may span lines, so lines are not rows. */
final class EscoRows {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

  /** One data row: where it starts in the file and its cells by column name ("" when absent or empty). */
  record Row(String file, long line, Map<String, Integer> columns, CSVRecord record) {
    String get(String column) {
      Integer i = columns.get(column);
      return i == null || i >= record.size() ? "" : record.get(i).strip();
    }

    MalformedRowException malformed(String reason) {
      return new MalformedRowException(file, line, reason);
    }
  }

  /** Handles one row; may throw {@link MalformedRowException}. */
  interface RowHandler {
    void row(Row row);
  }

  private EscoRows() {}

  /**
   * Reads every row, checking the header holds {@code required} columns.
   *
   * @param onMalformed called for each malformed row; rethrow to stop the import
   * @return the number of data rows read (malformed ones included)
   */
  static long read(Reader reader, String file, List<String> required, RowHandler handler,
      java.util.function.Consumer<MalformedRowException> onMalformed, java.util.function.LongConsumer progress)
      throws IOException {
    try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
      Map<String, Integer> columns = new HashMap<>();
      parser.getHeaderMap().forEach((name, index) -> columns.put(name.replace("\uFEFF", "").strip(), index));
      List<String> missing = new ArrayList<>();
      for (String column : required) {
        if (!columns.containsKey(column)) {
          missing.add(column);
        }
      }
      if (!missing.isEmpty()) {
        throw new EscoFormatException(file + " has no column " + String.join(", ", missing) + "; its header is "
            + columns.keySet() + ". Is this an ESCO CSV download?");
      }
      long rows = 0;
      long nextLine = 2;
      java.util.Iterator<CSVRecord> records = parser.iterator();
      while (true) {
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
          // broken quoting: the rest of the file cannot be split into rows, so this ends the import
          throw new MalformedRowException(file, nextLine, "unreadable CSV (" + e.getMessage() + ")");
        }
        Row row = new Row(file, nextLine, columns, record);
        nextLine = parser.getCurrentLineNumber() + 1;
        rows++;
        try {
          // ESCO's own files leave trailing empty cells out (skillsHierarchy_en.csv does), so fewer cells is
          // fine; more cells than columns means the row was split wrongly
          if (record.size() > columns.size()) {
            throw row.malformed("has " + record.size() + " cells where the header has " + columns.size());
          }
          handler.row(row);
        } catch (MalformedRowException e) {
          onMalformed.accept(e);
        }
        if (rows % 5000 == 0) {
          progress.accept(rows);
        }
      }
      progress.accept(rows);
      return rows;
    }
  }
}
