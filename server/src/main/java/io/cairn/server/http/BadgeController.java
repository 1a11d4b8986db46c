package io.cairn.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.Cairn;
import io.cairn.catalog.Credential;
import io.cairn.interop.ExportFacts;
import io.cairn.interop.oneroster.SisMapping;
import io.cairn.interop.ob3.BadgeIssuer;
import io.cairn.server.api.ApiException;
import io.cairn.server.api.Views;
import io.cairn.server.sis.Sis;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /api/badges}: badges back out. For a learner, the credentials the SIS says they passed are issued as
 * Open Badges 3.0 credentials signed with the institution's key, for the learner to carry to any OB 3.0 verifier
 * (Cairn's included). Behind the admin token; nothing is kept.
 */
final class BadgeController {
  private final Cairn cairn;
  private final InstitutionSystems systems;
  private final AdminToken token;
  private final ObjectMapper json;

  BadgeController(Cairn cairn, InstitutionSystems systems, AdminToken token, ObjectMapper json) {
    this.cairn = cairn;
    this.systems = systems;
    this.token = token;
    this.json = json;
  }

  record BadgeBody(String learner) {}

  record BadgeView(Views.Ref credential, String course, String format, String badge) {}

  record BadgesView(String learner, String issuer, List<BadgeView> badges, List<String> skipped) {}

  void issue(Context ctx) {
    token.require(ctx);
    BadgeIssuer issuer = systems.badges().orElseThrow(() -> new ApiException(409, "No badge key", "this server "
        + "issues no badges: start it with --badge-key FILE (the institution's EC P-256 private JWK)"));
    Sis sis = systems.sis().orElseThrow(() -> new ApiException(409, "No SIS", "badges are issued for what the "
        + "SIS says a learner passed: start the server with --sis FILE"));
    BadgeBody body = JsonBodies.read(ctx, json, BadgeBody.class);
    if (body.learner() == null || body.learner().isBlank()) {
      throw ApiException.badRequest("give \"learner\": the learner's OneRoster user sourcedId");
    }
    SisMapping.SisHoldings holdings = sis.holdings(body.learner());
    Views views = new Views(cairn.snapshot());
    ExportFacts facts = ExportFacts.of(cairn.catalog().store());
    List<BadgeView> badges = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (SisMapping.SisHolding held : holdings.passed()) {
      Optional<Credential> credential = cairn.snapshot().findCredential(held.credential());
      if (credential.isEmpty()) {
        skipped.add(held.credential() + ": the mapping names a credential the catalog does not hold");
        continue;
      }
      String course = (held.course().courseCode().isEmpty() ? held.course().sourcedId() : held.course().courseCode())
          + (held.course().title().isEmpty() ? "" : " " + held.course().title());
      String result = held.result().score() != null ? String.valueOf(held.result().score())
          : String.valueOf(held.result().textScore());
      badges.add(new BadgeView(views.credentialRef(credential.get().index()), course, "vc-jwt ES256",
          issuer.issue(cairn.snapshot(), credential.get(), facts, body.learner().trim(), "Passed " + course
              + " with " + result + " (" + held.result().scoreStatus() + "), as the student information system "
              + "records")));
    }
    ctx.header("Cache-Control", "no-store");
    ctx.jsonStream(new BadgesView(holdings.learner(), issuer.issuerId(), badges, skipped));
  }
}
