package io.cairn.server.api;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.catalog.IntSet;
import io.cairn.gaps.AnalysisScope;
import io.cairn.gaps.demand.DemandGap;
import io.cairn.gaps.demand.DemandGapReport;
import io.cairn.gaps.inflation.CredentialInflation;
import io.cairn.gaps.inflation.InflationReport;
import io.cairn.gaps.inflation.InflationSignal;
import io.cairn.gaps.inflation.ValueDistribution;
import io.cairn.gaps.overlap.OverlapCluster;
import io.cairn.gaps.overlap.OverlapPair;
import io.cairn.gaps.overlap.OverlapReport;
import io.cairn.server.api.Views.Ref;
import java.util.ArrayList;
import java.util.List;

/** The JSON of {@code GET /api/analytics/overlap}, {@code /inflation} and {@code /gaps} (see openapi.json). */
public final class AnalyticsViews {
  /** At most this many clusters are listed; {@code clusterCount} says how many there are. */
  public static final int MAX_CLUSTERS = 100;

  private final CatalogSnapshot s;
  private final Views views;

  public AnalyticsViews(CatalogSnapshot snapshot) {
    this.s = snapshot;
    this.views = new Views(snapshot);
  }

  /** What an analysis looked at; {@code credentials} for overlap and inflation, {@code occupations} for gaps. */
  public record ScopeView(String kind, String id, String label, Integer credentials, Integer occupations) {}

  /** A credential with what a designer compares: its issuer, price and workload (null when unknown). */
  public record CredentialRef(String id, String iri, String label, Ref issuer, Double cost, String currency,
      Double hours) {}

  public ScopeView scope(AnalysisScope scope) {
    return new ScopeView(scope.kind().apiName(), scope.id(), scope.label(), scope.credentials().size(), null);
  }

  public CredentialRef credential(int index) {
    Credential c = s.credential(index);
    Ref issuer = c.issuer() < 0 ? null : new Ref(s.issuer(c.issuer()).id(), s.issuer(c.issuer()).iri(),
        s.issuer(c.issuer()).name());
    return new CredentialRef(c.id(), c.iri(), c.name(), issuer, c.costKnown() ? c.cost() : null, c.currency(),
        c.workloadKnown() ? c.hours() : null);
  }

  private List<CredentialRef> credentials(IntSet set) {
    return set.stream().mapToObj(this::credential).toList();
  }

  // ---------- overlap ----------

  public record PairView(CredentialRef a, CredentialRef b, double jaccard, double containment, boolean sameIssuer,
      List<Ref> shared, List<Ref> onlyA, List<Ref> onlyB) {}

  public record ClusterView(List<CredentialRef> members, List<Ref> skills, String cheapest, String shortest) {}

  public record OverlapView(ScopeView scope, double minSimilarity, int total, int limit, int offset,
      List<PairView> items, int clusterCount, List<ClusterView> clusters, long candidates, long catalogVersion) {}

  public PairView pair(OverlapPair p) {
    return new PairView(credential(p.a()), credential(p.b()), Views.round(p.jaccard()), Views.round(p.containment()),
        p.sameIssuer(), views.competencies(p.shared()), views.competencies(p.onlyA()), views.competencies(p.onlyB()));
  }

  public ClusterView cluster(OverlapCluster c) {
    return new ClusterView(credentials(c.members()), views.competencies(c.skills()), id(c.cheapest()),
        id(c.shortest()));
  }

  private String id(int credential) {
    return credential < 0 ? null : s.credential(credential).id();
  }

  public OverlapView overlap(AnalysisScope scope, OverlapReport report, int limit, int offset) {
    List<PairView> items = page(report.pairs(), limit, offset).stream().map(this::pair).toList();
    List<ClusterView> clusters = report.clusters().stream().limit(MAX_CLUSTERS).map(this::cluster).toList();
    return new OverlapView(scope(scope), report.minSimilarity(), report.pairs().size(), limit, offset, items,
        report.clusters().size(), clusters, report.candidates(), s.version());
  }

  // ---------- inflation ----------

