package io.cairn;

import io.cairn.graph.CairnOntology;
import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import io.cairn.interop.ImportReport;
import io.cairn.interop.ImportSource;
import io.cairn.interop.JsonLdReader;
import io.cairn.interop.OfflineDocumentLoader;
import io.cairn.interop.SharedStandards;
import io.cairn.interop.StandardFormat;
import io.cairn.interop.StandardFormatException;
import io.cairn.interop.StandardImporter;
import io.cairn.interop.StandardsImport;
import io.cairn.interop.StandardsProgress;
import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.catalog.Credential;
import io.cairn.catalog.Pathway;
import io.cairn.interop.ExportFacts;
import io.cairn.interop.StandardExporter;
import io.cairn.interop.casepkg.CaseExporter;
import io.cairn.interop.casepkg.CaseImporter;
import io.cairn.interop.casepkg.CaseMapping;
import io.cairn.interop.casepkg.CaseSchema;
import io.cairn.interop.ctdl.CtdlExporter;
import io.cairn.interop.ctdl.CtdlImporter;
import io.cairn.interop.elm.ElmExporter;
import io.cairn.interop.elm.ElmImporter;
import io.cairn.interop.ob3.Ob3Exporter;
import io.cairn.interop.ob3.Ob3Importer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;

/**
 * The credential standards Cairn speaks (CTDL, ELM, Open Badges 3.0, CASE), in and out: one importer and one
 * exporter per standard, sharing the standards' files on disk for contexts and schemas. Importers are built on
 * first use and reused; thread-safe.
 */
public final class Standards {
  private final SharedStandards files;
  private final JsonLdReader jsonLd;
  private final Graph ontology;
  private final Map<StandardFormat, StandardImporter> importers = new EnumMap<>(StandardFormat.class);

  public Standards(SharedStandards files) {
    this.files = files;
    this.jsonLd = new JsonLdReader(new OfflineDocumentLoader(files));
    this.ontology = CairnOntology.ontology();
  }

  /** The standards' files named by the {@code cairn.shared} setting (see {@link SharedStandards#fromSettings()}). */
  public static Standards fromSettings() {
    return new Standards(SharedStandards.fromSettings());
  }

  public SharedStandards files() {
    return files;
  }

  /** The importer of {@code format}. */
  public synchronized StandardImporter importer(StandardFormat format) {
    return importers.computeIfAbsent(format, f -> switch (f) {
      case CTDL -> new CtdlImporter(jsonLd, files, ontology);
      case ELM -> new ElmImporter(jsonLd);
      case OB3 -> new Ob3Importer(jsonLd, ontology);
      case CASE -> new CaseImporter(CaseSchema.load(files), List.of());
    });
  }

  /**
   * Imports documents of {@code format} into the catalog (see {@link StandardsImport}), replacing no graph that
   * another source filled.
   */
  public ImportReport importDocuments(LiveCatalog catalog, StandardFormat format, List<ImportSource> sources,
      Clock clock, StandardsProgress progress) {
    return importDocuments(catalog, format, sources, List.of(), GraphStore.LoadMode.ADD_OR_RELOAD, clock, progress);
  }

  /**
   * Imports documents of {@code format}, with files that match CASE items to ESCO skills (see
   * {@link CaseMapping}; for CASE only), replacing graphs that other sources filled only when {@code mode} says so.
   */
  public ImportReport importDocuments(LiveCatalog catalog, StandardFormat format, List<ImportSource> sources,
      List<ImportSource> caseMappings, GraphStore.LoadMode mode, Clock clock, StandardsProgress progress) {
    StandardImporter importer = importer(format);
    if (!caseMappings.isEmpty()) {
      if (format != StandardFormat.CASE) {
        throw new StandardFormatException("mapping files match CASE items to ESCO; they go with a CASE import");
      }
      importer = ((CaseImporter) importer).withMappings(caseMappings.stream().map(CaseMapping::read).toList());
    }
    return new StandardsImport(catalog, importer, clock).run(sources, mode, progress);
  }

  /** The exporter of {@code format} (CASE writes frameworks only: see {@link #exportCatalog}). */
  public StandardExporter exporter(StandardFormat format) {
    return switch (format) {
      case CTDL -> new CtdlExporter();
      case ELM -> new ElmExporter();
      case OB3 -> new Ob3Exporter();
      case CASE -> throw new StandardFormatException("CASE carries competency frameworks, not credentials or "
          + "pathways; export credentials as ctdl, elm or ob3");
    };
  }

  /** One credential as {@code format}'s JSON-LD. */
  public JsonNode exportCredential(LiveCatalog catalog, StandardFormat format, Credential credential) {
    return exporter(format).credential(catalog.snapshot(), credential, ExportFacts.of(catalog.store()));
  }

  /** One pathway as {@code format}'s JSON-LD, when the standard has pathways (CTDL). */
  public Optional<JsonNode> exportPathway(LiveCatalog catalog, StandardFormat format, Pathway pathway) {
    return exporter(format).pathway(catalog.snapshot(), pathway, ExportFacts.of(catalog.store())).map(n -> n);
  }

  /** The whole catalog as {@code format}'s documents (CASE: its competency frameworks), file name to document. */
  public Map<String, JsonNode> exportCatalog(LiveCatalog catalog, StandardFormat format, Instant at) {
    if (format == StandardFormat.CASE) {
      return new CaseExporter().catalog(catalog.snapshot(), catalog.store(), at);
    }
    return exporter(format).catalog(catalog.snapshot(), ExportFacts.of(catalog.store()));
  }

  /**
   * The documents at {@code paths}: files as given, and the files of a folder (not its subfolders) whose
   * extension the format uses, in name order.
   */
  public static List<ImportSource> read(StandardFormat format, List<Path> paths) {
    Set<String> extensions = switch (format) {
      case CTDL, ELM -> Set.of("json", "jsonld", "ttl");
      case OB3 -> Set.of("json", "jsonld", "jwt");
      case CASE -> Set.of("json");
    };
    List<ImportSource> sources = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> files = Files.list(path)) {
          for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
            String name = file.getFileName().toString();
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase() : "";
            if (extensions.contains(ext)) {
              sources.add(ImportSource.read(file));
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list " + path, e);
        }
      } else {
        sources.add(ImportSource.read(path));
      }
    }
    if (sources.isEmpty()) {
      throw new StandardFormatException("no " + format.id() + " documents in " + paths + " (looked for ."
          + String.join(", .", extensions.stream().sorted().toList()) + ")");
    }
    return sources;
  }
}
