package io.cairn.server.http;

import io.cairn.Cairn;
import io.cairn.interop.oneroster.Roster;
import io.cairn.interop.oneroster.SisMapping;
import io.cairn.server.api.ApiException;
import io.cairn.server.api.Views;
import io.cairn.server.sis.Sis;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/sis/holdings?learner=ID}: what the student information system says a learner has passed, as
 * Cairn credentials, each saying where it came from; behind the admin token (it is a learner's record). Read from
 * the SIS at each request; nothing is kept.
 */
final class SisController {
  static final String SOURCE = "SIS";
  private final Cairn cairn;
  private final Optional<Sis> sis;
  private final AdminToken token;

  SisController(Cairn cairn, Optional<Sis> sis, AdminToken token) {
    this.cairn = cairn;
    this.sis = sis;
    this.token = token;
  }

  record CourseView(String sourcedId, String courseCode, String title) {}

  record ResultView(String sourcedId, Double score, String textScore, String scoreStatus) {}

  record HoldingView(Views.Ref credential, String source, CourseView course, ResultView result) {}

  record NotCountedView(CourseView course, Views.Ref credential, String reason) {}

  record SisHoldingsView(String learner, String source, List<HoldingView> holdings, List<NotCountedView> notCounted) {}

  void holdings(Context ctx) {
    token.require(ctx);
    Sis reader = sis.orElseThrow(() -> new ApiException(409, "No SIS", "this server reads no student information "
        + "system: start it with --sis FILE (OneRoster REST or CSV, and the course mapping)"));
    String learner = ctx.queryParam("learner");
    if (learner == null || learner.isBlank()) {
      throw ApiException.badRequest("give ?learner= the learner's OneRoster user sourcedId");
    }
    ctx.header("Cache-Control", "no-store");
    ctx.jsonStream(view(reader.holdings(learner), reader));
  }

  SisHoldingsView view(SisMapping.SisHoldings holdings, Sis reader) {
    Views views = new Views(cairn.snapshot());
    List<HoldingView> held = new java.util.ArrayList<>();
    List<NotCountedView> notCounted = new java.util.ArrayList<>();
    for (SisMapping.SisHolding h : holdings.passed()) {
      Optional<Views.Ref> credential = credential(views, h.credential());
      if (credential.isPresent()) {
        held.add(new HoldingView(credential.get(), SOURCE, course(h.course()), new ResultView(h.result().sourcedId(),
            h.result().score(), h.result().textScore(), h.result().scoreStatus())));
      } else {
        notCounted.add(new NotCountedView(course(h.course()), null, "passed, but the mapping names the credential "
            + h.credential() + ", which the catalog does not hold"));
      }
    }
    holdings.notCounted().forEach(n -> notCounted.add(new NotCountedView(course(n.course()),
        n.credential().flatMap(c -> credential(views, c)).orElse(null), n.reason())));
    return new SisHoldingsView(holdings.learner(), reader.source().describe(), held, notCounted);
  }

  private Optional<Views.Ref> credential(Views views, String id) {
    return cairn.snapshot().findCredential(id).map(c -> views.credentialRef(c.index()));
  }

  private static CourseView course(Roster.Course c) {
    return new CourseView(c.sourcedId(), c.courseCode().isEmpty() ? null : c.courseCode(),
        c.title().isEmpty() ? null : c.title());
  }
}
