package io.cairn.catalog;

import java.util.Comparator;
import java.util.Locale;

/**
 * The order of a credential listing: by one column, ascending or descending, stable (credentials that tie keep
 * their catalog order). A figure the credential does not state (no price, no workload, no EQF level) sorts last
 * either way, since it is not known to be small or large.
 *
 * @param column the column sorted by
 * @param descending true for largest (or Z) first
 */
public record CredentialOrder(Column column, boolean descending) {

  /** The columns a listing sorts by, with their names in the API ({@code sort=cost}, {@code sort=-cost}). */
  public enum Column {
    NAME, TYPE, ISSUER, MODE, HOURS, ECTS, EQF, COST;

    public String apiName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * {@code name}, {@code -cost}, ...: a column's API name, with a leading {@code -} for descending.
   *
   * @throws IllegalArgumentException naming the valid values when {@code text} is none of them
   */
  public static CredentialOrder parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    boolean descending = t.startsWith("-");
    String name = descending ? t.substring(1) : t;
    for (Column c : Column.values()) {
      if (c.apiName().equals(name)) {
        return new CredentialOrder(c, descending);
      }
    }
    throw new IllegalArgumentException("must be one of name, type, issuer, mode, hours, ects, eqf, cost (with a "
        + "leading '-' for descending), got '" + text + "'");
  }

  /** The comparator for {@code snapshot}'s credentials; use with a stable sort over the catalog order. */
  public Comparator<Credential> comparator(CatalogSnapshot snapshot) {
    Comparator<Credential> known = Comparator.comparing(c -> !stated(c));
    Comparator<Credential> by = switch (column) {
      case NAME -> Comparator.comparing(c -> c.name().toLowerCase(Locale.ROOT));
      case TYPE -> Comparator.comparing(c -> c.kind().apiName());
      case ISSUER -> Comparator.comparing(c -> c.issuer() < 0 ? "" : snapshot.issuer(c.issuer()).name()
          .toLowerCase(Locale.ROOT));
      case MODE -> Comparator.comparing(c -> c.mode().apiName());
      case HOURS -> Comparator.comparingDouble(Credential::hours);
      case ECTS -> Comparator.comparingDouble(Credential::ects);
      case EQF -> Comparator.comparingInt(Credential::eqfLevel);
      case COST -> Comparator.comparingDouble(Credential::cost);
    };
    return known.thenComparing(descending ? by.reversed() : by);
  }

  private boolean stated(Credential c) {
    return switch (column) {
      case HOURS -> c.workloadKnown();
      case COST -> c.costKnown();
      case EQF -> c.eqfLevel() > 0;
      case ISSUER -> c.issuer() >= 0;
      default -> true;
    };
  }
}
