package io.cairn.server.lti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The course's members as the LMS lists them, for an advisor launched from it: LTI Names and Role Provisioning
 * Services 2.0. Cairn asks the platform's token endpoint for an access token with the OAuth 2.0 client-credentials
 * grant and a JWT client assertion signed with its tool key (1EdTech Security Framework 4.1, RFC 7523), then reads
 * the membership container at the launch's {@code context_memberships_url}, page by page ({@code Link: rel="next"}).
 * A roster is kept in memory for a few minutes under the launch's session, never stored. Thread-safe.
 */
public final class CourseRosters {
  /** How long a read roster is reused for the same launch. */
  static final Duration KEPT = Duration.ofMinutes(5);
  /** A membership container longer than this many pages is refused rather than read forever. */
  static final int MAX_PAGES = 100;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;[^,]*rel\\s*=\\s*\"?next\"?",
      Pattern.CASE_INSENSITIVE);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Platforms platforms;
  private final ToolKey key;
  private final Clock clock;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final Cache<String, Roster> bySession = Caffeine.newBuilder().expireAfterWrite(KEPT)
      .maximumSize(10_000).build();

  CourseRosters(Platforms platforms, ToolKey key, Clock clock) {
    this.platforms = platforms;
    this.key = key;
    this.clock = clock;
  }

  /** One member of the course as NRPS gives it; absent fields are empty. */
  public record Member(String userId, String name, String givenName, String familyName, String email,
      Optional<String> personSourcedId, List<String> roles, String status) {
    public Member {
      roles = List.copyOf(roles);
    }

    /** A learner of the course (membership#Learner, or an institution student), active. */
    public boolean learner() {
      return !"Inactive".equalsIgnoreCase(status) && LaunchRoles.of(roles).filter(r -> r
          == Launch.LaunchRole.LEARNER).isPresent();
    }
  }

  /** The course the roster is of (as the container names it) and its members, in the platform's order. */
  public record Roster(String contextId, String contextTitle, List<Member> members) {
    public Roster {
      members = List.copyOf(members);
    }

    public Optional<Member> member(String userId) {
      return members.stream().filter(m -> m.userId().equals(userId)).findFirst();
    }
  }

  /**
   * The roster of the course {@code launch} came from, read from the platform or kept from a read minutes ago.
   *
   * @throws LaunchException 403 for a learner's launch, 409 when the platform offers no roster or has no token
   *     endpoint registered, 502 when the platform cannot be reached or refuses
   */
  public Roster roster(String sessionId, Launch launch) {
    if (launch.role() != Launch.LaunchRole.ADVISOR) {
      throw LaunchException.roster(403, "the course's learners are listed for an instructor's or advisor's "
          + "launch only; this launch is a learner's");
    }
    return bySession.get(sessionId, id -> read(launch));
  }

  private Roster read(Launch launch) {
    URI memberships = launch.membershipsUrl().orElseThrow(() -> LaunchException.roster(409, "the LMS did not offer "
        + "this course's roster to Cairn (the launch has no Names and Role Provisioning claim, "
        + LtiClaims.NRPS_CLAIM + "); the LMS administrator enables the Names and Role Provisioning service for "
        + "the tool"));
    Platform platform = platforms.find(launch.issuer(), launch.clientId()).orElseThrow();
    URI tokenEndpoint = platform.tokenEndpoint().orElseThrow(() -> LaunchException.roster(409, "the platform "
        + platform.issuer() + " is registered without its \"tokenEndpoint\" (its OAuth 2.0 access token URL), "
        + "which Cairn needs to read the course's roster; the operator adds it to the registration"));
    String token = accessToken(platform, tokenEndpoint);
    List<Member> members = new ArrayList<>();
    String contextId = launch.contextId();
    String contextTitle = launch.contextTitle();
    Set<URI> seen = new HashSet<>();
    URI page = memberships;
    for (int i = 0; page != null; i++) {
      if (i == MAX_PAGES || !seen.add(page)) {
        throw LaunchException.roster(502, "the roster at " + memberships + " goes on past " + MAX_PAGES + " pages or "
            + "links back to a page already read; Cairn stopped reading it");
      }
      HttpResponse<String> answer = send(HttpRequest.newBuilder(page).timeout(TIMEOUT)
          .header("Authorization", "Bearer " + token).header("Accept", LtiClaims.NRPS_MEDIA_TYPE).GET().build(),
          "the platform's roster at " + page);
      if (answer.statusCode() != 200) {
        throw LaunchException.roster(502, "the platform answered " + answer.statusCode() + " for the roster at "
            + page + ": " + shortened(answer.body()));
      }
      JsonNode container = json(answer.body(), "the roster at " + page);
      if (!container.path("members").isArray()) {
        throw LaunchException.roster(502, "the roster at " + page + " is not a membership container: it has no "
            + "\"members\" array");
      }
      container.path("members").forEach(m -> members.add(member(m)));
      contextId = text(container.path("context"), "id", contextId);
      contextTitle = text(container.path("context"), "title", contextTitle);
      page = next(answer, page);
    }
    return new Roster(contextId, contextTitle, members);
  }

  /** An access token for the NRPS scope, by the client-credentials grant with a signed client assertion. */
  private String accessToken(Platform platform, URI tokenEndpoint) {
    String form = String.join("&",
        "grant_type=client_credentials",
        "client_assertion_type=" + encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
        "client_assertion=" + encode(key.clientAssertion(platform.clientId(), tokenEndpoint, clock.instant())),
        "scope=" + encode(LtiClaims.NRPS_SCOPE));
    HttpResponse<String> answer = send(HttpRequest.newBuilder(tokenEndpoint).timeout(TIMEOUT)
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), "the platform's token endpoint " + tokenEndpoint);
    JsonNode body = answer.statusCode() == 200 ? json(answer.body(), "the token endpoint's answer") : null;
    if (body == null || !body.path("access_token").isTextual() || body.path("access_token").asText().isBlank()) {
      throw LaunchException.roster(502, "the platform's token endpoint " + tokenEndpoint + " refused Cairn an "
          + "access token (" + answer.statusCode() + ": " + shortened(answer.body()) + "); check that the LMS "
          + "has Cairn's key (its JWKS URL, /lti/jwks) and the client id " + platform.clientId()
          + ", and grants it the Names and Role Provisioning scope");
    }
    return body.path("access_token").asText();
  }

  private HttpResponse<String> send(HttpRequest request, String what) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      String why = e instanceof java.net.ConnectException ? "the connection was refused"
          : e instanceof java.net.http.HttpTimeoutException ? "no answer within " + TIMEOUT.toSeconds() + " s"
          : e.getMessage() == null ? "the connection failed" : e.getMessage();
      throw LaunchException.roster(502, what + " cannot be reached (" + why + "); try again when the LMS is back");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw LaunchException.roster(502, what + " was not read: interrupted");
    }
  }

  private static Member member(JsonNode m) {
    List<String> roles = new ArrayList<>();
    m.path("roles").forEach(r -> roles.add(r.asText()));
    String sourcedId = text(m, "lis_person_sourcedid", "");
    return new Member(text(m, "user_id", ""), text(m, "name", ""), text(m, "given_name", ""),
        text(m, "family_name", ""), text(m, "email", ""), sourcedId.isBlank() ? Optional.empty()
        : Optional.of(sourcedId), roles, text(m, "status", "Active"));
  }

  /** The {@code Link} header's {@code rel="next"}, resolved against the page it came with. */
  private static URI next(HttpResponse<String> answer, URI page) {
    for (String link : answer.headers().allValues("Link")) {
      Matcher m = NEXT.matcher(link);
      if (m.find()) {
        return page.resolve(m.group(1).trim());
      }
    }
    return null;
  }

  private static JsonNode json(String body, String what) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw LaunchException.roster(502, what + " is not JSON: " + shortened(body));
    }
  }

  private static String text(JsonNode node, String field, String otherwise) {
    JsonNode value = node.path(field);
    return value.isTextual() ? value.asText() : otherwise;
  }

  private static String shortened(String body) {
    String s = body == null ? "" : body.strip();
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
