package io.cairn.server.cli;

import io.cairn.interop.ImportSource;
import io.cairn.interop.StandardFormat;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn import case FILE|DIR... [--mapping FILE]}. */
@Command(name = "case", mixinStandardHelpOptions = true,
    description = {"CASE 1.1 CFPackage JSON: a competency framework (document, items, associations), each package in",
        "its own named graph. Items matched to ESCO skills (exactMatchOf associations, or --mapping) count toward",
        "those skills wherever a credential is aligned to them."})
final class ImportCaseCommand extends StandardImportCommand {
  @Option(names = "--mapping", paramLabel = "FILE",
      description = "Matches items to ESCO skills: CSV item,esco[,exact|close] or Turtle with skos:exactMatch/closeMatch")
  List<Path> mappingFiles = List.of();

  @Override
  StandardFormat format() {
    return StandardFormat.CASE;
  }

  @Override
  List<ImportSource> mappings() {
    return mappingFiles.stream().map(ImportSource::read).toList();
  }
}
