package io.cairn.catalog;

import java.util.Locale;

/** How a credential's learning is delivered (ELM's learning-assessment modes). */
public enum DeliveryMode {
  ONLINE("http://data.europa.eu/snb/learning-assessment/920fbb3cbe"),
  BLENDED("http://data.europa.eu/snb/learning-assessment/e92d221e4d"),
  IN_PERSON("http://data.europa.eu/snb/learning-assessment/9191af2ed9"),
  UNKNOWN("");

  private final String elmIri;
  // computed once: constraint checks ask for it for every candidate they exclude
  private final String apiName;
  private final String notAllowed;

  DeliveryMode(String elmIri) {
    this.elmIri = elmIri;
    this.apiName = name().toLowerCase(Locale.ROOT).replace('_', '-');
    this.notAllowed = "mode " + apiName + " not allowed";
  }

  public String elmIri() {
    return elmIri;
  }

  public String apiName() {
    return apiName;
  }

  /** The reason a request that does not allow this mode gives for leaving a credential out. */
  public String notAllowed() {
    return notAllowed;
  }

  public static DeliveryMode fromElmIri(String iri) {
    for (DeliveryMode mode : values()) {
      if (!mode.elmIri.isEmpty() && mode.elmIri.equals(iri)) {
        return mode;
      }
    }
    return UNKNOWN;
  }

  /** Parses {@code online}, {@code blended}, {@code in-person} (also {@code presential}). */
  public static DeliveryMode fromApiName(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return switch (n) {
      case "online" -> ONLINE;
      case "blended" -> BLENDED;
      case "in-person", "in_person", "presential", "inperson" -> IN_PERSON;
      default -> throw new IllegalArgumentException(
          "unknown mode '" + name + "'; use one of online, blended, in-person");
    };
  }
}
