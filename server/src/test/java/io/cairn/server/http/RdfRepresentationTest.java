package io.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Detail endpoints serve the stored triples as Turtle when asked, parsed here with Jena to prove they are RDF. */
class RdfRepresentationTest {
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> turtle(String path) {
    return server.getAccepting(path, "text/turtle");
  }

  private static Model parse(String turtle) {
    Model model = ModelFactory.createDefaultModel();
    RDFParser.fromString(turtle, Lang.TURTLE).parse(model);
    return model;
  }

  @Test
  void aCredentialAsTurtleCarriesItsStandardsTerms() {
    HttpResponse<String> response = turtle("/api/credentials/nb-cert-data-analytics");
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
    Model model = parse(response.body());
    var subject = model.createResource("https://w3id.org/cairn/id/credential/nb-cert-data-analytics");
    assertTrue(model.contains(subject, model.createProperty("https://purl.org/ctdl/terms/name")));
    // the blank nodes it owns come along: ECTS credit points and learning outcomes
    assertTrue(model.contains(null, model.createProperty("http://data.europa.eu/snb/model/elm/point")));
    assertTrue(model.contains(null, model.createProperty("http://data.europa.eu/snb/model/elm/relatedESCOSkill")));
  }

  @Test
  void competenciesAndOccupationsToo() {
    Model skill = parse(turtle("/api/competencies/ccd0a1d9-afda-43d9-b901-96344886e14d").body());
    assertTrue(skill.contains(skill.createResource("http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"),
        skill.createProperty("http://www.w3.org/2004/02/skos/core#prefLabel")));
    Model occupation = parse(turtle("/api/occupations/d3edb8f8-3a06-47a0-8fb9-9b212c006aa2").body());
    assertTrue(occupation.contains(null, occupation.createProperty("http://data.europa.eu/esco/model#relatedEssentialSkill")));
  }

  @Test
  void anUnknownIdIsStillAProblem() {
    HttpResponse<String> response = turtle("/api/credentials/no-such-thing");
    assertEquals(404, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
  }
}
