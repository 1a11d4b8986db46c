package io.cairn.catalog;

import java.util.Locale;

/** How a credential's learning is delivered (ELM's learning-assessment modes). */
public enum DeliveryMode {
  ONLINE("http://data.europa.eu/snb/learning-assessment/920fbb3cbe"),
  BLENDED("http://data.europa.eu/snb/learning-assessment/e92d221e4d"),
  IN_PERSON("http://data.europa.eu/snb/learning-assessment/9191af2ed9"),
  UNKNOWN("");

  private final String elmIri;

  DeliveryMode(String elmIri) {
    this.elmIri = elmIri;
  }

  public String elmIri() {
    return elmIri;
  }

  public String apiName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
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
