package io.cairn.catalog;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Filters for listing credentials; every field is optional (empty matches everything). A credential whose price or
 * workload is unknown does not match a {@code maxCost} or {@code maxHours}: it cannot be shown to be within it.
 *
 * @param teaches a competency index the credential must teach
 */
public record CredentialFilter(
    Optional<CredentialKind> kind,
    Optional<Integer> issuer,
    Optional<Boolean> creditBearing,
    Optional<DeliveryMode> mode,
    Optional<Double> maxCost,
    Optional<Double> maxHours,
    Optional<Integer> eqfLevel,
    Optional<Integer> teaches) implements Predicate<Credential> {

  public static CredentialFilter all() {
    return new CredentialFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Override
  public boolean test(Credential c) {
    return kind.map(k -> c.kind() == k).orElse(true)
        && issuer.map(i -> c.issuer() == i).orElse(true)
        && creditBearing.map(b -> c.creditBearing() == b).orElse(true)
        && mode.map(m -> c.mode() == m).orElse(true)
        && maxCost.map(max -> c.costKnown() && c.cost() <= max).orElse(true)
        && maxHours.map(max -> c.workloadKnown() && c.hours() <= max).orElse(true)
        && eqfLevel.map(level -> c.eqfLevel() == level).orElse(true)
        && teaches.map(k -> c.teaches().contains(k)).orElse(true);
  }
}
