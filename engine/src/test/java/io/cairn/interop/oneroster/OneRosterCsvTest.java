package io.cairn.interop.oneroster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OneRoster 1.2 CSV bulk reader and the operator's course mapping, on a bundle written with the columns of the
 * OneRoster 1.2 CSV binding (enrollments, classes, courses, lineItems, results), for two learners.
 */
class OneRosterCsvTest {
  @TempDir
  Path bundle;

  static void writeBundle(Path dir) throws IOException {
    Files.writeString(dir.resolve("courses.csv"), """
        sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes
        crs-stat,active,2026-06-01T00:00:00.000Z,sy-2026,Applied statistics,STAT-210,,org-1,,
        crs-mine,active,2026-06-01T00:00:00.000Z,sy-2026,Data mining,DM-300,,org-1,,
        crs-bigd,active,2026-06-01T00:00:00.000Z,sy-2026,Big data platforms,BD-310,,org-1,,
        crs-art,active,2026-06-01T00:00:00.000Z,sy-2026,"Drawing, life and still",ART-101,,org-1,,
        crs-gone,tobedeleted,2026-06-01T00:00:00.000Z,sy-2026,Withdrawn,OLD-1,,org-1,,
        """);
    Files.writeString(dir.resolve("classes.csv"), """
        sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods
        cls-stat-a,active,2026-06-01T00:00:00.000Z,STAT-210 A,,crs-stat,A,scheduled,,org-1,term-1,,,
        cls-mine-a,active,2026-06-01T00:00:00.000Z,DM-300 A,,crs-mine,A,scheduled,,org-1,term-1,,,
        cls-bigd-a,active,2026-06-01T00:00:00.000Z,BD-310 A,,crs-bigd,A,scheduled,,org-1,term-1,,,
        cls-art-a,active,2026-06-01T00:00:00.000Z,ART-101 A,,crs-art,A,scheduled,,org-1,term-1,,,
        """);
    Files.writeString(dir.resolve("enrollments.csv"), """
        sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate
        enr-1,active,2026-06-01T00:00:00.000Z,cls-stat-a,org-1,learner-0001,student,false,2026-01-10,2026-06-30
        enr-2,active,2026-06-01T00:00:00.000Z,cls-mine-a,org-1,learner-0001,student,false,2026-01-10,2026-06-30
        enr-3,active,2026-06-01T00:00:00.000Z,cls-bigd-a,org-1,learner-0001,student,false,2026-01-10,2026-06-30
        enr-4,active,2026-06-01T00:00:00.000Z,cls-art-a,org-1,learner-0001,student,false,2026-01-10,2026-06-30
        enr-5,active,2026-06-01T00:00:00.000Z,cls-stat-a,org-1,teacher-0009,teacher,true,2026-01-10,2026-06-30
        enr-6,active,2026-06-01T00:00:00.000Z,cls-stat-a,org-1,learner-0002,student,false,2026-01-10,2026-06-30
        """);
    Files.writeString(dir.resolve("lineItems.csv"), """
        sourcedId,status,dateLastModified,title,description,assignDate,dueDate,classSourcedId,categorySourcedId,gradingPeriodSourcedId,resultValueMin,resultValueMax
        li-stat-final,active,2026-06-01T00:00:00.000Z,Final grade,,2026-01-10,2026-06-30,cls-stat-a,cat-final,gp-1,0,100
        li-mine-final,active,2026-06-01T00:00:00.000Z,Final grade,,2026-01-10,2026-06-30,cls-mine-a,cat-final,gp-1,0,100
        li-bigd-final,active,2026-06-01T00:00:00.000Z,Final grade,,2026-01-10,2026-06-30,cls-bigd-a,cat-final,gp-1,0,100
        li-art-final,active,2026-06-01T00:00:00.000Z,Final grade,,2026-01-10,2026-06-30,cls-art-a,cat-final,gp-1,0,100
        """);
    Files.writeString(dir.resolve("results.csv"), """
        sourcedId,status,dateLastModified,lineItemSourcedId,studentSourcedId,scoreStatus,score,textScore,scoreDate,comment
        res-1,active,2026-06-01T00:00:00.000Z,li-stat-final,learner-0001,fully graded,72,,2026-06-28,
        res-2,active,2026-06-01T00:00:00.000Z,li-mine-final,learner-0001,fully graded,41,,2026-06-28,"below the bar, retake"
        res-3,active,2026-06-01T00:00:00.000Z,li-bigd-final,learner-0001,partially graded,90,,2026-06-28,
        res-4,active,2026-06-01T00:00:00.000Z,li-art-final,learner-0001,fully graded,88,,2026-06-28,
        res-5,active,2026-06-01T00:00:00.000Z,li-stat-final,learner-0002,fully graded,,Pass,2026-06-28,
        res-6,tobedeleted,2026-06-01T00:00:00.000Z,li-mine-final,learner-0001,fully graded,99,,2026-06-28,
        """);
  }

