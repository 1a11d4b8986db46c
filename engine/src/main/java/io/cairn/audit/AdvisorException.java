package io.cairn.audit;

import java.util.Objects;

/**
 * An advisor's decision about one node of a requirement tree: waive it, or let another credential stand in for
 * a credential component.
 *
 * @param requirement id or IRI of a condition or component in the pathway's requirement trees
 * @param substitute credential index standing in, for {@link Kind#SUBSTITUTE}; -1 otherwise
 * @param note the advisor's reason, shown with the result (may be empty)
 */
public record AdvisorException(Kind kind, String requirement, int substitute, String note) {

  /** What the advisor decided. */
  public enum Kind {
    /** The node counts as satisfied without consuming any holdings. */
    WAIVE,
    /** Holding {@code substitute} satisfies the credential component. */
    SUBSTITUTE
  }

  public AdvisorException {
    Objects.requireNonNull(kind, "kind");
    if (requirement == null || requirement.isBlank()) {
      throw new IllegalArgumentException("an advisor exception must name a requirement (id or IRI)");
    }
    requirement = requirement.trim();
    note = note == null ? "" : note;
    if (kind == Kind.SUBSTITUTE && substitute < 0) {
      throw new IllegalArgumentException(
          "substitution for '" + requirement + "' needs the substitute credential's index, got " + substitute);
    }
    if (kind == Kind.WAIVE && substitute != -1) {
      throw new IllegalArgumentException(
          "waiver of '" + requirement + "' cannot name a substitute; use -1 or a SUBSTITUTE exception");
    }
  }

  public static AdvisorException waive(String requirement, String note) {
    return new AdvisorException(Kind.WAIVE, requirement, -1, note);
  }

  public static AdvisorException substitute(String requirement, int substitute, String note) {
    return new AdvisorException(Kind.SUBSTITUTE, requirement, substitute, note);
  }
}
