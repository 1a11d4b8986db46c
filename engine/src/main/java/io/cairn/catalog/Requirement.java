package io.cairn.catalog;

import java.util.List;

/**
 * A node of a requirement tree (a CTDL {@code ComponentCondition} or one of its target components).
 * Conditions combine children; leaves ask for one credential or one competency.
 */
public sealed interface Requirement {

  /**
   * How deep conditions may nest: the store refuses a longer chain of {@code ceterms:hasCondition} links (and
   * stacking or prerequisite chains longer than this), so code that walks a tree may recurse.
   */
  int MAX_NESTING = 32;

  /**
   * How many requirements (conditions and leaves) one tree may hold once conditions shared by several parents are
   * spelled out in each place: the store refuses more, so a tree built from the graph stays small.
   */
  int MAX_TREE_SIZE = 10_000;

  /** IRI of the condition or component. */
  String iri();

  /** Short id (last IRI segment). */
  String id();

  /** Human-readable name. */
  String name();

  /** How a condition combines its children. */
  enum Rule {
    /** Every child must be satisfied. */
    ALL_OF,
    /** At least {@code requiredNumber} children must be satisfied. */
    AT_LEAST,
    /** Children must bring at least {@code minimumCredits} ECTS. */
    MINIMUM_CREDITS
  }

  /**
   * A condition over children.
   *
   * @param requiredNumber for {@link Rule#AT_LEAST}; otherwise the number of children
   * @param minimumCredits for {@link Rule#MINIMUM_CREDITS}; otherwise 0
   * @param allowsDoubleCounting when true, holdings used here stay available to sibling requirements
   */
  record Condition(
      String iri,
      String id,
      String name,
      Rule rule,
      int requiredNumber,
      double minimumCredits,
      boolean allowsDoubleCounting,
      List<Requirement> children)
      implements Requirement {
    public Condition {
      children = List.copyOf(children);
    }
  }

  /** Satisfied by holding the credential at index {@code credential}. */
  record CredentialLeaf(String iri, String id, String name, int credential) implements Requirement {}

  /** Satisfied by holding the competency at index {@code competency}. */
  record CompetencyLeaf(String iri, String id, String name, int competency) implements Requirement {}
}
