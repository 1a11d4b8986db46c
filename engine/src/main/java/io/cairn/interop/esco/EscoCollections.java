package io.cairn.interop.esco;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * ESCO's skill and occupation collections as concept schemes: membership is {@code skos:inScheme} the
 * collection's scheme, as ESCO publishes it. The short names are what the API filters on.
 */
public final class EscoCollections {
  private static final Map<String, String> SCHEMES = new LinkedHashMap<>();

  static {
    SCHEMES.put("digital", "http://data.europa.eu/esco/concept-scheme/6c930acd-c104-4ece-acf7-f44fd7333036");
    SCHEMES.put("green", "http://data.europa.eu/esco/concept-scheme/green");
    SCHEMES.put("language", "http://data.europa.eu/esco/concept-scheme/skill-language-groups");
    SCHEMES.put("transversal", "http://data.europa.eu/esco/concept-scheme/skill-transversal-groups");
    SCHEMES.put("research", "http://data.europa.eu/esco/concept-scheme/research");
    SCHEMES.put("research-occupations", "http://data.europa.eu/esco/concept-scheme/8ae4b9f3-507e-4057-a145-2f96f0132613");
    SCHEMES.put("digcomp", "http://data.europa.eu/esco/concept-scheme/digcomp");
  }

  private EscoCollections() {}

  /** Short name to scheme IRI, in a stable order. */
  public static Map<String, String> schemes() {
    return java.util.Collections.unmodifiableMap(SCHEMES);
  }

  static String scheme(String collection) {
    return SCHEMES.get(collection);
  }

  /** The short name of a collection scheme, if the IRI is one. */
  public static Optional<String> name(String schemeIri) {
    return SCHEMES.entrySet().stream().filter(e -> e.getValue().equals(schemeIri)).map(Map.Entry::getKey).findFirst();
  }
}
