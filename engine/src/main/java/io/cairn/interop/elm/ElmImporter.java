package io.cairn.interop.elm;

import io.cairn.interop.DocumentGraphs;
import io.cairn.interop.Graphs;
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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * Reads European Learning Model documents (JSON-LD with the EDC context, or Turtle): learning achievement
 * specifications, qualifications and learning opportunities, alone or inside an issued European Digital
 * Credential. Only the specifications and what hangs off them are catalog data: the learner's part of an issued
 * credential (the person, the claims), its display and its proof are left out on purpose. Identifiers the EDC
 * tools number per document ({@code urn:epass:...}) are scoped to the document, so two documents' "qualification
 * 1" stay two.
 */
public final class ElmImporter implements StandardImporter {
  private static final String EPASS = "urn:epass:";
  private static final Node LAS = Vocab.LEARNING_ACHIEVEMENT_SPECIFICATION;
  private static final Node QUALIFICATION = Vocab.uri(Vocab.ELM + "Qualification");
  private static final Node LEARNING_OPPORTUNITY = Vocab.uri(Vocab.ELM + "LearningOpportunity");
  private static final Node SPECIFIED_BY = Vocab.uri(Vocab.ELM + "specifiedBy");
  private static final Node AWARDED_BY = Vocab.uri(Vocab.ELM + "awardedBy");
  private static final Node ORGANISATION = Vocab.uri(Vocab.ELM + "Organisation");
  private final JsonLdReader jsonLd;

  public ElmImporter(JsonLdReader jsonLd) {
    this.jsonLd = jsonLd;
  }

  @Override
  public StandardFormat format() {
    return StandardFormat.ELM;
  }

  @Override
  public MappedSource map(ImportSource source, StoreLookup lookup) {
    String base = DocumentGraphs.base(source);
    Graph document;
    Set<String> undefined = Set.of();
    if (DocumentGraphs.isRdfText(source)) {
      document = DocumentGraphs.rdf(source, base);
    } else {
      JsonLdReader.Parsed parsed = jsonLd.read(source.name(), DocumentGraphs.text(DocumentGraphs.json(source)), base);
      document = parsed.graph();
      undefined = parsed.undefinedTerms();
    }
    scopeLocalIdentifiers(document, source);
    Set<Node> roots = roots(document);
    if (roots.isEmpty()) {
      throw new NothingToImportException(source.name() + ": no ELM learning achievement specification, qualification"
          + " or learning opportunity in it; an issued credential whose claims name no specification (a"
          + " certificate of participation, say) has nothing for a catalog");
    }
    Graph graph = catalogPart(document, roots);
    issuersFromClaims(document, graph);
    MappedSource mapped = new MappedSource(source, StandardFormat.ELM, graph);
    if (graph.size() < document.size()) {
      mapped.note("kept the specifications and what they describe (" + graph.size() + " of " + document.size()
          + " triples); an issued credential's learner, claims, display and proof are not catalog data");
    }
    if (!undefined.isEmpty()) {
      mapped.note("keys the ELM contexts do not define, dropped: " + String.join(", ", undefined));
    }
    JsonLdReader.dropUndefined(graph);
    MappingQueries.update(ElmImporter.class, "to-cairn", graph);
    Set<String> missing = Outcomes.alignKnownSkills(graph, lookup);
    if (!missing.isEmpty()) {
      mapped.note(missing.size() + " aligned ESCO skill(s) are not in the store: " + String.join(", ", missing));
    }
    for (Triple t : graph.find(Node.ANY, RDF.type.asNode(), LAS).toList()) {
      mapped.resource(t.getSubject());
    }
    for (Triple t : graph.find(Node.ANY, RDF.type.asNode(), LEARNING_OPPORTUNITY).toList()) {
      mapped.resource(t.getSubject());
    }
    for (Triple t : graph.find(Node.ANY, Vocab.OWNED_BY, Node.ANY).toList()) {
      mapped.resource(t.getObject());
    }
    return mapped;
  }

  /** {@code urn:epass:qualification:1} becomes {@code https://w3id.org/cairn/id/elm/<document>-qualification-1}. */
  private static void scopeLocalIdentifiers(Graph graph, ImportSource source) {
    Set<Node> local = new LinkedHashSet<>();
    graph.find().forEachRemaining(t -> {
      for (Node n : List.of(t.getSubject(), t.getObject())) {
        if (n.isURI() && n.getURI().startsWith(EPASS)) {
          local.add(n);
        }
      }
    });
    String scope = Vocab.CAIRN_ID + "elm/" + source.sha256().substring(0, 12) + "-";
    for (Node n : local) {
      Graphs.rename(graph, n, Vocab.uri(scope + n.getURI().substring(EPASS.length()).replace(':', '-')));
    }
  }

  private static Set<Node> roots(Graph graph) {
    Set<Node> roots = new LinkedHashSet<>();
    for (Node type : List.of(LAS, QUALIFICATION, LEARNING_OPPORTUNITY)) {
      graph.find(Node.ANY, RDF.type.asNode(), type).forEachRemaining(t -> roots.add(t.getSubject()));
    }
    return roots;
  }

  /**
   * An issued credential says who awards a specification in the claim (the learner's achievement), not in the
   * specification: the awarding body of a claim becomes the specification's issuer, when it names none itself.
   */
  private static void issuersFromClaims(Graph document, Graph part) {
    Node awardingBody = Vocab.uri(Vocab.ELM + "awardingBody");
    Node awardingOpportunity = Vocab.uri(Vocab.ELM + "awardingOpportunity");
    Set<Node> specs = new LinkedHashSet<>();
    for (Node type : List.of(LAS, QUALIFICATION)) {
      part.find(Node.ANY, RDF.type.asNode(), type).forEachRemaining(t -> specs.add(t.getSubject()));
    }
    for (Node s : specs) {
      if (part.contains(s, Vocab.OWNED_BY, Node.ANY) || part.contains(s, awardingOpportunity, Node.ANY)) {
        continue;
      }
      for (Triple claim : document.find(Node.ANY, SPECIFIED_BY, s).toList()) {
        for (Triple process : document.find(claim.getSubject(), AWARDED_BY, Node.ANY).toList()) {
          Node body = Graphs.object(document, process.getObject(), awardingBody);
          if (body != null && body.isURI() && document.contains(body, RDF.type.asNode(), ORGANISATION)
              && !part.contains(s, Vocab.OWNED_BY, Node.ANY)) {
            part.add(s, Vocab.OWNED_BY, body);
            Graphs.owned(document, body).forEach(part::add);
            copyReachable(document, part, body);
          }
        }
      }
    }
  }

  private static void copyReachable(Graph document, Graph part, Node start) {
    Set<Node> seen = new HashSet<>();
    Deque<Node> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      Node n = queue.pop();
      if (!seen.add(n)) {
        continue;
      }
      for (Triple t : document.find(n, Node.ANY, Node.ANY).toList()) {
        part.add(t);
        if (!t.getObject().isLiteral()) {
          queue.add(t.getObject());
        }
      }
    }
  }

  /** The roots and everything reachable from them by following links forward; nothing of the learner. */
  private static Graph catalogPart(Graph document, Set<Node> roots) {
    Graph part = GraphFactory.createDefaultGraph();
    roots.forEach(root -> copyReachable(document, part, root));
    return part;
  }
}
