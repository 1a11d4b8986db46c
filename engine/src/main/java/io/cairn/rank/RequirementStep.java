package io.cairn.rank;

import io.cairn.audit.OpenLeaf;
import io.cairn.catalog.Credential;
import java.util.ArrayList;
import java.util.List;

/**
 * An unmet requirement of a pathway that a credential advances.
 *
 * @param requirementId the condition it sits in
 * @param leafId the component the credential fulfils (or makes progress on, through stacking)
 * @param credits ECTS it brings toward the requirement
 * @param direct true when the credential is the component itself, false when it stacks into it or teaches it
 */
public record RequirementStep(
    String requirementId, String requirementName, String leafId, String leafName, double credits, boolean direct) {

  /**
   * The open requirements {@code credential} advances: a credential leaf it is (its ECTS), a credential leaf it
   * stacks into (its transfer credits), a competency leaf it teaches.
   */
  public static List<RequirementStep> advancedBy(Credential credential, List<OpenLeaf> openLeaves) {
    List<RequirementStep> steps = new ArrayList<>();
    for (OpenLeaf leaf : openLeaves) {
      if (leaf.credentialLeaf() && leaf.target() == credential.index()) {
        steps.add(new RequirementStep(leaf.requirementId(), leaf.requirementName(), leaf.leafId(), leaf.leafName(),
            credential.ects(), true));
      } else if (leaf.credentialLeaf() && credential.stacksInto(leaf.target())) {
        steps.add(new RequirementStep(leaf.requirementId(), leaf.requirementName(), leaf.leafId(), leaf.leafName(),
            credential.creditsToward(leaf.target()), false));
      } else if (!leaf.credentialLeaf() && credential.teaches().contains(leaf.target())) {
        steps.add(new RequirementStep(leaf.requirementId(), leaf.requirementName(), leaf.leafId(), leaf.leafName(),
            0, true));
      }
    }
    return steps;
  }
}
