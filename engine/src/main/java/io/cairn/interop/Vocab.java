package io.cairn.interop;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The standards' namespaces and the terms the importers and exporters use in Java (the rest is in .rq files). */
public final class Vocab {
  public static final String CETERMS = "https://purl.org/ctdl/terms/";
  /** The namespace older CTDL material still uses; a different IRI from {@link #CETERMS}. */
  public static final String CETERMS_HTTP = "http://purl.org/ctdl/terms/";
  public static final String CEASN = "https://purl.org/ctdlasn/terms/";
  public static final String CEASN_HTTP = "http://purl.org/ctdlasn/terms/";
  public static final String ELM = "http://data.europa.eu/snb/model/elm/";
  public static final String OB = "https://purl.imsglobal.org/spec/vc/ob/vocab.html#";
  public static final String CAIRN = "https://w3id.org/cairn/ns#";
  public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
  public static final String ESCO = "http://data.europa.eu/esco/model#";
  public static final String DCT = "http://purl.org/dc/terms/";
  public static final String PROV = "http://www.w3.org/ns/prov#";
  public static final String SCHEMA = "https://schema.org/";
  public static final String XSD = "http://www.w3.org/2001/XMLSchema#";
  /** CASE's own terms, for what CASE says that no RDF vocabulary does (association kinds, identifiers). */
  public static final String CASE = "https://purl.imsglobal.org/spec/case/v1p1/vocab#";
  /** Where Cairn names the individuals it mints: {@code credential/...}, {@code component/...}, ... */
  public static final String CAIRN_ID = "https://w3id.org/cairn/id/";
  /** ESCO's skill IRIs start with this. */
  public static final String ESCO_SKILL = "http://data.europa.eu/esco/skill/";
  /** ECTS in ELM's credit-system vocabulary. */
  public static final String ECTS = "http://data.europa.eu/snb/education-credit/6fcec5c5af";

  public static final Node SKOS_CONCEPT = uri(SKOS + "Concept");
  public static final Node CTID = uri(CETERMS + "ctid");
  public static final Node CODED_NOTATION = uri(CETERMS + "codedNotation");
  public static final Node OWNED_BY = uri(CETERMS + "ownedBy");
  public static final Node NAME = uri(CETERMS + "name");
  public static final Node LEARNING_ACHIEVEMENT_SPECIFICATION = uri(ELM + "LearningAchievementSpecification");

  private Vocab() {}

  public static Node uri(String iri) {
    return NodeFactory.createURI(iri);
  }
}
