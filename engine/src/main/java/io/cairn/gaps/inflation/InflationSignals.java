package io.cairn.gaps.inflation;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Pathway;
import io.cairn.gaps.AnalysisScope;
import io.cairn.gaps.overlap.OverlapPair;
import io.cairn.gaps.overlap.OverlapReport;
import io.cairn.labor.demand.SkillDemand;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds each {@link InflationSignal.Kind} for one credential. An issuer's credentials are "mostly near-duplicates"
 * when at least {@value #ISSUER_SHARE} of them (and at least two) have a near-duplicate awarded by the same issuer.
 */
final class InflationSignals {
  static final double ISSUER_SHARE = 0.5;
  private static final int MAX_EVIDENCE = 3;

  private final CatalogSnapshot snapshot;
  private final SkillDemand demand;
  private final BitSet namedByPathways = new BitSet();
  private final Map<Integer, List<OverlapPair>> sameIssuerPairs = new HashMap<>();
  private final int[] issuerSize;
  private final int[] issuerDuplicates;

  InflationSignals(CatalogSnapshot snapshot, SkillDemand demand, OverlapReport catalogOverlap) {
    this.snapshot = snapshot;
    this.demand = demand;
    for (Pathway p : snapshot.pathways()) {
      AnalysisScope.namedBy(p).stream().forEach(namedByPathways::set);
    }
    for (OverlapPair pair : catalogOverlap.pairs()) {
      if (pair.sameIssuer()) {
        sameIssuerPairs.computeIfAbsent(pair.a(), k -> new ArrayList<>()).add(pair);
        sameIssuerPairs.computeIfAbsent(pair.b(), k -> new ArrayList<>()).add(pair);
      }
    }
    issuerSize = new int[snapshot.issuers().size()];
    issuerDuplicates = new int[snapshot.issuers().size()];
    for (Credential c : snapshot.credentials()) {
      if (c.issuer() >= 0) {
        issuerSize[c.issuer()]++;
        issuerDuplicates[c.issuer()] += sameIssuerPairs.containsKey(c.index()) ? 1 : 0;
      }
    }
  }

  InflationReport.IssuerDuplicates issuer(int issuer) {
    return new InflationReport.IssuerDuplicates(issuer, issuerSize[issuer], issuerDuplicates[issuer]);
  }

  List<InflationSignal> of(Credential c) {
    List<InflationSignal> signals = new ArrayList<>();
    coveredByCheaper(c, signals);
    noDemand(c, signals);
    stacksIntoNothing(c, signals);
    issuerNearDuplicates(c, signals);
    return signals;
  }

  private void coveredByCheaper(Credential c, List<InflationSignal> signals) {
    IntSet teaches = c.teaches();
    if (teaches.isEmpty()) {
      return;
    }
    // every coverer teaches the rarest-covered skill: start there
    int rarest = teaches.get(0);
    for (int i = 1; i < teaches.size(); i++) {
      if (snapshot.coveredBy(teaches.get(i)).size() < snapshot.coveredBy(rarest).size()) {
        rarest = teaches.get(i);
      }
    }
    List<Credential> better = new ArrayList<>();
    IntSet candidates = snapshot.coveredBy(rarest);
    for (int i = 0; i < candidates.size(); i++) {
      Credential other = snapshot.credential(candidates.get(i));
      if (other.index() != c.index() && (cheaper(other, c) || shorter(other, c))
          && snapshot.covers(other.index()).intersectionSize(teaches) == teaches.size()) {
        better.add(other);
      }
    }
    if (better.isEmpty()) {
      return;
    }
    better.sort(java.util.Comparator.comparingDouble(Credential::cost).thenComparingDouble(Credential::hours)
        .thenComparingInt(Credential::index));
    Credential best = better.get(0);
    String text = String.format(Locale.ROOT, "Every skill of %s is also taught by %s, which %s.", c.name(),
        best.name(), difference(best, c)) + (better.size() > 1
        ? String.format(Locale.ROOT, " %d more cheaper or shorter credentials cover it too.", better.size() - 1) : "");
    signals.add(new InflationSignal(InflationSignal.Kind.COVERED_BY_CHEAPER, text,
        IntSet.of(better.stream().limit(MAX_EVIDENCE).map(Credential::index).toList()), IntSet.empty()));
  }

  private static boolean cheaper(Credential a, Credential b) {
    return a.costKnown() && b.costKnown() && a.cost() < b.cost();
  }

  private static boolean shorter(Credential a, Credential b) {
    return a.workloadKnown() && b.workloadKnown() && a.hours() < b.hours();
  }

  private static String difference(Credential better, Credential c) {
    List<String> parts = new ArrayList<>();
    if (cheaper(better, c)) {
      parts.add(String.format(Locale.ROOT, "costs %s %s instead of %s", amount(better.cost()), better.currency(),
          amount(c.cost())));
    }
    if (shorter(better, c)) {
      parts.add(String.format(Locale.ROOT, "takes %s h instead of %s h", amount(better.hours()), amount(c.hours())));
    }
    return String.join(" and ", parts);
  }

  private static String amount(double v) {
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%,.2f", v);
  }

  private void noDemand(Credential c, List<InflationSignal> signals) {
    if (!demand.known() || c.teaches().isEmpty()) {
      return;
    }
    IntSet covers = snapshot.covers(c.index());
    for (int i = 0; i < covers.size(); i++) {
      if (demand.demanded(covers.get(i))) {
        return;
      }
    }
    String source = demand.source().map(s -> s.fileName()).orElse("the job offers");
    signals.add(new InflationSignal(InflationSignal.Kind.NO_DEMAND, String.format(Locale.ROOT,
        "None of the %d skills %s teaches (nor a concept broader than one) is an essential or optional skill of an"
            + " occupation with job offers in %s.", c.teaches().size(), c.name(), source),
        IntSet.empty(), c.teaches()));
  }

  private void stacksIntoNothing(Credential c, List<InflationSignal> signals) {
    if (c.stacksInto().isEmpty() && snapshot.stackedFrom(c.index()).isEmpty()
        && !namedByPathways.get(c.index())) {
      signals.add(new InflationSignal(InflationSignal.Kind.STACKS_INTO_NOTHING, c.name()
          + " stacks into no other credential, nothing stacks into it, and no pathway's requirements name it.",
          IntSet.empty(), IntSet.empty()));
    }
  }

  private void issuerNearDuplicates(Credential c, List<InflationSignal> signals) {
    List<OverlapPair> mine = sameIssuerPairs.get(c.index());
    if (mine == null || c.issuer() < 0) {
      return;
    }
    InflationReport.IssuerDuplicates issuer = issuer(c.issuer());
    if (issuer.nearDuplicates() < 2 || issuer.share() < ISSUER_SHARE) {
      return;
    }
    OverlapPair closest = mine.get(0);
    signals.add(new InflationSignal(InflationSignal.Kind.ISSUER_NEAR_DUPLICATES, String.format(Locale.ROOT,
        "%d of the %d credentials of %s have a near-duplicate among its own; %s overlaps %s (Jaccard %.2f).",
        issuer.nearDuplicates(), issuer.credentials(), snapshot.issuer(c.issuer()).name(), c.name(),
        snapshot.credential(closest.other(c.index())).name(), closest.jaccard()),
        IntSet.of(mine.stream().limit(MAX_EVIDENCE).map(p -> p.other(c.index())).toList()), IntSet.empty()));
  }
}
