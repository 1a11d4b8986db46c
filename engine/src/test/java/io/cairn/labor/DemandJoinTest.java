package io.cairn.labor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.catalog.IntSet;
import io.cairn.catalog.Occupation;
import io.cairn.labor.demand.DemandJoin;
import io.cairn.labor.demand.JobOfferTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job-offer join: on trimmed, lower-cased preferred labels, summed over countries, 0 where no row. */
class DemandJoinTest {
  @TempDir
  Path dir;

  @Test
  void joinsOnTrimmedLowerCasedLabelsAndListsWhatDidNotMatch() throws Exception {
    Path csv = dir.resolve("offers.csv");
    Files.writeString(csv, """
        "esco_role","country_name","n_job_offers","median_min_salary","median_max_salary"
         Data Scientist ,Germany,17,47000.0,68000.0
        data scientist,Spain,3,,
        astronaut,France,2,,
        """);
    JobOfferTable table = JobOfferTable.read(csv);
    assertEquals(3, table.rows());
    assertEquals(64, table.sha256().length());
    List<Occupation> occupations = List.of(
        new Occupation(0, "urn:o:0", "0", "data scientist", "C2511", IntSet.of(1), IntSet.empty()),
        new Occupation(1, "urn:o:1", "1", "baker", "C7512", IntSet.of(2), IntSet.empty()));
    DemandJoin join = DemandJoin.join(occupations, table);
    assertEquals(20, join.offers(0));
    assertEquals(0, join.offers(1), "no row means demand 0, not a guess");
    assertEquals(List.of("astronaut"), join.unmatchedLabels());
    assertEquals(0.5, join.matchRate(), 1e-12);
    assertEquals(1, join.occupationsWithDemand());
  }
}
