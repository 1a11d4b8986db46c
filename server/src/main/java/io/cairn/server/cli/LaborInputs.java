package io.cairn.server.cli;

import io.cairn.graph.DatasetRecord;
import io.cairn.graph.LiveCatalog;
import io.cairn.interop.esco.EscoImporter;
import io.cairn.labor.data.LaborData;
import io.cairn.labor.demand.DemandJoin;
import io.cairn.labor.demand.JobOfferTable;
import io.cairn.labor.model.ModelCard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What training and evaluation read: the imported ESCO store and the job-offer file, with their checksums. */
final class LaborInputs {
  @Mixin
  DataOptions data;

  @Option(names = "--job-offers", paramLabel = "FILE",
      description = "Job offers per ESCO occupation (default: $CAIRN_SHARED or ../shared, then"
          + " datasets/labor-market/job_offers_by_esco_occupation.csv)")
  Path jobOffers;

  /** Everything read, ready for an experiment. */
  record Loaded(LaborData data, DemandJoin join, JobOfferTable table, String escoVersion,
      Map<String, String> files, ModelCard.Demand demand) {}

  Loaded load(LiveCatalog catalog) {
    DatasetRecord esco = catalog.store().datasetRecord(EscoImporter.DATASET).orElseThrow(() -> new CliException(
        "no ESCO in " + catalog.store().description() + "; import it first: cairn import esco --data "
            + data.directory() + " ESCO-CLASSIFICATION.zip ESCO-RELATIONS.zip"));
    Path offersFile = jobOffersFile(jobOffers);
    if (!Files.isRegularFile(offersFile)) {
      throw new CliException("no job-offer file at " + offersFile.toAbsolutePath() + "; pass --job-offers FILE");
    }
    JobOfferTable table = JobOfferTable.read(offersFile);
    DemandJoin join = DemandJoin.join(catalog.snapshot().occupations(), table);
    LaborData laborData = LaborData.of(catalog.snapshot(), join);
    Map<String, String> files = new TreeMap<>(esco.fileChecksums());
    files.put(table.fileName(), table.sha256());
    long matchedOffers = java.util.Arrays.stream(join.offers()).sum();
    ModelCard.Demand demand = new ModelCard.Demand(table.fileName(), table.rows(), table.offersByLabel().size(),
        join.matchRate(), join.occupationsWithDemand(), matchedOffers, join.unmatchedLabels());
    System.err.printf(java.util.Locale.ROOT,
        "ESCO %s: %,d occupations with skills; job offers: %,d labels, %.1f%% matched an occupation (%,d of %,d"
            + " offers), %,d did not%n",
        esco.version(), laborData.occupations().size(), table.offersByLabel().size(), 100 * join.matchRate(),
        matchedOffers, table.offersByLabel().values().stream().mapToLong(Long::longValue).sum(),
        join.unmatchedLabels().size());
    return new Loaded(laborData, join, table, esco.version(), files, demand);
  }

  /**
   * The job-offer file: {@code given} when there is one, else the shared folder's
   * ({@code -Dcairn.shared}, $CAIRN_SHARED or ../shared), which may not exist.
   */
  static Path jobOffersFile(Path given) {
    if (given != null) {
      return given;
    }
    String shared = System.getProperty("cairn.shared", System.getenv("CAIRN_SHARED"));
    Path base = Path.of(shared == null || shared.isBlank() ? "../shared" : shared);
    return base.resolve("datasets/labor-market/job_offers_by_esco_occupation.csv");
  }

  /**
   * The job-offer table for a command that can do without one: {@code given} (which must exist), else the shared
   * folder's when it is there, else null.
   */
  static JobOfferTable readJobOffers(Path given) {
    Path file = jobOffersFile(given);
    if (!Files.isRegularFile(file)) {
      if (given != null) {
        throw new CliException("no job-offer file at " + file.toAbsolutePath() + "; pass --job-offers FILE with the"
            + " job offers per ESCO occupation, or leave it out");
      }
      return null;
    }
    try {
      return JobOfferTable.read(file);
    } catch (RuntimeException e) {
      throw new CliException("cannot read the job offers " + file.toAbsolutePath() + ": " + e.getMessage());
    }
  }
}
