package io.cairn.server.http;

import io.cairn.Cairn;
import io.cairn.Standards;
import io.cairn.interop.StandardFormat;
import io.cairn.server.api.ApiException;
import io.cairn.server.api.Views;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Credential;
import io.cairn.catalog.CredentialFilter;
import io.cairn.catalog.CredentialKind;
import io.cairn.catalog.DeliveryMode;
import io.cairn.catalog.IntSet;
import io.cairn.search.NameMatch;
import io.cairn.search.NoMatch;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code /api/credentials}: filtered listing and one credential with its stacking both ways. */
final class CredentialController {
  private static final Set<String> FILTERS = Set.of("type", "issuer", "creditBearing", "mode", "maxCost",
      "maxHours", "eqfLevel", "teaches", "q", "limit", "offset");
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
    CredentialFilter filter = new CredentialFilter(
        QueryParams.text(ctx, "type").map(t -> parse(() -> CredentialKind.fromApiName(t), "type")),
        QueryParams.text(ctx, "issuer").map(i -> snapshot.findIssuer(i).orElseThrow(() -> ApiException.badRequest(
            "unknown issuer '" + i + "'; issuers: " + String.join(", ",
                snapshot.issuers().stream().map(x -> x.id()).toList()))).index()),
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
    List<Credential> matching = snapshot.credentials().stream()
        .filter(filter)
        .filter(c -> teachers.map(t -> t.contains(c.index())).orElse(true))
        .filter(c -> words.matches(c.name()))
        .toList();
    ctx.json(Paged.of(matching, page, views::credentialSummary, () -> words.isEmpty()
        ? "No credential passes every filter given; drop one to see more." : NoMatch.reason(snapshot,
            NoMatch.Searched.CREDENTIAL, q)));
  }

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
    ctx.json(new Views(cairn.snapshot()).credentialDetail(credential));
  }

  private static <T> T parse(java.util.function.Supplier<T> parser, String param) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("query parameter '" + param + "': " + e.getMessage());
    }
  }
}
