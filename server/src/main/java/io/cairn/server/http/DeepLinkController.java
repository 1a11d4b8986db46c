package io.cairn.server.http;

import io.cairn.Cairn;
import io.cairn.catalog.Pathway;
import io.cairn.server.api.ApiException;
import io.cairn.server.lti.Launch;
import io.cairn.server.lti.LaunchSessions;
import io.javalin.http.Context;
import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * LTI Deep Linking from Cairn's side: an instructor's {@code LtiDeepLinkingRequest} launch opens
 * {@code GET /lti/deep-link}, a form to choose the pathway; {@code POST /lti/deep-link} answers the signed
 * {@code LtiDeepLinkingResponse} in a form the browser posts back to the platform's {@code deep_link_return_url},
 * which then holds "a Cairn plan for this pathway" as a link in the course. {@code GET /lti/jwks} is Cairn's public
 * key the platform checks it with.
 */
final class DeepLinkController {
  private final Cairn cairn;
  private final InstitutionSystems systems;

  DeepLinkController(Cairn cairn, InstitutionSystems systems) {
    this.cairn = cairn;
    this.systems = systems;
  }

  void jwks(Context ctx) {
    ctx.contentType("application/json").result(systems.lti().jwks().toString());
  }

  void choose(Context ctx) {
    Launch launch = deepLinkingLaunch(ctx);
    StringBuilder options = new StringBuilder();
    for (Pathway p : cairn.snapshot().pathways()) {
      options.append("<option value=\"").append(html(p.id())).append('"')
          .append(launch.pathway().filter(p.id()::equals).isPresent() ? " selected" : "").append('>')
          .append(html(p.name())).append("</option>");
    }
    ctx.header("Cache-Control", "no-store");
    ctx.html(page("Place a Cairn plan in the course", """
        <h1>Place a Cairn plan in %s</h1>
        <p>Choose the pathway the link is about. Learners who open it see what to earn next toward it, with what the
        student information system says they passed; instructors see the advisor screen for it.</p>
        <form method="post" action="/lti/deep-link">
        <label for="pathway">Pathway</label> <select id="pathway" name="pathway">%s</select>
        <button type="submit" class="primary" id="place">Place the link</button></form>
        """.formatted(html(launch.contextTitle().isBlank() ? "the course" : launch.contextTitle()), options)));
  }

  void place(Context ctx) {
    Launch launch = deepLinkingLaunch(ctx);
    String id = LtiController.form(ctx, "pathway");
    if (id == null || id.isBlank()) {
      throw ApiException.badRequest("choose the pathway to place: send the form field pathway");
    }
    Pathway pathway = cairn.snapshot().findPathway(id.trim()).orElseThrow(() -> ApiException.badRequest(
        "there is no pathway " + id.trim() + " in this catalog; choose one of " + cairn.snapshot().pathways().stream()
            .map(Pathway::id).collect(Collectors.joining(", "))));
    String jwt = systems.lti().deepLinkingResponse(launch, new io.cairn.server.lti.DeepLinks.LinkItem("Cairn plan: " + pathway.name(),
        "What to earn next toward " + pathway.name() + ", planned by Cairn", Map.of("pathway", pathway.id())),
        LtiController.origin(ctx, systems) + "/lti/launch");
    String returnUrl = launch.deepLinking().orElseThrow().returnUrl();
    URI to = URI.create(returnUrl);
    String returnOrigin = to.getScheme() + "://" + to.getRawAuthority();
    // this answer's form goes to the platform, so this page (only) may post there
    ctx.header("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY.replace("form-action 'self'",
        "form-action 'self' " + returnOrigin));
    ctx.header("Cache-Control", "no-store");
    ctx.html(page("Back to the LMS", """
        <h1>Placing "Cairn plan: %s"</h1>
        <form method="post" action="%s" id="deep-link-return">
        <input type="hidden" name="JWT" value="%s">
        <p>The link goes back to the LMS now; if it does not, press the button.</p>
        <button type="submit" class="primary" id="return">Return to the LMS</button></form>
        <script src="/web/autosubmit.js"></script>
        """.formatted(html(pathway.name()), html(returnUrl), html(jwt))));
  }

  private Launch deepLinkingLaunch(Context ctx) {
    Launch launch = systems.lti().sessions().get(ctx.cookie(LtiController.SESSION_COOKIE)).orElseThrow(
        () -> new ApiException(401, "No LTI launch", "no launch session: place the link from the LMS's dialog "
            + "again (sessions last " + LaunchSessions.LIFETIME.toMinutes() + " minutes)"));
    if (launch.deepLinking().isEmpty()) {
      throw new ApiException(403, "Not a Deep Linking launch", "this launch was not a Deep Linking request; an "
          + "instructor places a Cairn link from the LMS's \"add external tool\" (content item) dialog");
    }
    return launch;
  }

  private static String page(String title, String body) {
    return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s · Cairn</title><link rel="stylesheet" href="/web/cairn.css"></head>
        <body><main id="main" class="panel">%s</main></body></html>
        """.formatted(html(title), body);
  }

  private static String html(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