  static SisMapping mapping() {
    return new SisMapping(List.of(
        new SisMapping.CourseRule("", "STAT-210", "nb-mc-applied-statistics", null, List.of("pass")),
        new SisMapping.CourseRule("crs-mine", "", "nb-mc-data-mining", null, List.of()),
        new SisMapping.CourseRule("", "bd-310", "nb-mc-big-data-platforms", 60.0, List.of())),
        java.util.Optional.of(50.0));
  }

  @Test
  void readsOneLearnersCoursesWithTheirResults() throws IOException {
    writeBundle(bundle);
    Roster roster = OneRosterCsv.read(bundle, "learner-0001");
    List<Roster.CourseRecord> courses = roster.coursesOf("learner-0001");
    assertEquals(List.of("STAT-210", "DM-300", "BD-310", "ART-101"), courses.stream()
        .map(c -> c.course().courseCode()).toList());
    assertEquals("Drawing, life and still", courses.get(3).course().title());
    // the tobedeleted result is left out; another learner's rows are not read at all
    assertEquals(List.of(41.0), courses.get(1).results().stream().map(Roster.Result::score).toList());
    assertTrue(roster.enrollments().stream().allMatch(e -> e.userSourcedId().equals("learner-0001")));
  }

  @Test
  void mapsPassedCoursesToCredentialsAndSaysWhyTheOthersCountForNothing() throws IOException {
    writeBundle(bundle);
    SisMapping.SisHoldings holdings = mapping().holdings("learner-0001", OneRosterCsv.read(bundle, "learner-0001"));
    assertEquals(List.of("nb-mc-applied-statistics"), holdings.credentials());
    assertEquals(72.0, holdings.passed().get(0).result().score());
    List<String> reasons = holdings.notCounted().stream().map(n -> n.course().courseCode() + ": " + n.reason())
        .toList();
    assertEquals(List.of(
        "DM-300: no fully graded result meets the rule (score at least 50); results: 41.0 (fully graded)",
        "BD-310: no fully graded result meets the rule (score at least 60); results: 90.0 (partially graded)",
        "ART-101: no mapping names this course (ART-101, crs-art)"), reasons);
  }

  @Test
  void aTextScoreInTheCoursesPassTextsPasses() throws IOException {
    writeBundle(bundle);
    SisMapping.SisHoldings holdings = mapping().holdings("learner-0002", OneRosterCsv.read(bundle, "learner-0002"));
    assertEquals(List.of("nb-mc-applied-statistics"), holdings.credentials());
  }

  @Test
  void aBadBundleSaysWhatIsWrong() throws IOException {
    writeBundle(bundle);
    Files.writeString(bundle.resolve("results.csv"), """
        sourcedId,status,dateLastModified,lineItemSourcedId,studentSourcedId,scoreStatus,score
        res-1,active,2026-06-01T00:00:00.000Z,li-stat-final,learner-0001,fully graded,seventy
        """);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OneRosterCsv.read(bundle, "learner-0001"));
    assertEquals("results.csv line 1: the score 'seventy' is not a number", e.getMessage());
    writeBundle(bundle);
    Files.delete(bundle.resolve("classes.csv"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> OneRosterCsv.read(bundle, "learner-0001"))
        .getMessage().endsWith("has no classes.csv"));
  }

  @Test
  void theMappingFileNeedsARuleForEachCourse() throws IOException {
    Path file = bundle.resolve("mapping.json");
    Files.writeString(file, "{\"courses\": [{\"courseCode\": \"STAT-210\", \"credential\": \"x\"}]}");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SisMapping.load(file)).getMessage()
        .endsWith("courses[0] has no passing rule: give \"minScore\" (here or for the whole file) or \"passTexts\""));
    Files.writeString(file, "{\"minScore\": 50, \"courses\": [{\"courseCode\": \"STAT-210\", \"credential\": \"x\"}]}");
    assertEquals(50.0, SisMapping.load(file).minScore().orElseThrow());
  }
}
