package io.cairn.graph;

import java.util.Map;

/** Prefixes used when Cairn writes RDF for people. */
final class Prefixes {
  static final Map<String, String> COMMON = Map.of(
      "cairn", "https://w3id.org/cairn/ns#",
      "skos", "http://www.w3.org/2004/02/skos/core#",
      "esco", "http://data.europa.eu/esco/model#",
      "elm", "http://data.europa.eu/snb/model/elm/",
      "ceterms", "https://purl.org/ctdl/terms/",
      "ob", "https://purl.imsglobal.org/spec/vc/ob/vocab.html#",
      "prov", "http://www.w3.org/ns/prov#",
      "xsd", "http://www.w3.org/2001/XMLSchema#",
      "dc", "http://purl.org/dc/terms/");

  private Prefixes() {}
}
