package io.cairn.audit;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Destination;
import io.cairn.catalog.Pathway;
import io.cairn.catalog.Requirement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Advisor exceptions resolved to the nodes of one pathway, checked before any evaluation starts. */
final class ExceptionBook {
  private static final int SUGGESTIONS = 12;
  private final Map<String, List<AdvisorException>> byNodeIri;

  private ExceptionBook(Map<String, List<AdvisorException>> byNodeIri) {
    this.byNodeIri = byNodeIri;
  }

  static ExceptionBook resolve(CatalogSnapshot snapshot, Pathway pathway, List<AdvisorException> exceptions) {
    List<Requirement> nodes = new ArrayList<>();
    for (Destination destination : pathway.destinations()) {
      if (destination.requirement() != null) {
        collect(destination.requirement(), nodes);
      }
    }
    Map<String, List<AdvisorException>> byNodeIri = new HashMap<>();
    for (AdvisorException exception : exceptions) {
      List<Requirement> matches = nodes.stream()
          .filter(n -> exception.requirement().equals(n.iri()) || exception.requirement().equals(n.id()))
          .toList();
      if (matches.isEmpty()) {
        throw new IllegalArgumentException("advisor exception names requirement '" + exception.requirement()
            + "', which is not a condition or component of pathway '" + pathway.id()
            + "'; use the id or IRI of one of its conditions or components: " + suggestions(nodes));
      }
      if (exception.kind() == AdvisorException.Kind.SUBSTITUTE) {
        checkSubstitution(snapshot, pathway, exception, matches);
      } else {
        checkNotAWholeDestination(pathway, exception, matches);
      }
      Set<String> iris = new LinkedHashSet<>();
      matches.forEach(n -> iris.add(n.iri()));
      iris.forEach(iri -> byNodeIri.computeIfAbsent(iri, k -> new ArrayList<>()).add(exception));
    }
    return new ExceptionBook(byNodeIri);
  }

  /** The first waiver of {@code node}, if any; a waiver wins over substitutions. */
  Optional<AdvisorException> waiver(Requirement node) {
    return forNode(node).stream().filter(e -> e.kind() == AdvisorException.Kind.WAIVE).findFirst();
  }

  /** Substitutions for {@code node}, in the order given. */
  List<AdvisorException> substitutions(Requirement node) {
    return forNode(node).stream().filter(e -> e.kind() == AdvisorException.Kind.SUBSTITUTE).toList();
  }

  private List<AdvisorException> forNode(Requirement node) {
    return byNodeIri.getOrDefault(node.iri(), List.of());
  }

  private static void checkSubstitution(
      CatalogSnapshot snapshot, Pathway pathway, AdvisorException exception, List<Requirement> matches) {
    for (Requirement node : matches) {
      if (!(node instanceof Requirement.CredentialLeaf)) {
        throw new IllegalArgumentException("advisor exception substitutes '" + exception.requirement()
            + "' in pathway '" + pathway.id() + "', which is a " + describe(node)
            + "; only a credential component can be substituted (waive a condition instead)");
      }
    }
    if (exception.substitute() >= snapshot.credentials().size()) {
      throw new IllegalArgumentException("substitute credential index " + exception.substitute() + " for '"
          + exception.requirement() + "' in pathway '" + pathway.id() + "' is not in the catalog snapshot");
    }
  }

  /**
   * A waiver of a destination's whole requirement would award the destination with nothing earned: no advisor
   * grants a degree that way (it is an award decision, not an exception to one requirement), and an audit saying
   * "satisfied" for it would mislead whoever reads it. Refused, naming what can be waived instead.
   */
  private static void checkNotAWholeDestination(Pathway pathway, AdvisorException exception, List<Requirement> matches) {
    for (Destination destination : pathway.destinations()) {
      Requirement root = destination.requirement();
      if (root != null && matches.contains(root)) {
        String underIt = root instanceof Requirement.Condition c
            ? "; waive the conditions or components under it instead: "
                + suggestions(c.children().stream().toList())
            : "";
        throw new IllegalArgumentException("advisor exception waives '" + exception.requirement()
            + "', the whole requirement of destination '" + destination.name() + "' of pathway '" + pathway.id()
            + "': that would award it with nothing earned" + underIt);
      }
    }
  }

  private static String describe(Requirement node) {
    return switch (node) {
      case Requirement.Condition c -> "condition";
      case Requirement.CompetencyLeaf l -> "competency component";
      case Requirement.CredentialLeaf l -> "credential component";
    };
  }

  private static void collect(Requirement node, List<Requirement> into) {
    into.add(node);
    if (node instanceof Requirement.Condition condition) {
      condition.children().forEach(child -> collect(child, into));
    }
  }

  private static String suggestions(List<Requirement> nodes) {
    List<String> ids = nodes.stream().map(Requirement::id).distinct().toList();
    if (ids.isEmpty()) {
      return "(the pathway has no requirement trees)";
    }
    String shown = String.join(", ", ids.subList(0, Math.min(SUGGESTIONS, ids.size())));
    return ids.size() > SUGGESTIONS ? shown + ", ..." : shown;
  }
}
