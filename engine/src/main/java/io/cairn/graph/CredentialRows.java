package io.cairn.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.rdf.model.RDFNode;

/**
 * What the snapshot needs of the credentials, read with the credential queries and keyed by IRI, not yet by
 * index: it is read in its own transaction beside the competencies and occupations, whose indices it needs only
 * when the snapshot is assembled.
 */
final class CredentialRows {
  static final String CREDENTIAL_TYPE = "http://data.europa.eu/snb/model/elm/LearningAchievementSpecification";

  /** A credential's stacking link as stated: {@code credits} is NaN when the part's own credits transfer. */
  record Stack(String whole, double credits) {}

  /** Every credential's types. */
  final Map<String, Set<String>> types = new HashMap<>();
  /** Per credential, per fact ({@code name}, {@code issuer}, {@code price}, ...), the smallest value. */
  final Map<String, Map<String, RDFNode>> facts = new HashMap<>();
  /** The currency of each credential's chosen price. */
  final Map<String, RDFNode> currency = new HashMap<>();
  final Map<String, List<String>> teaches = new HashMap<>();
  final Map<String, List<String>> requiredCredentials = new HashMap<>();
  final Map<String, List<String>> requiredSkills = new HashMap<>();
  final Map<String, List<Stack>> stacks = new HashMap<>();

  private CredentialRows() {}

  static CredentialRows read(Sparql graph) {
    CredentialRows rows = new CredentialRows();
    SnapshotCompiler.select(graph, "credential-types", row -> rows.types
        .computeIfAbsent(SnapshotCompiler.uri(row, "credential"), k -> new HashSet<>())
        .add(SnapshotCompiler.uri(row, "type")));
    Comparator<RDFNode> order = SnapshotCompiler.NODE_ORDER;
    SnapshotCompiler.select(graph, "credential-facts", row -> {
      String credential = SnapshotCompiler.uri(row, "credential");
      String fact = row.getLiteral("fact").getString();
      RDFNode value = row.get("value");
      Map<String, RDFNode> facts = rows.facts.computeIfAbsent(credential, k -> new HashMap<>());
      RDFNode old = facts.get(fact);
      if (old == null || order.compare(value, old) < 0) {
        facts.put(fact, value);
        if (fact.equals("price")) {
          RDFNode currency = row.get("currency");
          if (currency == null) {
            rows.currency.remove(credential);
          } else {
            rows.currency.put(credential, currency);
          }
        }
      }
    });
    SnapshotCompiler.select(graph, "credential-outcomes", row -> rows.teaches
        .computeIfAbsent(SnapshotCompiler.uri(row, "credential"), k -> new ArrayList<>())
        .add(SnapshotCompiler.uri(row, "skill")));
    SnapshotCompiler.select(graph, "credential-prerequisites", row -> {
      String credential = SnapshotCompiler.uri(row, "credential");
      if (row.contains("requiredCredential")) {
        rows.requiredCredentials.computeIfAbsent(credential, k -> new ArrayList<>())
            .add(SnapshotCompiler.uri(row, "requiredCredential"));
      }
      if (row.contains("requiredSkill")) {
        rows.requiredSkills.computeIfAbsent(credential, k -> new ArrayList<>())
            .add(SnapshotCompiler.uri(row, "requiredSkill"));
      }
    });
    SnapshotCompiler.select(graph, "credential-stacking", row -> rows.stacks
        .computeIfAbsent(SnapshotCompiler.uri(row, "credential"), k -> new ArrayList<>())
        .add(new Stack(SnapshotCompiler.uri(row, "whole"),
            row.contains("credits") ? SnapshotCompiler.number(row, "credits") : Double.NaN)));
    return rows;
  }

  /** The credentials' IRIs in order: a credential's index is its position. */
  List<String> credentials() {
    List<String> iris = new ArrayList<>();
    types.forEach((iri, t) -> {
      if (t.contains(CREDENTIAL_TYPE)) {
        iris.add(iri);
      }
    });
    iris.sort(Comparator.naturalOrder());
    return iris;
  }

  /** The fact's value, or null. */
  RDFNode fact(String credential, String fact) {
    return facts.getOrDefault(credential, Map.of()).get(fact);
  }
}
