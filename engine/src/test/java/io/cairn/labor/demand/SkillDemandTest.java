package io.cairn.labor.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.Cairn;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Occupation;
import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import io.cairn.graph.SampleData;
import io.cairn.interop.vc.Ob3Fixtures;
import io.cairn.rank.SampleCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real job-offer file over the sample: every figure is re-added here from the file's own lines (a plain split,
 * not the engine's CSV reader) and from the occupations' links, so a wrong join or a skill credited with the wrong
 * occupations fails.
 */
class SkillDemandTest {
  private static final Path FILE = Ob3Fixtures.shared()
      .resolve("datasets/labor-market/job_offers_by_esco_occupation.csv");

  /** Offers per trimmed, lower-cased label, from the file's lines ({@code "label",country,n,...}). */
  private static Map<String, Long> offersInFile() throws IOException {
    Map<String, Long> offers = new HashMap<>();
    java.util.List<String> lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      // label,country,count,min salary,max salary: a label may hold commas (quoted), the last four cells do not
      String[] cells = line.split(",");
      String label = String.join(",", java.util.Arrays.copyOf(cells, cells.length - 4));
      offers.merge(label.replace("\"", "").strip().toLowerCase(Locale.ROOT),
          (long) Double.parseDouble(cells[cells.length - 3]), Long::sum);
    }
    return offers;
  }

  @Test
  void occupationsGetTheirLabelsOffersAndSkillsTheOffersOfTheOccupationsNeedingThemAsEssential() throws IOException {
    CatalogSnapshot s = SampleCatalog.snapshot();
    SkillDemand demand = SkillDemand.of(s, JobOfferTable.read(FILE));
    Map<String, Long> file = offersInFile();
    assertTrue(demand.known());
    long[] essential = new long[s.competencies().size()];
    long[] optional = new long[s.competencies().size()];
    for (Occupation o : s.occupations()) {
      long expected = file.getOrDefault(o.label().toLowerCase(Locale.ROOT), 0L);
      assertTrue(expected > 0, "every sample occupation is in the file: " + o.label());
      assertEquals(expected, demand.occupation(o.index()), o.label());
      o.essential().stream().forEach(k -> essential[k] += expected);
      o.optional().stream().forEach(k -> optional[k] += expected);
    }
    int demanded = 0;
    for (int k = 0; k < essential.length; k++) {
      assertEquals(essential[k], demand.essential(k), s.competency(k).label());
      assertEquals(optional[k], demand.optional(k), s.competency(k).label());
      assertEquals(essential[k] > 0 || optional[k] > 0, demand.demanded(k));
      demanded += essential[k] > 0 ? 1 : 0;
    }
    assertTrue(demanded > 50, "the sample's occupations need many skills: " + demanded);
    // a skill two occupations need as essential carries both occupations' offers
    Occupation analyst = s.findOccupation("d3edb8f8-3a06-47a0-8fb9-9b212c006aa2").orElseThrow();
    Occupation scientist = s.occupations().stream().filter(o -> o.label().equals("data scientist")).findFirst()
        .orElseThrow();
    int shared = analyst.essential().intersect(scientist.essential()).get(0);
    assertTrue(demand.essential(shared) >= demand.occupation(analyst.index()) + demand.occupation(scientist.index()));
    assertTrue(demand.demandedOccupations(shared) >= 2);
    assertEquals("job_offers_by_esco_occupation.csv", demand.source().orElseThrow().fileName());
  }

  @Test
  void withoutATableEveryFigureIsUnknownNotALoss() {
    CatalogSnapshot s = SampleCatalog.snapshot();
    SkillDemand none = SkillDemand.none(s);
    assertFalse(none.known());
    assertTrue(none.source().isEmpty());
    assertEquals(0, none.occupation(0));
    assertEquals(0, none.essential(0));
  }

  @Test
  void cairnBuildsDemandOncePerSnapshotAndAgainAfterAReload() {
    LiveCatalog catalog = new LiveCatalog(GraphStore.inMemory());
    catalog.load(SampleData.sources());
    try (Cairn plain = Cairn.over(catalog)) {
      assertFalse(plain.demand(plain.snapshot()).known(), "no table, no figures");
      Cairn cairn = plain.withJobOffers(JobOfferTable.read(FILE));
      CatalogSnapshot first = cairn.snapshot();
      SkillDemand demand = cairn.demand(first);
      assertTrue(demand.known());
      assertSame(demand, cairn.demand(first), "cached per snapshot");
      catalog.load(SampleData.sources());
      CatalogSnapshot second = cairn.snapshot();
      assertTrue(second.version() > first.version());
      SkillDemand again = cairn.demand(second);
      assertNotSame(demand, again);
      assertEquals(second.version(), again.snapshotVersion());
    }
  }
}
