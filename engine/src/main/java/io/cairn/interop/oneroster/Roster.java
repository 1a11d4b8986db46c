package io.cairn.interop.oneroster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OneRoster 1.2 objects about one learner that Cairn reads, whether from the REST services or a CSV bulk
 * export: their enrollments, the classes and courses those are in, their results and the line items those grade.
 * Only the fields Cairn uses are kept; objects with status {@code tobedeleted} are left out by the readers.
 */
public record Roster(List<Enrollment> enrollments, List<RosterClass> classes, List<Course> courses,
    List<LineItem> lineItems, List<Result> results) {

  public Roster {
    enrollments = List.copyOf(enrollments);
    classes = List.copyOf(classes);
    courses = List.copyOf(courses);
    lineItems = List.copyOf(lineItems);
    results = List.copyOf(results);
  }

  /** A user's enrollment in a class, with their role there ({@code student}, {@code teacher}, ...). */
  public record Enrollment(String sourcedId, String userSourcedId, String classSourcedId, String role) {}

  /** A class (a section of a course). */
  public record RosterClass(String sourcedId, String courseSourcedId, String title) {}

  /** A course, with the code the institution knows it by. */
  public record Course(String sourcedId, String courseCode, String title) {}

  /** A gradebook column of a class. */
  public record LineItem(String sourcedId, String classSourcedId, String title) {}

  /**
   * A learner's result on a line item: the numeric score and/or text score and how final it is ({@code scoreStatus}:
   * {@code fully graded}, {@code partially graded}, {@code submitted}, {@code exempt}, {@code not submitted}).
   *
   * @param classSourcedId the class, when the result names it (OneRoster 1.2 allows it); else the line item's
   */
  public record Result(String sourcedId, String lineItemSourcedId, String studentSourcedId, String classSourcedId,
      String scoreStatus, Double score, String textScore) {}

  /**
   * One course of the learner as the SIS has it: the course, and the results the learner has in its classes.
   *
   * @param enrolled whether the learner has a student enrollment in one of its classes
   */
  public record CourseRecord(Course course, boolean enrolled, List<Result> results) {
    public CourseRecord {
      results = List.copyOf(results);
    }
  }

  /** The courses {@code learner} is enrolled in as a student or has results in, each with those results. */
  public List<CourseRecord> coursesOf(String learner) {
    Map<String, RosterClass> classById = new LinkedHashMap<>();
    classes.forEach(c -> classById.put(c.sourcedId(), c));
    Map<String, Course> courseById = new LinkedHashMap<>();
    courses.forEach(c -> courseById.put(c.sourcedId(), c));
    Map<String, LineItem> itemById = new LinkedHashMap<>();
    lineItems.forEach(i -> itemById.put(i.sourcedId(), i));
    Map<String, Boolean> enrolled = new LinkedHashMap<>();
    Map<String, List<Result>> resultsByCourse = new LinkedHashMap<>();
    for (Enrollment e : enrollments) {
      if (e.userSourcedId().equals(learner) && e.role().equalsIgnoreCase("student")) {
        courseOf(e.classSourcedId(), classById).ifPresent(course -> {
          enrolled.put(course, true);
          resultsByCourse.computeIfAbsent(course, k -> new ArrayList<>());
        });
      }
    }
    for (Result r : results) {
      if (!r.studentSourcedId().equals(learner)) {
        continue;
      }
      String classId = r.classSourcedId() != null && !r.classSourcedId().isBlank() ? r.classSourcedId()
          : Optional.ofNullable(itemById.get(r.lineItemSourcedId())).map(LineItem::classSourcedId).orElse("");
      courseOf(classId, classById).ifPresent(course -> resultsByCourse.computeIfAbsent(course,
          k -> new ArrayList<>()).add(r));
    }
    List<CourseRecord> records = new ArrayList<>();
    resultsByCourse.forEach((courseId, courseResults) -> records.add(new CourseRecord(
        courseById.getOrDefault(courseId, new Course(courseId, "", "")), enrolled.getOrDefault(courseId, false),
        courseResults)));
    return records;
  }

  private static Optional<String> courseOf(String classId, Map<String, RosterClass> classById) {
    return Optional.ofNullable(classById.get(classId)).map(RosterClass::courseSourcedId).filter(s -> !s.isBlank());
  }
}
