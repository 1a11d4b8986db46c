package io.cairn.interop;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/**
 * Cairn's catalog reads what a credential teaches from ELM learning outcomes aligned to ESCO skills. The
 * standards that say it otherwise (CTDL's {@code ceterms:teaches}, Open Badges' alignments, mapped to
 * {@code ceterms:teaches}) get an {@code elm:learningOutcome} for each ESCO skill the store or the document
 * holds; alignments to anything else stay as {@code ceterms:teaches}, which the catalog follows through
 * {@code skos:exactMatch} and {@code skos:closeMatch} to ESCO.
 */
public final class Outcomes {
  private static final Node TEACHES = Vocab.uri(Vocab.CETERMS + "teaches");
  private static final Node TARGET_NODE = Vocab.uri(Vocab.CETERMS + "targetNode");
  private static final Node LEARNING_OUTCOME = Vocab.uri(Vocab.ELM + "learningOutcome");
  private static final Node LEARNING_OUTCOME_CLASS = Vocab.uri(Vocab.ELM + "LearningOutcome");
  private static final Node RELATED_ESCO_SKILL = Vocab.uri(Vocab.ELM + "relatedESCOSkill");

  private Outcomes() {}

  /** Adds the learning outcomes; returns the ESCO skills aligned to that neither the store nor the document holds. */
  public static Set<String> alignKnownSkills(Graph graph, StoreLookup lookup) {
    List<Node[]> pairs = new ArrayList<>();
    Set<String> skills = new HashSet<>();
    for (Triple t : graph.find(Node.ANY, TEACHES, Node.ANY).toList()) {
      if (!graph.contains(t.getSubject(), RDF.type.asNode(), Vocab.LEARNING_ACHIEVEMENT_SPECIFICATION)) {
        continue;
      }
      Node target = t.getObject().isURI() ? t.getObject() : Graphs.object(graph, t.getObject(), TARGET_NODE);
      if (target != null && target.isURI() && target.getURI().startsWith(Vocab.ESCO_SKILL)) {
        pairs.add(new Node[] {t.getSubject(), target});
        skills.add(target.getURI());
      }
    }
    Set<String> known = new HashSet<>(lookup.concepts(skills));
    for (String skill : skills) {
      if (graph.contains(NodeFactory.createURI(skill), RDF.type.asNode(), Vocab.SKOS_CONCEPT)) {
        known.add(skill);
      }
    }
    Set<String> unknown = new HashSet<>(skills);
    unknown.removeAll(known);
    for (Node[] pair : pairs) {
      if (known.contains(pair[1].getURI()) && !hasOutcome(graph, pair[0], pair[1])) {
        Node outcome = NodeFactory.createBlankNode();
        graph.add(pair[0], LEARNING_OUTCOME, outcome);
        graph.add(outcome, RDF.type.asNode(), LEARNING_OUTCOME_CLASS);
        graph.add(outcome, RELATED_ESCO_SKILL, pair[1]);
      }
    }
    return unknown;
  }

  private static boolean hasOutcome(Graph graph, Node credential, Node skill) {
    for (Triple t : graph.find(credential, LEARNING_OUTCOME, Node.ANY).toList()) {
      if (graph.contains(t.getObject(), RELATED_ESCO_SKILL, skill)) {
        return true;
      }
    }
    return false;
  }
}
