package io.cairn.interop.oneroster;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a OneRoster 1.2 CSV bulk export (the folder of a unzipped bundle: {@code enrollments.csv},
 * {@code classes.csv}, {@code courses.csv}, and the gradebook's {@code lineItems.csv} and {@code results.csv}), with
 * Commons CSV, keeping the rows about one learner (and the classes, courses and line items those need). Columns are
 * found by their header names; rows with status {@code tobedeleted} are left out.
 */
public final class OneRosterCsv {
  private OneRosterCsv() {}

  /**
   * The roster of {@code learner} in the bundle at {@code folder}.
   *
   * @throws IllegalArgumentException when a required file or column is missing, or a score is not a number
   */
  public static Roster read(Path folder, String learner) {
    List<Roster.Enrollment> enrollments = rows(folder, "enrollments.csv", true,
        r -> new Roster.Enrollment(r.get("sourcedId"), r.get("userSourcedId"), r.get("classSourcedId"),
            r.get("role")), e -> e.userSourcedId().equals(learner));
    List<Roster.Result> results = rows(folder, "results.csv", false, OneRosterCsv::result,
        r -> r.studentSourcedId().equals(learner));
    List<Roster.LineItem> items = rows(folder, "lineItems.csv", false, r -> new Roster.LineItem(r.get("sourcedId"),
        r.get("classSourcedId"), optional(r, "title")), i -> results.stream()
        .anyMatch(r -> r.lineItemSourcedId().equals(i.sourcedId())));
    List<Roster.RosterClass> classes = rows(folder, "classes.csv", true, r -> new Roster.RosterClass(
        r.get("sourcedId"), r.get("courseSourcedId"), optional(r, "title")), c -> enrollments.stream()
        .anyMatch(e -> e.classSourcedId().equals(c.sourcedId())) || items.stream()
        .anyMatch(i -> i.classSourcedId().equals(c.sourcedId())) || results.stream()
        .anyMatch(r -> c.sourcedId().equals(r.classSourcedId())));
    List<Roster.Course> courses = rows(folder, "courses.csv", true, r -> new Roster.Course(r.get("sourcedId"),
        optional(r, "courseCode"), optional(r, "title")), c -> classes.stream()
        .anyMatch(k -> k.courseSourcedId().equals(c.sourcedId())));
    return new Roster(enrollments, classes, courses, items, results);
  }

  private static Roster.Result result(CSVRecord r) {
    String score = optional(r, "score");
    Double numeric = null;
    if (!score.isBlank()) {
      try {
        numeric = Double.valueOf(score.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("results.csv line " + r.getRecordNumber() + ": the score '" + score
            + "' is not a number");
      }
    }
    String text = optional(r, "textScore");
    return new Roster.Result(r.get("sourcedId"), r.get("lineItemSourcedId"), r.get("studentSourcedId"),
        optional(r, "classSourcedId"), optional(r, "scoreStatus"), numeric, text.isBlank() ? null : text);
  }

  private static String optional(CSVRecord r, String column) {
    return r.isMapped(column) && r.isSet(column) ? r.get(column) : "";
  }

  private static <T> List<T> rows(Path folder, String name, boolean required, Function<CSVRecord, T> read,
      Predicate<T> keep) {
    Path file = folder.resolve(name);
    if (!Files.isRegularFile(file)) {
      if (required) {
        throw new IllegalArgumentException("the OneRoster CSV bundle " + folder.toAbsolutePath() + " has no " + name);
      }
      return List.of();
    }
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    List<T> kept = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(in, format)) {
      for (CSVRecord record : parser) {
        if ("tobedeleted".equalsIgnoreCase(optional(record, "status"))) {
          continue;
        }
        T row;
        try {
          row = read.apply(record);
        } catch (IllegalArgumentException e) {
          if (e.getMessage() != null && e.getMessage().contains("line ")) {
            throw e;
          }
          throw new IllegalArgumentException(name + " line " + record.getRecordNumber() + ": " + e.getMessage()
              + "; the OneRoster 1.2 CSV columns are needed (" + parser.getHeaderNames() + " given)");
        }
        if (keep.test(row)) {
          kept.add(row);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return kept;
  }
}
