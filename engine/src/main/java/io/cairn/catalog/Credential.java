package io.cairn.catalog;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A credential of the catalog at dense index {@code index}.
 *
 * @param issuer index of its issuer, or -1
 * @param hours notional workload in hours (0 when unknown: see {@code unknown})
 * @param ects ECTS credit points (0 when not credit-bearing)
 * @param eqfLevel EQF level 1..8, or 0 if unknown
 * @param cost price in {@code currency}; 0 when free or unknown (see {@code unknown})
 * @param teaches competencies its learning outcomes align to
 * @param requiredCredentials credentials that must be held before it
 * @param requiredCompetencies competencies that must be held before it
 * @param stacksInto larger credentials it counts toward
 * @param unknown the facts its description leaves out (standards' documents often do), which a constraint on them
 *     cannot be checked against: such a credential does not pass a finite {@code maxHours} or {@code maxCost}
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
    List<StackLink> stacksInto,
    Set<Fact> unknown) {

  /** A fact a credential's description may leave out. */
  public enum Fact {
    /** Its workload: {@code hours} reads 0. */
    WORKLOAD,
    /** Its price: {@code cost} reads 0. */
    COST;

    /** The word the API and the command line use: {@code workload}, {@code cost}. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Credential {
    stacksInto = List.copyOf(stacksInto);
    unknown = unknown.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(unknown));
  }

  /** A credential whose every fact is known. */
  public Credential(int index, String iri, String id, String name, String description, CredentialKind kind,
      String achievementType, int issuer, double hours, double ects, int eqfLevel, DeliveryMode mode, double cost,
      String currency, IntSet teaches, IntSet requiredCredentials, IntSet requiredCompetencies,
      List<StackLink> stacksInto) {
    this(index, iri, id, name, description, kind, achievementType, issuer, hours, ects, eqfLevel, mode, cost,
        currency, teaches, requiredCredentials, requiredCompetencies, stacksInto, Set.of());
  }

  /** True unless its description leaves its workload out. */
  public boolean workloadKnown() {
    return !unknown.contains(Fact.WORKLOAD);
  }

  /** True unless its description leaves its price out. */
  public boolean costKnown() {
    return !unknown.contains(Fact.COST);
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
