package io.cairn.catalog;

import java.util.Locale;
import java.util.Optional;

/**
 * ESCO's collections of skills and occupations. ESCO publishes each as a concept scheme; membership is
 * {@code skos:inScheme} that scheme. The API filters on {@link #apiName()}.
 */
public enum EscoCollection {
  DIGITAL("http://data.europa.eu/esco/concept-scheme/6c930acd-c104-4ece-acf7-f44fd7333036"),
  GREEN("http://data.europa.eu/esco/concept-scheme/green"),
  LANGUAGE("http://data.europa.eu/esco/concept-scheme/skill-language-groups"),
  TRANSVERSAL("http://data.europa.eu/esco/concept-scheme/skill-transversal-groups"),
  RESEARCH("http://data.europa.eu/esco/concept-scheme/research"),
  RESEARCH_OCCUPATIONS("http://data.europa.eu/esco/concept-scheme/8ae4b9f3-507e-4057-a145-2f96f0132613"),
  DIGCOMP("http://data.europa.eu/esco/concept-scheme/digcomp");

  private final String scheme;
  // computed once: written for every competency a listing shows
  private final String apiName;

  EscoCollection(String scheme) {
    this.scheme = scheme;
    this.apiName = name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The concept scheme ESCO publishes the collection as. */
  public String scheme() {
    return scheme;
  }

  /** {@code digital}, {@code green}, {@code research-occupations}, ... */
  public String apiName() {
    return apiName;
  }

  public static Optional<EscoCollection> forScheme(String iri) {
    for (EscoCollection c : values()) {
      if (c.scheme.equals(iri)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** Parses an API name; throws {@link IllegalArgumentException} listing the valid ones. */
  public static EscoCollection fromApiName(String name) {
    for (EscoCollection c : values()) {
      if (c.apiName().equalsIgnoreCase(name.trim())) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown collection '" + name
        + "'; use one of digital, green, language, transversal, research, research-occupations, digcomp");
  }
}
