package io.cairn.audit;

import io.cairn.catalog.IntSet;
import java.util.List;

/**
 * The audit of one node of a requirement tree. Semantics in this package's {@code README.md}.
 *
 * @param kind {@value #ALL_OF}, {@value #AT_LEAST}, {@value #MINIMUM_CREDITS}, {@value #CREDENTIAL} or
 *     {@value #COMPETENCY}
 * @param satisfiedCount satisfied children (conditions) or 0/1 (leaves)
 * @param requiredCount children required: all of them, N for at-least, 1 for a leaf
 * @param credits ECTS counted toward this node
 * @param requiredCredits ECTS asked for: the minimum of a credit rule, a credential leaf's ECTS, else 0
 * @param countedCredentials held credentials that count toward this node (for a competency leaf: those teaching
 *     it, for information only)
 * @param countedCompetencies held competencies that count toward this node
 * @param exception null, or {@code "waived: <note>"} / {@code "substituted by <credential id>: <note>"}
 * @param target credential or competency index for a leaf, -1 for a condition
 */
public record NodeResult(
    String iri,
    String id,
    String name,
    String kind,
    Status status,
    int satisfiedCount,
    int requiredCount,
    double credits,
    double requiredCredits,
    IntSet countedCredentials,
    IntSet countedCompetencies,
    String exception,
    int target,
    List<NodeResult> children) {

  public static final String ALL_OF = "all-of";
  public static final String AT_LEAST = "at-least";
  public static final String MINIMUM_CREDITS = "minimum-credits";
  public static final String CREDENTIAL = "credential";
  public static final String COMPETENCY = "competency";

  public NodeResult {
    children = List.copyOf(children);
  }

  /** True for a credential or competency leaf. */
  public boolean leaf() {
    return CREDENTIAL.equals(kind) || COMPETENCY.equals(kind);
  }

  /** A copy with other status and exception, as a waiver makes it. */
  NodeResult waived(String exceptionText, double waivedCredits) {
    return new NodeResult(iri, id, name, kind, Status.SATISFIED, satisfiedCount, requiredCount, waivedCredits,
        requiredCredits, IntSet.empty(), IntSet.empty(), exceptionText, target, children);
  }
}
