package io.cairn.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.server.api.ApiException;
import io.cairn.server.lti.CourseRosters;
import io.cairn.server.lti.Launch;
import io.cairn.server.lti.LaunchSessions;
import io.cairn.server.lti.LtiTool;
import io.cairn.server.lti.Platform;
import io.cairn.server.lti.Platforms;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cairn as an LTI 1.3 tool: {@code /lti/login} (OIDC login initiation), {@code /lti/launch} (the platform posts
 * the id_token here; the browser is sent to the screen for its role), {@code /lti/session} (the launch, for the
 * page), {@code /lti/config} (the values an operator enters in the LMS), and {@code /api/lti/platforms} (register
 * a platform, behind the admin token).
 */
final class LtiController {
  static final String SESSION_COOKIE = "cairn_lti";
  private final InstitutionSystems systems;
  private final AdminToken token;
  private final ObjectMapper json;
  private final SisController sis;

  LtiController(InstitutionSystems systems, AdminToken token, ObjectMapper json, SisController sis) {
    this.systems = systems;
    this.token = token;
    this.json = json;
    this.sis = sis;
  }

  void login(Context ctx) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String name : List.of("iss", "login_hint", "target_link_uri", "client_id", "lti_message_hint",
        "lti_deployment_id")) {
      String posted = form(ctx, name);
      String value = posted != null ? posted : ctx.queryParam(name);
      if (value != null) {
        params.put(name, value);
      }
    }
    ctx.header("Cache-Control", "no-store");
    ctx.redirect(tool().login(params, origin(ctx) + "/lti/launch").toString(), io.javalin.http.HttpStatus.FOUND);
  }

  void launch(Context ctx) {
    LtiTool.Opened opened = tool().launch(form(ctx, "id_token"), form(ctx, "state"), origin(ctx));
    // third-party in the LMS's iframe: the cookie must be SameSite=None (hence Secure), partitioned per LMS site
    ctx.res().addHeader("Set-Cookie", SESSION_COOKIE + "=" + opened.sessionId() + "; Path=/; Max-Age="
        + LaunchSessions.LIFETIME.toSeconds() + "; HttpOnly; Secure; SameSite=None; Partitioned");
    ctx.header("Cache-Control", "no-store");
    // an instructor's Deep Linking request chooses the link to place; every other launch opens its screen
    ctx.redirect(opened.launch().deepLinking().isPresent() ? "/lti/deep-link" : screen(opened.launch()),
        io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /**
   * The page's address for a launch: the learner's screen, or the advisor's for the course's pathway. The learner's
   * SIS holdings are not in it: {@code lti=1} tells the page to read them from {@code /lti/session}, which labels
   * each with its source, and an address that is bookmarked or shared carries nothing from the SIS.
   */
  static String screen(Launch launch) {
    StringBuilder url = new StringBuilder("/?screen=");
    if (launch.role() == Launch.LaunchRole.ADVISOR) {
      url.append("advisor");
      launch.pathway().ifPresent(p -> url.append("&pathway=").append(encode(p)));
      // the page lists the course's learners (Names and Role Provisioning) for an advisor opened from the LMS
      url.append("&lti=1");
    } else {
      url.append("learner");
      launch.pathway().ifPresent(p -> url.append("&goalType=pathway&pathway=").append(encode(p)));
      url.append("&lti=1");
    }
    if (!launch.name().isBlank()) {
      url.append("&name=").append(encode(launch.name()));
    }
    return url.toString();
  }

  record SessionView(String role, String name, String platform, String context, String contextTitle,
      String pathway, String screen, List<SisController.HoldingView> holdings,
      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
      String sisNote) {}

  /** A launched learner's holdings from the SIS, read now, or why there are none although there should be. */
  private record FromSis(List<SisController.HoldingView> holdings, String note) {}

  /**
   * What the SIS says a launched learner has passed (their OneRoster id is the LIS person sourcedId the platform
   * sends), read at this request and kept nowhere; nothing when no SIS is configured or the platform sends no id.
   * A SIS that cannot be read now leaves the learner with their own declarations, and the note says so.
   */
  private FromSis fromSis(Launch launch) {
    if (launch.role() != Launch.LaunchRole.LEARNER) {
      return new FromSis(List.of(), null);
    }
    return fromSis(launch.personSourcedId());
  }

  /** What the SIS says the person with {@code personSourcedId} has passed, read now; nothing without a SIS. */
  private FromSis fromSis(java.util.Optional<String> personSourcedId) {
    if (personSourcedId.isEmpty() || systems.sis().isEmpty()) {
      return new FromSis(List.of(), null);
    }
    io.cairn.server.sis.Sis reader = systems.sis().get();
    try {
      return new FromSis(sis.view(reader.holdings(personSourcedId.get()), reader).holdings(), null);
    } catch (io.cairn.server.sis.SisException e) {
      org.slf4j.LoggerFactory.getLogger(LtiController.class).warn("launch session without SIS holdings: {}",
          e.getMessage());
      return new FromSis(List.of(), "the student information system could not be read now (" + e.getMessage()
          + "); add what you hold yourself, or open Cairn from the LMS again later");
    }
  }

  private Launch launched(Context ctx) {
    return systems.lti().sessions().get(ctx.cookie(SESSION_COOKIE)).orElseThrow(() -> new ApiException(
        401, "No LTI launch", "no launch session: open Cairn from the LMS (sessions last "
            + LaunchSessions.LIFETIME.toMinutes() + " minutes)"));
  }

  /** A member of the course as the advisor's page shows it: no SIS id, no e-mail, only whether the SIS knows them. */
  record MemberView(String userId, String name, String givenName, String familyName, List<String> roles,
      String status, boolean learner, boolean sisId) {
    static MemberView of(CourseRosters.Member m) {
      return new MemberView(m.userId(), m.name(), m.givenName(), m.familyName(), m.roles(), m.status(), m.learner(),
          m.personSourcedId().isPresent());
    }
  }

  record RosterView(String context, String contextTitle, String pathway, List<MemberView> members) {}

  /** {@code GET /lti/members}: the course's members, from the LMS (NRPS), for an advisor's launch. */
  void members(Context ctx) {
    Launch launch = launched(ctx);
    CourseRosters.Roster roster = tool().rosters().roster(ctx.cookie(SESSION_COOKIE), launch);
    ctx.header("Cache-Control", "no-store");
    ctx.jsonStream(new RosterView(roster.contextId(), roster.contextTitle(), launch.pathway().orElse(null),
        roster.members().stream().map(MemberView::of).toList()));
  }

  record MemberHoldingsView(MemberView member, List<SisController.HoldingView> holdings,
      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
      String sisNote) {}

  /** {@code GET /lti/members/{userId}}: one member of the advisor's course and what the SIS says they passed. */
  void member(Context ctx) {
    Launch launch = launched(ctx);
    String userId = ctx.pathParam("userId");
    CourseRosters.Member member = tool().rosters().roster(ctx.cookie(SESSION_COOKIE), launch).member(userId)
        .orElseThrow(() -> ApiException.notFound("Course member", userId, "list the course's members with GET "
            + "/lti/members"));
    FromSis fromSis = member.personSourcedId().isEmpty() && systems.sis().isPresent()
        ? new FromSis(List.of(), "the LMS gives no SIS id (lis_person_sourcedid) for " + member.name()
            + ", so what the student information system says they passed cannot be read")
        : fromSis(member.personSourcedId());
    ctx.header("Cache-Control", "no-store");
    ctx.jsonStream(new MemberHoldingsView(MemberView.of(member), fromSis.holdings(), fromSis.note()));
  }

  void session(Context ctx) {
    Launch launch = launched(ctx);
    FromSis fromSis = fromSis(launch);
    ctx.header("Cache-Control", "no-store");
    ctx.jsonStream(new SessionView(launch.role().name().toLowerCase(java.util.Locale.ROOT), launch.name(),
        launch.issuer(), launch.contextId(), launch.contextTitle(), launch.pathway().orElse(null),
        screen(launch), fromSis.holdings(), fromSis.note()));
  }

  record ToolConfig(String loginUrl, String launchUrl, List<String> redirectUris, String targetLinkUri,
      String deepLinkingUrl, String jwksUrl, List<String> claimsRead, List<String> customParameters) {}

  void config(Context ctx) {
    String origin = origin(ctx);
    ctx.jsonStream(new ToolConfig(origin + "/lti/login", origin + "/lti/launch", List.of(origin + "/lti/launch"),
        origin + "/lti/launch", origin + "/lti/launch", origin + "/lti/jwks",
        List.of("iss", "aud", "azp", "exp", "iat", "nonce", "sub", "name",
            "https://purl.imsglobal.org/spec/lti/claim/message_type",
            "https://purl.imsglobal.org/spec/lti/claim/version",
            "https://purl.imsglobal.org/spec/lti/claim/deployment_id",
            "https://purl.imsglobal.org/spec/lti/claim/target_link_uri",
            "https://purl.imsglobal.org/spec/lti/claim/resource_link",
            "https://purl.imsglobal.org/spec/lti/claim/roles",
            "https://purl.imsglobal.org/spec/lti/claim/context",
            "https://purl.imsglobal.org/spec/lti/claim/custom",
            "https://purl.imsglobal.org/spec/lti/claim/lis",
            "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings",
            "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice"),
        List.of("pathway=<a Cairn pathway id>")));
  }

  record PlatformView(String issuer, String clientId, String authEndpoint, List<String> jwks, List<String> keyIds,
      Set<String> deployments, Map<String, String> courses,
      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
      String tokenEndpoint) {
    static PlatformView of(Platform p) {
      return new PlatformView(p.issuer(), p.clientId(), p.authEndpoint().toString(),
          p.jwksUrls().stream().map(Object::toString).toList(),
          p.keys().stream().map(k -> k.getKeyID() == null ? "(no kid)" : k.getKeyID()).toList(),
          p.deployments(), p.coursePathways(), p.tokenEndpoint().map(Object::toString).orElse(null));
    }
  }

  void platforms(Context ctx) {
    token.require(ctx);
    ctx.jsonStream(tool().platforms().all().stream().map(PlatformView::of).toList());
  }

  void register(Context ctx) {
    token.require(ctx);
    Platforms.PlatformBody body = JsonBodies.read(ctx, json, Platforms.PlatformBody.class);
    Platform platform = Platforms.fromRequest(body);
    boolean known = tool().platforms().find(platform.issuer(), platform.clientId()).isPresent();
    Platform now = tool().platforms().register(platform);
    ctx.status(known ? 200 : 201).jsonStream(PlatformView.of(now));
  }

  /**
   * A parameter of an {@code application/x-www-form-urlencoded} body (the form_post of LTI), or null; any other
   * body holds no form, and one that cannot be decoded is a 400, never a server error.
   */
  static String form(Context ctx, String name) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      return null;
    }
    try {
      return ctx.formParam(name);
    } catch (RuntimeException e) {
      throw new ApiException(400, "Bad LTI request", "the form cannot be read: send it as "
          + "application/x-www-form-urlencoded in UTF-8");
    }
  }

  private LtiTool tool() {
    return systems.lti();
  }

  private String origin(Context ctx) {
    return origin(ctx, systems);
  }

  /** Cairn's own origin as platforms reach it: the public URL when one is set, else this request's. */
  static String origin(Context ctx, InstitutionSystems systems) {
    return systems.publicUrl().map(u -> u.toString().replaceAll("/+$", ""))
        .orElseGet(() -> ctx.scheme() + "://" + ctx.host());
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
