package io.cairn.labor.eval;

import java.util.List;

/**
 * How one scorer did on one split, per held fraction.
 *
 * @param role {@code model}, {@code baseline} (the baselines, the target compares with these) or
 *     {@code reference} (other non-Tribuo rankers shown for context)
 */
public record ScorerResult(String name, String setting, String role, List<FractionResult> fractions) {
  public ScorerResult {
    fractions = List.copyOf(fractions);
  }
}
