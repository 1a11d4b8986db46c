package io.cairn.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * The one definition of a pathway's goal skills, used by every screen that counts them (the learner's goal
 * progress, the curriculum coverage): the competencies its requirement trees name, and the competencies taught by
 * the credentials they name, over all its destinations, each once. The skills of the occupation the pathway prepares
 * for are not among them: coverage lists those beside them, marked as the occupation's.
 */
public final class PathwaySkills {
  private PathwaySkills() {}

  public static IntSet of(CatalogSnapshot snapshot, Pathway pathway) {
    List<Integer> skills = new ArrayList<>();
    for (Destination d : pathway.destinations()) {
      if (d.requirement() != null) {
        add(snapshot, d.requirement(), skills);
      }
    }
    return IntSet.of(skills);
  }

  /** The competencies one requirement asks for: named, or taught by the credential it names. */
  public static IntSet of(CatalogSnapshot snapshot, Requirement requirement) {
    List<Integer> skills = new ArrayList<>();
    add(snapshot, requirement, skills);
    return IntSet.of(skills);
  }

  private static void add(CatalogSnapshot snapshot, Requirement r, List<Integer> into) {
    switch (r) {
      case Requirement.Condition c -> c.children().forEach(child -> add(snapshot, child, into));
      case Requirement.CompetencyLeaf leaf -> into.add(leaf.competency());
      case Requirement.CredentialLeaf leaf -> snapshot.credential(leaf.credential()).teaches().stream()
          .forEach(into::add);
    }
  }
}
