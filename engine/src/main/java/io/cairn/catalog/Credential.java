package io.cairn.catalog;

import java.util.List;

/**
 * A credential of the catalog at dense index {@code index}.
 *
 * @param issuer index of its issuer, or -1
 * @param hours notional workload in hours (0 if unknown)
 * @param ects ECTS credit points (0 when not credit-bearing)
 * @param eqfLevel EQF level 1..8, or 0 if unknown
 * @param cost price in {@code currency}; 0 when free or unknown
 * @param teaches competencies its learning outcomes align to
 * @param requiredCredentials credentials that must be held before it
 * @param requiredCompetencies competencies that must be held before it
 * @param stacksInto larger credentials it counts toward
 */
public record Credential(
    int index,
    String iri,
    String id,
    String name,
    String description,
    CredentialKind kind,
    String achievementType,
    int issuer,
    double hours,
    double ects,
    int eqfLevel,
    DeliveryMode mode,
    double cost,
    String currency,
    IntSet teaches,
    IntSet requiredCredentials,
    IntSet requiredCompetencies,
    List<StackLink> stacksInto) {

  public Credential {
    stacksInto = List.copyOf(stacksInto);
  }

  /** True when it carries ECTS credit points. */
  public boolean creditBearing() {
    return ects > 0;
  }

  /** True when this credential stacks directly into {@code whole} (with or without credits). */
  public boolean stacksInto(int whole) {
    for (StackLink link : stacksInto) {
      if (link.target() == whole) {
        return true;
      }
    }
    return false;
  }

  /** ECTS this credential carries into {@code whole}, or 0 when it does not stack into it. */
  public double creditsToward(int whole) {
    for (StackLink link : stacksInto) {
      if (link.target() == whole) {
        return link.transferCredits();
      }
    }
    return 0;
  }
}
