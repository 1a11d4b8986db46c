package io.cairn.server.cli;

import io.cairn.graph.LiveCatalog;
import io.cairn.graph.SampleData;
import io.cairn.interop.esco.EscoImportReport;
import io.cairn.interop.esco.EscoImporter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn import esco PATH...}: the official ESCO CSV download into the store, in one transaction. */
@Command(name = "esco", mixinStandardHelpOptions = true,
    description = {"Import the ESCO classification from the official CSV download: the two zip archives (the",
        "English classification and the language-independent relations) or their unpacked folders.",
        "A re-import replaces ESCO atomically; a failed or interrupted import leaves the store as it was.",
        "Into an empty store the embedded sample is loaded too, in the same transaction (--no-sample to skip).",
        "This service uses the ESCO classification of the European Commission."})
final class ImportEscoCommand implements Runnable {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "ESCO zip archives or folders of ESCO CSV files")
  List<Path> paths;

  @Option(names = "--skip-malformed", description = "Report malformed rows and go on instead of stopping")
  boolean skipMalformed;

  @Option(names = "--esco-version", paramLabel = "V", description = "Version to record (default: from the archive names)")
  String version = "";

  @Option(names = "--no-sample", description = "Do not load the embedded sample into an empty store after ESCO")
  boolean noSample;

  @Mixin
  DataOptions data;

  @Override
  public void run() {
    try (LiveCatalog catalog = new LiveCatalog(data.openStore())) {
      // into an empty store the sample goes in the same transaction: an interruption leaves neither
      boolean withSample = !noSample && catalog.store().hasNoSources();
      System.err.println("Importing ESCO into " + catalog.store().description() + " ...");
      EscoImportReport report = new EscoImporter(Clock.systemUTC()).importInto(catalog, paths,
          new EscoImporter.Options(skipMalformed, version, "en"), new TerminalProgress(System.err),
          withSample ? SampleData.sources() : List.of());
      Table table = new Table("FILE", "ROWS");
      report.rowsPerFile().forEach((file, rows) -> table.row(file, String.format(Locale.ROOT, "%,d", rows)));
      table.print(new java.io.PrintWriter(System.out, true));
      System.out.printf(Locale.ROOT, "ESCO %s: %,d triples in %.1f s (%,.0f triples/s); store version %d.%n",
          report.version(), report.triples(), report.duration().toMillis() / 1000.0, report.triplesPerSecond(),
          report.storeVersion());
      if (report.skippedRows() > 0) {
        System.out.printf("Skipped %d malformed row(s):%n", report.skippedRows());
        report.skipped().forEach(s -> System.out.println("  " + s));
      }
      System.out.println(report.changes().getFirst().describe());
      if (withSample) {
        System.out.println("Loaded the embedded sample on top, in the same transaction (its skills resolve to the"
            + " imported ESCO concepts).");
      }
      System.out.printf("Catalog now: %,d competencies, %,d occupations, %,d credentials.%n",
          catalog.snapshot().competencies().size(), catalog.snapshot().occupations().size(),
          catalog.snapshot().credentials().size());
      System.out.println("This service uses the ESCO classification of the European Commission.");
    }
  }
}
