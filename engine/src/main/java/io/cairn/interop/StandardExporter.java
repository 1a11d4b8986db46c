package io.cairn.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.catalog.Pathway;
import java.util.Map;
import java.util.Optional;

/** Writes the catalog, or one credential or pathway of it, as one standard's documents. */
public interface StandardExporter {
  StandardFormat format();

  /** One credential as a standalone document. */
  ObjectNode credential(CatalogSnapshot snapshot, Credential credential, ExportFacts facts);

  /** One pathway as a standalone document, when the standard models pathways. */
  Optional<ObjectNode> pathway(CatalogSnapshot snapshot, Pathway pathway, ExportFacts facts);

  /** The whole catalog: file name to document, in the order to write them. */
  Map<String, JsonNode> catalog(CatalogSnapshot snapshot, ExportFacts facts);
}
