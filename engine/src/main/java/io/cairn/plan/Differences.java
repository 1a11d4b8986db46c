package io.cairn.plan;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Says how an alternative differs from the first plan, in figures and in words. */
final class Differences {
  private Differences() {}

  static Plan.Difference between(CatalogSnapshot s, Plan first, Plan other) {
    Set<Integer> a = credentials(first);
    Set<Integer> b = credentials(other);
    List<Integer> removed = a.stream().filter(c -> !b.contains(c)).toList();
    List<Integer> added = b.stream().filter(c -> !a.contains(c)).toList();
    double cost = other.totals().cost() - first.totals().cost();
    double hours = other.totals().hours() - first.totals().hours();
    double ects = other.totals().ects() - first.totals().ects();
    String currency = other.totals().currency();
    List<String> notes = new ArrayList<>();
    notes.add(Math.abs(cost) < 0.005 ? "costs the same"
        : String.format(Locale.ROOT, cost > 0 ? "costs %.0f %s more" : "costs %.0f %s less", Math.abs(cost), currency));
    if (Math.abs(hours) >= 0.5) {
      notes.add(String.format(Locale.ROOT, hours > 0 ? "%.0f hours longer" : "%.0f hours shorter", Math.abs(hours)));
    }
    if (Math.abs(ects) >= 0.5) {
      notes.add(String.format(Locale.ROOT, "%+.0f ECTS", ects));
    }
    if (allCreditBearing(s, other) && !allCreditBearing(s, first)) {
      notes.add("all credit-bearing");
    }
    Set<Integer> issuers = issuers(s, first);
    Set<String> others = new LinkedHashSet<>();
    for (int c : added) {
      int issuer = s.credential(c).issuer();
      if (issuer >= 0 && !issuers.contains(issuer)) {
        others.add(s.issuer(issuer).name());
      }
    }
    if (!others.isEmpty()) {
      notes.add((others.size() == 1 ? "another issuer: " : "other issuers: ") + String.join(", ", others));
    }
    if (!removed.isEmpty()) {
      notes.add("without " + names(s, removed) + (added.isEmpty() ? "" : "; with " + names(s, added)));
    }
    if (!other.reachesGoal() && first.reachesGoal()) {
      notes.add("does not reach the goal");
    } else if (other.destination() != null && !other.destination().equals(first.destination())) {
      notes.add("reaches " + other.destination() + (first.destination() == null ? "" : " instead of "
          + first.destination()));
    }
    return new Plan.Difference(cost, hours, ects, removed, added, notes);
  }

  private static Set<Integer> credentials(Plan plan) {
    Set<Integer> set = new LinkedHashSet<>();
    plan.steps().forEach(step -> set.add(step.credential()));
    return set;
  }

  private static boolean allCreditBearing(CatalogSnapshot s, Plan plan) {
    return !plan.steps().isEmpty()
        && plan.steps().stream().filter(step -> !step.granted()).allMatch(step -> s.credential(step.credential())
            .creditBearing());
  }

  private static Set<Integer> issuers(CatalogSnapshot s, Plan plan) {
    Set<Integer> set = new LinkedHashSet<>();
    plan.steps().forEach(step -> set.add(s.credential(step.credential()).issuer()));
    return set;
  }

  private static String names(CatalogSnapshot s, List<Integer> credentials) {
    List<String> names = credentials.stream().limit(3).map(s::credential).map(Credential::name).toList();
    return String.join(", ", names) + (credentials.size() > 3 ? " and " + (credentials.size() - 3) + " more" : "");
  }
}
