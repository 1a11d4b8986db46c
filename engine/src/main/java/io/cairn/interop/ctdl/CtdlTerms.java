package io.cairn.interop.ctdl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.interop.SharedStandards;
import io.cairn.interop.StandardFormatException;
import io.cairn.interop.Vocab;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The CTDL and CTDL-ASN terms (classes and properties), read from the registry's own schema encodings in the
 * standards folder, so that a bare term name in an older document can be read as the term it names, and an
 * export can be checked to use CTDL's terms only.
 */
public final class CtdlTerms {
  private final Map<String, String> iriByName;
  private final java.util.Set<String> iriValued;

  private CtdlTerms(Map<String, String> iriByName, java.util.Set<String> iriValued) {
    this.iriByName = iriByName;
    this.iriValued = iriValued;
  }

  public static CtdlTerms load(SharedStandards standards) {
    Map<String, String> names = new HashMap<>();
    read(standards, "ctdl/schema/ctdlasn-schema.json", names);
    // CTDL's own terms win where a name is in both
    read(standards, "ctdl/schema/ctdl-schema.json", names);
    java.util.Set<String> iriValued = new java.util.HashSet<>();
    for (String context : new String[] {"ctdl/schema/ctdl-context.json", "ctdl/schema/ctdlasn-context.json"}) {
      try {
        JsonNode terms = new ObjectMapper().readTree(standards.file(context).toFile()).get("@context");
        terms.fields().forEachRemaining(e -> {
          if (e.getValue().path("@type").asText().equals("@id")) {
            String key = e.getKey();
            iriValued.add(key.startsWith("ceterms:") ? Vocab.CETERMS + key.substring(8)
                : key.startsWith("ceasn:") ? Vocab.CEASN + key.substring(6) : key);
          }
        });
      } catch (IOException e) {
        throw new StandardFormatException("cannot read the CTDL context " + context + ": " + e.getMessage(), e);
      }
    }
    return new CtdlTerms(names, iriValued);
  }

  private static void read(SharedStandards standards, String file, Map<String, String> names) {
    try {
      JsonNode graph = new ObjectMapper().readTree(standards.file(file).toFile()).get("@graph");
      graph.forEach(term -> {
        String key = term.path("@id").asText();
        if (key.startsWith("ceterms:")) {
          names.put(key.substring(8), Vocab.CETERMS + key.substring(8));
        } else if (key.startsWith("ceasn:")) {
          names.putIfAbsent(key.substring(6), Vocab.CEASN + key.substring(6));
        }
      });
    } catch (IOException e) {
      throw new StandardFormatException("cannot read the CTDL context " + file + ": " + e.getMessage(), e);
    }
  }

  /** Every CTDL and CTDL-ASN term IRI. */
  public java.util.Set<String> iris() {
    return java.util.Set.copyOf(iriByName.values());
  }

  /**
   * Every term IRI the CTDL and CTDL-ASN schemas define (CTDL's own, and the few of schema.org, SKOS and others it
   * adopts), prefixes expanded with the registry's context.
   */
  public static java.util.Set<String> schemaIris(SharedStandards standards) {
    java.util.Set<String> iris = new java.util.HashSet<>();
    try {
      ObjectMapper json = new ObjectMapper();
      JsonNode context = json.readTree(standards.file("ctdl/schema/ctdl-context.json").toFile()).get("@context");
      for (String file : new String[] {"ctdl/schema/ctdl-schema.json", "ctdl/schema/ctdlasn-schema.json"}) {
        json.readTree(standards.file(file).toFile()).get("@graph").forEach(term -> {
          String id = term.path("@id").asText();
          int colon = id.indexOf(':');
          JsonNode ns = colon > 0 ? context.get(id.substring(0, colon)) : null;
          iris.add(ns != null && ns.isTextual() ? ns.asText() + id.substring(colon + 1) : id);
        });
      }
    } catch (IOException e) {
      throw new StandardFormatException("cannot read the CTDL schema: " + e.getMessage(), e);
    }
    return iris;
  }

  /** True when the registry's context reads the term's values as IRIs ({@code "@type": "@id"}). */
  boolean takesIris(String iri) {
    return iriValued.contains(iri);
  }

  /** The IRI a bare term name stands for, or null. */
  String iriOf(String name) {
    return iriByName.get(name);
  }
}
