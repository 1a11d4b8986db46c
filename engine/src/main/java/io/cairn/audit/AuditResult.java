package io.cairn.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit of a pathway against a learner's holdings.
 *
 * @param pathway pathway index
 * @param status best status among the destinations (MISSING when there are none); {@link #statusDestination()}
 *     names the destination it refers to
 */
public record AuditResult(int pathway, Status status, List<DestinationResult> destinations) {

  public AuditResult {
    destinations = List.copyOf(destinations);
  }

  /**
   * The destination the pathway's status refers to: the first destination with the best status, a final
   * destination before an off-ramp with the same status. Empty when the pathway has no destinations. When it is an
   * off-ramp, the pathway is only as far as that exit award (the final destinations are further behind).
   */
  public Optional<DestinationResult> statusDestination() {
    DestinationResult chosen = null;
    for (DestinationResult destination : destinations) {
      if (chosen == null || destination.status().ordinal() < chosen.status().ordinal()
          || destination.status() == chosen.status() && chosen.offRamp() && !destination.offRamp()) {
        chosen = destination;
      }
    }
    return Optional.ofNullable(chosen);
  }

  /** The destination with this id, if the pathway has one. */
  public Optional<DestinationResult> destination(String id) {
    return destinations.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  /**
   * Every leaf not SATISFIED that lies under unsatisfied nodes only (descent stops at satisfied nodes and
   * satisfied destinations), first occurrence per leaf IRI, destinations and children in declared order.
   */
  public List<OpenLeaf> openLeaves() {
    Map<String, OpenLeaf> byIri = new LinkedHashMap<>();
    for (DestinationResult destination : destinations) {
      if (destination.status() != Status.SATISFIED && destination.tree() != null) {
        collect(destination.tree(), destination.id(), destination.name(), byIri);
      }
    }
    return List.copyOf(new ArrayList<>(byIri.values()));
  }

  private static void collect(NodeResult node, String requirementId, String requirementName,
      Map<String, OpenLeaf> byIri) {
    if (node.status() == Status.SATISFIED) {
      return;
    }
    if (node.leaf()) {
      byIri.putIfAbsent(node.iri(), new OpenLeaf(requirementId, requirementName, node.id(), node.name(),
          NodeResult.CREDENTIAL.equals(node.kind()), node.target()));
      return;
    }
    for (NodeResult child : node.children()) {
      collect(child, node.id(), node.name(), byIri);
    }
  }
}
