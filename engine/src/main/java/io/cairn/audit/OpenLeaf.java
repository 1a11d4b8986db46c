package io.cairn.audit;

/**
 * A leaf still to be met, with the condition it serves.
 *
 * @param requirementId id of the nearest enclosing condition (the destination's id when the leaf is the root)
 * @param requirementName name of that condition (or destination)
 * @param credentialLeaf true for a credential component, false for a competency component
 * @param target credential or competency index the leaf asks for
 */
public record OpenLeaf(
    String requirementId, String requirementName, String leafId, String leafName, boolean credentialLeaf,
    int target) {}