  public record ValueIndexView(double value, Double perHour, Double perCost, Double percentile) {}

  public record SignalView(String kind, String text, List<Ref> evidence) {}

  public record InflationItem(CredentialRef credential, ValueIndexView valueIndex, List<SignalView> signals) {}

  public record Percentiles(int count, double p10, double p25, double p50, double p75, double p90) {}

  public record Bin(double from, double to, int count) {}

  public record DistributionView(Percentiles perHour, List<Bin> histogram, Percentiles perCost) {}

  public record IssuerView(Ref issuer, int credentials, int nearDuplicates, double nearDuplicateShare) {}

  public record InflationView(ScopeView scope, int total, int limit, int offset, List<InflationItem> items,
      DistributionView distribution, List<IssuerView> issuers, boolean demandKnown, long catalogVersion) {}

  public InflationItem inflation(CredentialInflation c) {
    var v = c.valueIndex();
    return new InflationItem(credential(c.credential()), new ValueIndexView(Views.round(v.value()),
        round(v.perHour()), round(v.perCost()), round(v.percentile())),
        c.signals().stream().map(this::signal).toList());
  }

  private SignalView signal(InflationSignal signal) {
    List<Ref> evidence = new ArrayList<>(views.credentials(signal.credentials()));
    evidence.addAll(views.competencies(signal.competencies()));
    return new SignalView(signal.kind().apiName(), signal.text(), evidence);
  }

  private static Percentiles percentiles(ValueDistribution d) {
    return new Percentiles(d.count(), Views.round(d.p10()), Views.round(d.p25()), Views.round(d.p50()),
        Views.round(d.p75()), Views.round(d.p90()));
  }

  /** {@code items} are the report's credentials as filtered by the caller (a signal kind), before paging. */
  public InflationView inflation(InflationReport report, List<CredentialInflation> items, boolean demandKnown,
      int limit, int offset) {
    DistributionView distribution = new DistributionView(percentiles(report.perHour()), report.perHour().histogram()
        .stream().map(b -> new Bin(Views.round(b.from()), Views.round(b.to()), b.count())).toList(),
        percentiles(report.perCost()));
    List<IssuerView> issuers = report.issuers().stream().map(i -> new IssuerView(new Ref(s.issuer(i.issuer()).id(),
        s.issuer(i.issuer()).iri(), s.issuer(i.issuer()).name()), i.credentials(), i.nearDuplicates(),
        Views.round(i.share()))).toList();
    return new InflationView(scope(report.scope()), items.size(), limit, offset,
        page(items, limit, offset).stream().map(this::inflation).toList(), distribution, issuers, demandKnown,
        s.version());
  }

  // ---------- demand gaps ----------

  public record GapItem(Ref competency, long jobOffers, int occupations, Double value, String reason,
      Double cheapestCost, List<CredentialRef> taughtBy) {}

  public record GapsView(ScopeView scope, int total, int limit, int offset, List<GapItem> items,
      double expensiveAbove, int skillsConsidered, boolean demandKnown, long catalogVersion) {}

  public GapItem gap(DemandGap g) {
    return new GapItem(views.competencyRef(g.competency()), g.jobOffers(), g.occupations(), round(g.value()),
        g.reason().apiName(), g.cheapestCost(), g.taughtBy().stream().map(this::credential).toList());
  }

  public GapsView gaps(DemandGapReport report, int limit, int offset) {
    var scope = report.scope();
    return new GapsView(new ScopeView(scope.kind().apiName(), scope.id(), scope.label(), null,
        scope.occupations().size()), report.gaps().size(), limit, offset,
        page(report.gaps(), limit, offset).stream().map(this::gap).toList(), Views.round(report.expensiveAbove()),
        report.skillsConsidered(), report.demandKnown(), s.version());
  }

  /** The items of one page. */
  public static <T> List<T> page(List<T> all, int limit, int offset) {
    int from = Math.min(offset, all.size());
    return all.subList(from, Math.min(all.size(), from + limit));
  }

  private static Double round(Double v) {
    return v == null ? null : Views.round(v);
  }
}
