package io.cairn.audit;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Competency;
import io.cairn.catalog.Credential;
import io.cairn.catalog.CredentialKind;
import io.cairn.catalog.DeliveryMode;
import io.cairn.catalog.Destination;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Pathway;
import io.cairn.catalog.Requirement;
import io.cairn.catalog.Requirement.Condition;
import io.cairn.catalog.Requirement.Rule;
import io.cairn.catalog.StackLink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Builds small hand-made catalogs and requirement trees for the audit tests. */
final class Fixture {
  static final String CONDITION = "https://w3id.org/cairn/id/condition/";
  static final String COMPONENT = "https://w3id.org/cairn/id/component/";

  private record Spec(String id, double ects, int[] teaches, List<StackLink> stacks) {}

  private final List<String> competencyIds = new ArrayList<>();
  private final List<Spec> specs = new ArrayList<>();

  int competency(String id) {
    competencyIds.add(id);
    return competencyIds.size() - 1;
  }

  int credential(String id, double ects, int... teaches) {
    specs.add(new Spec(id, ects, teaches, new ArrayList<>()));
    return specs.size() - 1;
  }

  /** {@code part} stacks into {@code whole}, carrying {@code transfer} ECTS. */
  Fixture stack(int part, int whole, double transfer) {
    specs.get(part).stacks().add(new StackLink(whole, transfer));
    return this;
  }

  CatalogSnapshot snapshot(Pathway... pathways) {
    List<Competency> competencies = new ArrayList<>();
    for (int i = 0; i < competencyIds.size(); i++) {
      String id = competencyIds.get(i);
      competencies.add(new Competency(i, "http://data.europa.eu/esco/skill/" + id, id, id, List.of(), "skill",
          "cross-sector", 0, 0, ""));
    }
    List<Credential> credentials = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      Spec s = specs.get(i);
      credentials.add(new Credential(i, "https://w3id.org/cairn/id/credential/" + s.id(), s.id(), s.id(), "",
          CredentialKind.OTHER, "Badge", -1, 0, s.ects(), 0, DeliveryMode.ONLINE, 0, "EUR", IntSet.of(s.teaches()),
          IntSet.empty(), IntSet.empty(), s.stacks()));
    }
    List<IntSet> broader = competencies.stream().map(c -> IntSet.empty()).toList();
    return new CatalogSnapshot(1, Instant.EPOCH, competencies, List.of(), credentials, List.of(),
        Arrays.asList(pathways), broader);
  }

  static Condition allOf(String id, Requirement... children) {
    return new Condition(CONDITION + id, id, "All of " + id, Rule.ALL_OF, children.length, 0, false,
        List.of(children));
  }

  static Condition atLeast(String id, int n, Requirement... children) {
    return new Condition(CONDITION + id, id, n + " of " + id, Rule.AT_LEAST, n, 0, false, List.of(children));
  }

  static Condition minCredits(String id, double minimum, Requirement... children) {
    return new Condition(CONDITION + id, id, minimum + " ECTS of " + id, Rule.MINIMUM_CREDITS, children.length,
        minimum, false, List.of(children));
  }

  /** The same condition, letting its holdings count toward its siblings too. */
  static Condition doubleCounting(Condition c) {
    return new Condition(c.iri(), c.id(), c.name(), c.rule(), c.requiredNumber(), c.minimumCredits(), true,
        c.children());
  }

  static Requirement.CredentialLeaf cred(String id, int credential) {
    return new Requirement.CredentialLeaf(COMPONENT + id, id, "Component " + id, credential);
  }

  static Requirement.CompetencyLeaf comp(String id, int competency) {
    return new Requirement.CompetencyLeaf(COMPONENT + id, id, "Component " + id, competency);
  }

  static Destination destination(String id, int credential, Requirement tree) {
    return new Destination(COMPONENT + id, id, "Destination " + id, credential, false, tree);
  }

  static Pathway pathway(String id, Destination... destinations) {
    return new Pathway(0, "https://w3id.org/cairn/id/pathway/" + id, id, id, "", List.of(destinations), -1);
  }

  /** Audits a one-destination pathway (awarding nothing) whose tree is {@code tree}. */
  static AuditResult audit(CatalogSnapshot s, Requirement tree, IntSet held, AdvisorException... exceptions) {
    return Auditor.standard().audit(s, pathway("p", destination("dest", -1, tree)),
        Holdings.of(s, held, IntSet.empty()), List.of(exceptions));
  }

  /** The tree of a one-destination audit. */
  static NodeResult tree(AuditResult result) {
    return result.destinations().get(0).tree();
  }

  /** The first node with id {@code id} in any destination's tree. */
  static NodeResult node(AuditResult result, String id) {
    for (DestinationResult d : result.destinations()) {
      Optional<NodeResult> found = find(d.tree(), id);
      if (found.isPresent()) {
        return found.get();
      }
    }
    throw new AssertionError("no node " + id);
  }

  static Optional<NodeResult> find(NodeResult node, String id) {
    if (node == null) {
      return Optional.empty();
    }
    if (node.id().equals(id)) {
      return Optional.of(node);
    }
    for (NodeResult child : node.children()) {
      Optional<NodeResult> found = find(child, id);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** Every node of the tree, preorder. */
  static List<NodeResult> all(NodeResult root) {
    List<NodeResult> out = new ArrayList<>();
    collect(root, out);
    return out;
  }

  private static void collect(NodeResult node, List<NodeResult> out) {
    out.add(node);
    node.children().forEach(c -> collect(c, out));
  }
}
