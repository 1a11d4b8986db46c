package io.cairn.interop.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The canonicalization step alone, checked against the RDFC-1.0 N-Quads that the fixtures' independent
 * implementation (jsonld.js + rdf-canonize, cross-checked with a second JSON-LD processor) wrote for every signed
 * document and proof configuration, including the credentials nested in a CLR.
 */
class CanonicalizationVectorsTest {
  private static final Canonicalizer CANONICALIZER =
      new Canonicalizer(OfflineContexts.fromShared(Ob3Fixtures.shared()));
  private static final Pattern NESTED = Pattern.compile("credentialSubject\\.verifiableCredential\\[(\\d+)]");

  record Vector(String file, String part, String documentNq, String proofConfigNq) {
    @Override
    public String toString() {
      return file + " " + part;
    }
  }

  static List<Vector> vectors() throws IOException {
    JsonNode root = new ObjectMapper().readTree(Ob3Fixtures.directory().resolve("canonical/vectors.json").toFile());
    List<Vector> vectors = new ArrayList<>();
    for (JsonNode v : root.get("vectors")) {
      vectors.add(new Vector(v.get("file").asText(), v.get("part").asText(), v.get("documentNq").asText(),
          v.get("proofConfigNq").asText()));
    }
    return vectors;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void canonicalNQuadsMatchTheIndependentImplementation(Vector vector) throws Exception {
    JsonObject credential = Json.createReader(new StringReader(Ob3Fixtures.text(vector.file()))).readObject();
    Matcher nested = NESTED.matcher(vector.part());
    if (nested.matches()) {
      credential = credential.getJsonObject("credentialSubject").getJsonArray("verifiableCredential")
          .getJsonObject(Integer.parseInt(nested.group(1)));
    }
    JsonObject document = DataIntegrity.without(credential, "proof");
    JsonObject proofConfig = Json.createObjectBuilder(DataIntegrity.without(credential.getJsonObject("proof"),
        "proofValue")).add("@context", credential.get("@context")).build();

    String expectedDocument = Files.readString(Ob3Fixtures.directory().resolve(vector.documentNq()));
    String expectedProof = Files.readString(Ob3Fixtures.directory().resolve(vector.proofConfigNq()));
    assertFalse(expectedDocument.isBlank());
    assertEquals(expectedDocument, CANONICALIZER.canonicalNQuads(document), "document");
    assertEquals(expectedProof, CANONICALIZER.canonicalNQuads(proofConfig), "proof configuration");
  }
}
