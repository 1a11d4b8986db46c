package io.cairn.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.graph.RdfSource;
import io.cairn.graph.RdfSyntaxException;
import java.io.StringReader;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;

/** Reads a standards' document as RDF (Turtle and the like) or as JSON, with messages that say what is wrong. */
public final class DocumentGraphs {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DocumentGraphs() {}

  /** True when the document is RDF in a text syntax (by its extension, or because it does not start like JSON). */
  public static boolean isRdfText(ImportSource source) {
    String ext = source.extension();
    if (ext.equals("ttl") || ext.equals("nt") || ext.equals("n3") || ext.equals("trig") || ext.equals("rdf")) {
      return true;
    }
    String text = source.text().stripLeading();
    return !(text.startsWith("{") || text.startsWith("["));
  }

  /** Parses Turtle (or the syntax the extension names). */
  public static Graph rdf(ImportSource source, String base) {
    Lang lang = RDFLanguages.filenameToLang(source.name(), Lang.TURTLE);
    try {
      return RdfSource.parseStrictly(source.name(), RDFParser.create().source(new StringReader(source.text()))
          .base(base), lang);
    } catch (RdfSyntaxException e) {
      throw new StandardFormatException(source.name() + ": not valid " + lang.getLabel() + ": "
          + e.getMessage().substring(source.name().length() + 2), e);
    }
  }

  /** Parses JSON. */
  public static JsonNode json(ImportSource source) {
    try {
      JsonNode node = JSON.readTree(source.text());
      if (node == null || node.isMissingNode()) {
        throw new StandardFormatException(source.name() + ": empty document");
      }
      return node;
    } catch (JsonProcessingException e) {
      // Jackson gives no location for some refusals (a number of a thousand digits, nesting past its limit)
      String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ")";
      throw new StandardFormatException(source.name() + ": not valid JSON" + where + ": " + e.getOriginalMessage(),
          e);
    }
  }

  /** Writes JSON as text, for the JSON-LD reader. */
  public static String text(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A base IRI for a document's relative identifiers, unique to its content. */
  public static String base(ImportSource source) {
    return Vocab.CAIRN_ID + "document/" + source.sha256().substring(0, 16) + "/";
  }
}
