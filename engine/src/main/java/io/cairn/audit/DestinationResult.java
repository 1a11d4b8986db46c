package io.cairn.audit;

/**
 * The audit of one destination of a pathway.
 *
 * @param credential the credential it awards, or -1
 * @param alreadyHeld true when the learner already holds that credential (then the status is SATISFIED)
 * @param tree the audit of its requirement tree, or null when it has none
 */
public record DestinationResult(
    String iri,
    String id,
    String name,
    int credential,
    boolean offRamp,
    Status status,
    boolean alreadyHeld,
    NodeResult tree) {}
