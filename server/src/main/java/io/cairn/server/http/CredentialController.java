package io.cairn.server.http;

import io.cairn.Cairn;
import io.cairn.Standards;
import io.cairn.interop.StandardFormat;
import io.cairn.server.api.ApiException;
import io.cairn.server.api.Views;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.catalog.CredentialFilter;
import io.cairn.catalog.CredentialOrder;
import io.cairn.catalog.CredentialKind;
import io.cairn.catalog.DeliveryMode;
import io.cairn.catalog.IntSet;
import io.cairn.search.NameMatch;
import io.cairn.search.NoMatch;
import io.javalin.http.Context;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code /api/credentials}: filtered listing and one credential with its stacking both ways. */
final class CredentialController {
  private static final Set<String> FILTERS = Set.of("type", "issuer", "creditBearing", "mode", "maxCost",
      "maxHours", "eqfLevel", "teaches", "q", "sort", "limit", "offset");
  private final Cairn cairn;
  private final Standards standards;

  CredentialController(Cairn cairn, Standards standards) {
    this.cairn = cairn;
    this.standards = standards;
  }

  void list(Context ctx) {
    QueryParams.onlyKnown(ctx, FILTERS);
    QueryParams.Page page = QueryParams.Page.of(ctx);
    CatalogSnapshot snapshot = cairn.snapshot();
    Optional<Integer> issuer = QueryParams.text(ctx, "issuer").map(i -> snapshot.findIssuer(i)
        .orElseThrow(() -> ApiException.badRequest("unknown issuer '" + i + "'; issuers: " + String.join(", ",
            snapshot.issuers().stream().map(x -> x.id()).toList()))).index());
    Optional<CredentialOrder> order = QueryParams.text(ctx, "sort").map(o -> parse(() -> CredentialOrder.parse(o),
        "sort"));
    // every filter but the issuer's: the issuers offered are those of the credentials the other filters keep
    CredentialFilter filter = new CredentialFilter(
        QueryParams.text(ctx, "type").map(t -> parse(() -> CredentialKind.fromApiName(t), "type")),
        Optional.empty(),
        QueryParams.bool(ctx, "creditBearing"),
        QueryParams.text(ctx, "mode").map(m -> parse(() -> DeliveryMode.fromApiName(m), "mode")),
        QueryParams.nonNegative(ctx, "maxCost"),
        QueryParams.nonNegative(ctx, "maxHours"),
        QueryParams.intIn(ctx, "eqfLevel", 1, 8),
        Optional.empty());
    // teaching a skill group means teaching one of its skills, as coverage and recommendations count it
    Optional<IntSet> teachers = QueryParams.text(ctx, "teaches").map(k -> snapshot.coveredBy(snapshot.findCompetency(k)
        .orElseThrow(() -> ApiException.badRequest("unknown competency '" + k + "' in 'teaches'; find ids with GET"
            + " /api/competencies?q=...")).index()));
    String q = QueryParams.text(ctx, "q").orElse("");
    NameMatch words = NameMatch.of(q);
    Views views = new Views(snapshot);
    List<Credential> anyIssuer = snapshot.credentials().stream()
        .filter(filter)
        .filter(c -> teachers.map(t -> t.contains(c.index())).orElse(true))
        .filter(c -> words.matches(c.name()))
        .toList();
    List<Credential> matching = anyIssuer.stream().filter(c -> issuer.map(i -> c.issuer() == i).orElse(true))
        .sorted(order.map(o -> o.comparator(snapshot)).orElse((a, b) -> 0)) // a stable sort: ties keep catalog order
        .toList();
    Paged<Views.CredentialSummary> paged = Paged.of(matching, page, views::credentialSummary, () -> words.isEmpty()
        ? "No credential passes every filter given; drop one to see more." : NoMatch.reason(snapshot,
            NoMatch.Searched.CREDENTIAL, q));
    Map<Integer, Long> byIssuer = anyIssuer.stream().filter(c -> c.issuer() >= 0)
        .collect(Collectors.groupingBy(Credential::issuer, Collectors.counting()));
    List<IssuerCount> issuers = byIssuer.entrySet().stream()
        .map(e -> new IssuerCount(views.issuerRef(e.getKey()), e.getValue()))
        .sorted(Comparator.comparing((IssuerCount i) -> i.issuer().label().toLowerCase(Locale.ROOT)))
        .toList();
    ctx.jsonStream(new CredentialPage(paged.total(), paged.limit(), paged.offset(), paged.items(), paged.note(),
        issuers));
  }

  /** An issuer of the listed credentials (every filter but the issuer's applied) and how many it issues. */
  record IssuerCount(Views.Ref issuer, long credentials) {}

  /** A page of credentials, with the issuers to filter by. */
  record CredentialPage(int total, int limit, int offset, List<Views.CredentialSummary> items,
      @JsonInclude(JsonInclude.Include.NON_NULL) String note, List<IssuerCount> issuers) {}

  void get(Context ctx) {
    QueryParams.onlyKnown(ctx, Set.of("format"));
    String id = ctx.pathParam("id");
    Credential credential = cairn.snapshot().findCredential(id).orElseThrow(() -> ApiException.notFound(
        "Credential", id, "list credentials with GET /api/credentials"));
    Optional<StandardFormat> standard = StandardRepresentation.wanted(ctx);
    if (standard.isPresent()) {
      StandardRepresentation.send(ctx, standard.get(),
          standards.exportCredential(cairn.catalog(), standard.get(), credential));
      return;
    }
    if (RdfRepresentation.wanted(ctx)) {
      RdfRepresentation.send(ctx, cairn, credential.iri());
      return;
    }
    ctx.jsonStream(new Views(cairn.snapshot()).credentialDetail(credential));
  }

  private static <T> T parse(java.util.function.Supplier<T> parser, String param) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("query parameter '" + param + "': " + e.getMessage());
    }
  }
}
