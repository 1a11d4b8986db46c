package io.cairn.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.Standards;
import io.cairn.graph.LiveCatalog;
import io.cairn.interop.StandardFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cairn export --format ctdl|elm|ob3|case --out DIR}: the whole catalog as a standard's documents. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Write the whole catalog as a standard's documents (CTDL, ELM, Open Badges 3.0 or CASE).",
        "CTDL carries credentials and pathways, ELM credentials, Open Badges 3.0 achievements, and CASE the",
        "competency frameworks, ESCO's skills included."})
final class ExportCommand implements Runnable {
  @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "ctdl, elm, ob3 or case")
  String format;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into (created)")
  Path out;

  @Mixin
  DataOptions data;

  @Override
  public void run() {
    StandardFormat standard = StandardFormat.byId(format).orElseThrow(() -> new CliException(
        "unknown --format '" + format + "'; use one of " + StandardFormat.ids()));
    try (LiveCatalog catalog = data.openCatalog()) {
      Map<String, JsonNode> files = Standards.fromSettings().exportCatalog(catalog, standard,
          Clock.systemUTC().instant());
      Files.createDirectories(out);
      ObjectMapper json = new ObjectMapper();
      for (Map.Entry<String, JsonNode> file : files.entrySet()) {
        Path path = out.resolve(file.getKey());
        Files.writeString(path, json.writerWithDefaultPrettyPrinter().writeValueAsString(file.getValue()) + "\n");
        System.out.printf("wrote %s (%,d bytes)%n", path, Files.size(path));
      }
      System.out.printf("%s: %d file(s) from %d credentials, %d pathways, %d competencies.%n", standard.title(),
          files.size(), catalog.snapshot().credentials().size(), catalog.snapshot().pathways().size(),
          catalog.snapshot().competencies().size());
    } catch (IOException e) {
      throw new CliException("cannot write to " + out.toAbsolutePath() + ": " + e.getMessage());
    }
  }
}
