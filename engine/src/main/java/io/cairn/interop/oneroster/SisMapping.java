package io.cairn.interop.oneroster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operator's mapping from SIS courses to Cairn credentials, with the rule a result must meet to count as
 * passed. A file looks like:
 *
 * <pre>{@code
 * {"minScore": 50,
 *  "courses": [{"courseCode": "STAT-210", "credential": "nb-mc-applied-statistics"},
 *              {"sourcedId": "course-ds-101", "credential": "sf-python-data-analysis", "minScore": 65},
 *              {"courseCode": "PM-100", "credential": "pm-agile-foundations", "passTexts": ["pass", "P"]}]}
 * }</pre>
 *
 * A course is matched by its {@code sourcedId} or its {@code courseCode}. A result passes when it is {@code fully
 * graded} and its score reaches the course's {@code minScore} (else the file's), or its text score is one of the
 * course's {@code passTexts} (compared ignoring case): either rule is enough.
 */
public record SisMapping(List<CourseRule> courses, Optional<Double> minScore) {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String FULLY_GRADED = "fully graded";

  public SisMapping {
    courses = List.copyOf(courses);
  }

  /** One course's mapping: matched by sourcedId or course code, to a credential, with its passing rule. */
  public record CourseRule(String sourcedId, String courseCode, String credential, Double minScore,
      List<String> passTexts) {
    public CourseRule {
      sourcedId = sourcedId == null ? "" : sourcedId.trim();
      courseCode = courseCode == null ? "" : courseCode.trim();
      passTexts = passTexts == null ? List.of() : List.copyOf(passTexts);
    }

    boolean matches(Roster.Course course) {
      return (!sourcedId.isEmpty() && sourcedId.equals(course.sourcedId()))
          || (!courseCode.isEmpty() && courseCode.equalsIgnoreCase(course.courseCode()));
    }
  }

  private record FileBody(Double minScore, List<CourseRule> courses) {}

  /**
   * Reads the operator's mapping file.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static SisMapping load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no SIS mapping file at " + file.toAbsolutePath());
    }
    FileBody body;
    try {
      body = JSON.readValue(file.toFile(), FileBody.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + " is not a SIS mapping: " + e.getOriginalMessage() + "; expected "
          + "{\"minScore\": N, \"courses\": [{\"courseCode\" or \"sourcedId\", \"credential\"}]}");
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
    }
    if (body == null || body.courses() == null || body.courses().isEmpty()) {
      throw new IllegalArgumentException(file + " maps no courses: give \"courses\": [{\"courseCode\": ..., "
          + "\"credential\": ...}]");
    }
    for (int i = 0; i < body.courses().size(); i++) {
      CourseRule rule = body.courses().get(i);
      String where = file + ": courses[" + i + "]";
      if (rule == null || (rule.sourcedId().isEmpty() && rule.courseCode().isEmpty())) {
        throw new IllegalArgumentException(where + " needs a \"sourcedId\" or a \"courseCode\"");
      }
      if (rule.credential() == null || rule.credential().isBlank()) {
        throw new IllegalArgumentException(where + " needs the \"credential\" (a Cairn credential id) it counts as");
      }
      if (rule.minScore() == null && body.minScore() == null && rule.passTexts().isEmpty()) {
        throw new IllegalArgumentException(where + " has no passing rule: give \"minScore\" (here or for the whole "
            + "file) or \"passTexts\"");
      }
    }
    return new SisMapping(body.courses(), Optional.ofNullable(body.minScore()));
  }

  /**
   * A course the learner passed, as the credential it counts as.
   *
   * @param credential the Cairn credential id the mapping names
   * @param result the result that passed
   */
  public record SisHolding(String credential, Roster.Course course, Roster.Result result) {}

  /**
   * A course of the learner that counts for nothing (yet), and why.
   *
   * @param credential the credential it would count as; empty when no mapping names the course
   */
  public record NotCounted(Roster.Course course, Optional<String> credential, String reason) {}

  /** What the SIS says a learner holds, in Cairn's terms. */
  public record SisHoldings(String learner, List<SisHolding> passed, List<NotCounted> notCounted) {
    public SisHoldings {
      passed = List.copyOf(passed);
      notCounted = List.copyOf(notCounted);
    }

    /** The credential ids passed, each once, in order. */
    public List<String> credentials() {
      return passed.stream().map(SisHolding::credential).distinct().toList();
    }
  }

  /** Maps the learner's courses in {@code roster} to credentials, with the passing rule. */
  public SisHoldings holdings(String learner, Roster roster) {
    List<SisHolding> passed = new ArrayList<>();
    List<NotCounted> notCounted = new ArrayList<>();
    for (Roster.CourseRecord record : roster.coursesOf(learner)) {
      Optional<CourseRule> rule = courses.stream().filter(r -> r.matches(record.course())).findFirst();
      if (rule.isEmpty()) {
        notCounted.add(new NotCounted(record.course(), Optional.empty(), "no mapping names this course ("
            + describe(record.course()) + ")"));
        continue;
      }
      Optional<Roster.Result> passing = record.results().stream().filter(r -> passes(rule.get(), r)).findFirst();
      if (passing.isPresent()) {
        passed.add(new SisHolding(rule.get().credential(), record.course(), passing.get()));
      } else {
        notCounted.add(new NotCounted(record.course(), Optional.of(rule.get().credential()),
            record.results().isEmpty() ? "no result yet" : "no fully graded result meets the rule ("
                + ruleText(rule.get()) + "); results: " + record.results().stream().map(SisMapping::resultText)
                .collect(Collectors.joining(", "))));
      }
    }
    return new SisHoldings(learner, passed, notCounted);
  }

  private boolean passes(CourseRule rule, Roster.Result result) {
    if (!FULLY_GRADED.equalsIgnoreCase(result.scoreStatus())) {
      return false;
    }
    Double min = min(rule);
    if (min != null && result.score() != null && result.score() >= min) {
      return true;
    }
    Set<String> texts = rule.passTexts().stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    return result.textScore() != null && texts.contains(result.textScore().trim().toLowerCase(Locale.ROOT));
  }

  private String ruleText(CourseRule rule) {
    Double min = min(rule);
    List<String> parts = new ArrayList<>();
    if (min != null) {
      parts.add("score at least " + (min == Math.rint(min) ? String.valueOf(min.longValue()) : min));
    }
    if (!rule.passTexts().isEmpty()) {
      parts.add("text score one of " + rule.passTexts());
    }
    return String.join(" or ", parts);
  }

  private Double min(CourseRule rule) {
    return rule.minScore() != null ? rule.minScore() : minScore.orElse(null);
  }

  private static String resultText(Roster.Result r) {
    return (r.score() != null ? String.valueOf(r.score()) : r.textScore() != null ? r.textScore() : "no score")
        + " (" + r.scoreStatus() + ")";
  }

  private static String describe(Roster.Course course) {
    return course.courseCode().isEmpty() ? course.sourcedId() : course.courseCode() + ", " + course.sourcedId();
  }
}
