package io.cairn.audit;

/**
 * The audit of one destination of a pathway.
 *
 * @param credential the credential it awards, or -1
 * @param alreadyHeld true when the learner already holds that credential (then the status is SATISFIED)
 * @param tree the audit of its requirement tree, or null when it has none
 * @param fit how the holdings were assigned to the tree (greedy or best fit) and what the best fit changed
 */
public record DestinationResult(
    String iri,
    String id,
    String name,
    int credential,
    boolean offRamp,
    Status status,
    boolean alreadyHeld,
    NodeResult tree,
    Fit fit) {

  public DestinationResult {
    fit = fit == null ? Fit.unspecified() : fit;
  }

  /** A destination result without assignment information (kept for callers of the earlier constructor). */
  public DestinationResult(String iri, String id, String name, int credential, boolean offRamp, Status status,
      boolean alreadyHeld, NodeResult tree) {
    this(iri, id, name, credential, offRamp, status, alreadyHeld, tree, Fit.unspecified());
  }
}
