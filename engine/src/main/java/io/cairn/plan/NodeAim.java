package io.cairn.plan;

import io.cairn.audit.AdvisorException;
import io.cairn.catalog.Destination;
import io.cairn.catalog.Pathway;
import io.cairn.catalog.Requirement;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A plan to one requirement node of a pathway rather than to a whole destination: "what is left" of a condition or
 * a component. The node becomes the requirement of a destination of its own (awarding nothing), in a pathway that
 * has only that destination, so the planner and the audit treat it exactly as they treat a destination.
 */
final class NodeAim {
  private NodeAim() {}

  /**
   * The aim for the node with id or IRI {@code node} in any destination's tree of {@code pathway}, keeping the
   * advisor's exceptions that name requirements below it (one on the node itself settles it: it is not open).
   */
  static Optional<Aim.PathwayAim> of(Pathway pathway, String node, List<AdvisorException> exceptions) {
    for (Destination d : pathway.destinations()) {
      Optional<Requirement> found = find(d.requirement(), node);
      if (found.isPresent()) {
        Requirement r = found.get();
        Destination own = new Destination(r.iri(), r.id(), r.name(), -1, false, r);
        Pathway narrowed = new Pathway(pathway.index(), pathway.iri(), pathway.id(), pathway.name(),
            pathway.description(), List.of(own), pathway.goalOccupation());
        Set<String> below = new HashSet<>();
        if (r instanceof Requirement.Condition c) {
          c.children().forEach(child -> names(child, below));
        }
        return Optional.of(new Aim.PathwayAim(narrowed, List.of(own),
            exceptions.stream().filter(e -> below.contains(e.requirement())).toList()));
      }
    }
    return Optional.empty();
  }

  private static Optional<Requirement> find(Requirement r, String node) {
    if (r == null) {
      return Optional.empty();
    }
    if (r.id().equals(node) || r.iri().equals(node)) {
      return Optional.of(r);
    }
    if (r instanceof Requirement.Condition c) {
      for (Requirement child : c.children()) {
        Optional<Requirement> found = find(child, node);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static void names(Requirement r, Set<String> into) {
    into.add(r.id());
    into.add(r.iri());
    if (r instanceof Requirement.Condition c) {
      c.children().forEach(child -> names(child, into));
    }
  }
}
