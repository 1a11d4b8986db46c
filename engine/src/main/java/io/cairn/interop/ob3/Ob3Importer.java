package io.cairn.interop.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.interop.DocumentGraphs;
import io.cairn.interop.ImportSource;
import io.cairn.interop.JsonLdReader;
import io.cairn.interop.MappedSource;
import io.cairn.interop.NothingToImportException;
import io.cairn.interop.MappingQueries;
import io.cairn.interop.Outcomes;
import io.cairn.interop.StandardFormat;
import io.cairn.interop.StandardFormatException;
import io.cairn.interop.StandardImporter;
import io.cairn.interop.StoreLookup;
import io.cairn.interop.Vocab;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/**
 * Reads Open Badges 3.0 {@code Achievement} definitions as catalog credentials: an achievement alone, an array of
 * them, or the achievements inside {@code OpenBadgeCredential}s and CLR 2.0 {@code ClrCredential}s (JSON, or a
 * VC-JWT's payload). An issued credential's learner and proof are not catalog data and are left out; a catalog
 * import does not verify signatures (that is what presenting a credential does).
 */
public final class Ob3Importer implements StandardImporter {
  static final List<String> DEFAULT_CONTEXT = List.of("https://www.w3.org/ns/credentials/v2",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Node ACHIEVEMENT = Vocab.uri(Vocab.OB + "Achievement");
  private final JsonLdReader jsonLd;
  private final Graph ontology;

  public Ob3Importer(JsonLdReader jsonLd, Graph ontology) {
    this.jsonLd = jsonLd;
    this.ontology = ontology;
  }

  @Override
  public StandardFormat format() {
    return StandardFormat.OB3;
  }

  @Override
  public MappedSource map(ImportSource source, StoreLookup lookup) {
    JsonNode root = isJwt(source) ? jwtPayload(source) : DocumentGraphs.json(source);
    List<ObjectNode> found = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    collect(root, null, null, found, notes);
    if (found.isEmpty()) {
      throw new NothingToImportException(source.name() + ": no Open Badges 3.0 Achievement in it (an object whose "
          + "type includes \"Achievement\", alone, in an array, or in a credential's credentialSubject.achievement)");
    }
    ObjectNode document = JSON.createObjectNode();
    JsonNode context = offlineOnly(found.getFirst().remove("@context"), notes);
    document.set("@context", context);
    ArrayNode graphArray = document.putArray("@graph");
    List<String> withoutId = new ArrayList<>();
    for (ObjectNode achievement : found) {
      achievement.remove("@context");
      if (!achievement.hasNonNull("id")) {
        withoutId.add(achievement.path("name").asText("(no name)"));
        continue;
      }
      graphArray.add(achievement);
    }
    JsonLdReader.Parsed parsed = jsonLd.read(source.name(), DocumentGraphs.text(document), DocumentGraphs.base(source));
    Graph graph = parsed.graph();
    MappedSource mapped = new MappedSource(source, StandardFormat.OB3, graph);
    notes.forEach(mapped::note);
    withoutId.forEach(name -> mapped.refuse(name, "Achievement",
        "an Achievement needs an id (Open Badges 3.0 requires one), by which the catalog knows it"));
    if (!parsed.undefinedTerms().isEmpty()) {
      mapped.note("keys the Open Badges contexts do not define, dropped: "
          + String.join(", ", parsed.undefinedTerms()));
    }
    JsonLdReader.dropUndefined(graph);
    MappingQueries.update(Ob3Importer.class, "to-cairn", Map.of("", graph, "urn:cairn:ontology", ontology));
    Set<String> missing = Outcomes.alignKnownSkills(graph, lookup);
    if (!missing.isEmpty()) {
      mapped.note(missing.size() + " aligned ESCO skill(s) are not in the store: " + String.join(", ", missing));
    }
    if (graph.contains(Node.ANY, Vocab.uri(Vocab.OB + "creditsAvailable"), Node.ANY)
        && !graph.contains(Node.ANY, Vocab.uri(Vocab.ELM + "creditPoint"), Node.ANY)) {
      mapped.note("creditsAvailable has no unit in Open Badges 3.0: kept, not counted as ECTS");
    }
    for (Triple t : graph.find(Node.ANY, RDF.type.asNode(), ACHIEVEMENT).toList()) {
      mapped.resource(t.getSubject());
    }
    for (Triple t : graph.find(Node.ANY, Vocab.OWNED_BY, Node.ANY).toList()) {
      mapped.resource(t.getObject());
    }
    return mapped;
  }

  /**
   * Finds the achievements: the node itself, an array's members, a credential's {@code credentialSubject}
   * achievements, a CLR's nested credentials. Each gets the {@code @context} of the document it is in, and, when it
   * names no creator, the issuer of the credential it came in as its creator.
   */
  private static void collect(JsonNode node, JsonNode context, JsonNode issuer, List<ObjectNode> out,
      List<String> notes) {
    if (node == null) {
      return;
    }
    if (node.isArray()) {
      node.forEach(n -> collect(n, context, issuer, out, notes));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    JsonNode ctx = node.has("@context") ? node.get("@context") : context;
    if (hasType(node, "Achievement")) {
      ObjectNode achievement = ((ObjectNode) node).deepCopy();
      achievement.set("@context", ctx == null ? JSON.valueToTree(DEFAULT_CONTEXT) : ctx);
      if (!achievement.has("creator") && issuer != null && issuer.isObject()) {
        ObjectNode creator = issuer.deepCopy();
        if (!creator.has("type")) {
          creator.putArray("type").add("Profile");
        }
        achievement.set("creator", creator);
        notes.add("an achievement without a creator takes the issuer of the credential it came in");
      }
      out.add(achievement);
      return;
    }
    JsonNode subject = node.get("credentialSubject");
    if (subject != null) {
      JsonNode credentialIssuer = node.has("issuer") ? node.get("issuer") : issuer;
      for (JsonNode s : subject.isArray() ? subject : JSON.createArrayNode().add(subject)) {
        collect(s.get("achievement"), ctx, credentialIssuer, out, notes);
        collect(s.get("verifiableCredential"), ctx, credentialIssuer, out, notes);
      }
      if (!out.isEmpty()) {
        notes.add("read the achievements of issued credentials; their learners and proofs are not catalog data");
      }
    }
  }

  /**
   * The context without remote contexts that are not offline: the credential's proof suite (the security
   * contexts) is all they add, and a catalog import does not read proofs.
   */
  private static JsonNode offlineOnly(JsonNode context, List<String> notes) {
    if (context == null || !context.isArray()) {
      return context;
    }
    ArrayNode kept = JSON.createArrayNode();
    for (JsonNode c : context) {
      if (c.isTextual() && !io.cairn.interop.OfflineDocumentLoader.knows(c.asText())) {
        notes.add("left out the context " + c.asText() + " (not offline; it defines the proof, which a catalog "
            + "import does not read)");
      } else {
        kept.add(c);
      }
    }
    return kept;
  }

  private static boolean hasType(JsonNode node, String type) {
    JsonNode t = node.get("type");
    if (t == null) {
      return false;
    }
    if (t.isTextual()) {
      return t.asText().equals(type);
    }
    for (JsonNode each : t) {
      if (each.asText().equals(type)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isJwt(ImportSource source) {
    String text = source.text().strip();
    return source.extension().equals("jwt") || text.matches("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*$");
  }

  /** A VC-JWT's payload: the credential in its {@code vc} claim, or the payload itself (VC 2.0). */
  private static JsonNode jwtPayload(ImportSource source) {
    String[] parts = source.text().strip().split("\\.");
    if (parts.length < 2) {
      throw new StandardFormatException(source.name() + ": not a JWT (expected header.payload.signature)");
    }
    try {
      byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
      JsonNode claims = DocumentGraphs.json(ImportSource.of(source.name(),
          new String(payload, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)));
      return claims.has("vc") ? claims.get("vc") : claims;
    } catch (IllegalArgumentException e) {
      throw new StandardFormatException(source.name() + ": the JWT payload is not base64url: " + e.getMessage(), e);
    }
  }
}
