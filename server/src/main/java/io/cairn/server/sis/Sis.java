package io.cairn.server.sis;

import io.cairn.interop.oneroster.SisMapping;
import java.util.Optional;

/**
 * The student information system Cairn reads holdings from: the source of the records and the operator's mapping
 * of courses to credentials. Read per request; nothing about a learner is kept.
 */
public record Sis(SisSource source, SisMapping mapping) {

  /** What the SIS says {@code learner} (a OneRoster user sourcedId) has passed, as Cairn credentials. */
  public SisMapping.SisHoldings holdings(String learner) {
    if (learner == null || learner.isBlank()) {
      throw new IllegalArgumentException("give the learner's OneRoster sourcedId");
    }
    return mapping.holdings(learner.trim(), source.roster(learner.trim()));
  }

  /** No SIS configured. */
  public static Optional<Sis> none() {
    return Optional.empty();
  }
}
