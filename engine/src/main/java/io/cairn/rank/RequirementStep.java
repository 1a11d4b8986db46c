package io.cairn.rank;

/**
 * An unmet requirement of a pathway that a credential advances.
 *
 * @param requirementId the condition it sits in
 * @param leafId the component the credential fulfils (or makes progress on, through stacking)
 * @param credits ECTS it brings toward the requirement
 * @param direct true when the credential is the component itself, false when it stacks into it or teaches it
 */
public record RequirementStep(
    String requirementId, String requirementName, String leafId, String leafName, double credits, boolean direct) {}
