package io.cairn.server.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Cairn as an LTI 1.3 tool: the OIDC third-party login initiation and the resource link launch (LTI 1.3 Core
 * section 5, 1EdTech Security Framework section 5.1). Every check of the {@code id_token} is here, with Nimbus
 * JOSE+JWT doing the signature; a refused launch says which check failed. Thread-safe.
 */
public final class LtiTool {
  /** Clock difference tolerated between the platform and Cairn. */
  static final Duration SKEW = Duration.ofMinutes(1);
  /** Tokens issued longer ago than this are refused even when their {@code exp} is later. */
  static final Duration MAX_AGE = Duration.ofMinutes(30);

  private final Platforms platforms;
  private final PlatformKeys keys = new PlatformKeys();
  private final LoginStates logins = new LoginStates(MAX_AGE.plus(SKEW).plus(SKEW));
  private final LaunchSessions sessions = new LaunchSessions();
  private final ToolKey toolKey;
  private final CourseRosters rosters;
  private final Clock clock;

  /** A tool whose key is generated at start (see {@link ToolKey}). */
  public LtiTool(Platforms platforms, Clock clock) {
    this(platforms, clock, ToolKey.generated());
  }

  /** A tool that signs with {@code toolKey} (the operator's, from {@code --lti-key FILE}). */
  public LtiTool(Platforms platforms, Clock clock, ToolKey toolKey) {
    this.platforms = platforms;
    this.clock = clock;
    this.toolKey = toolKey;
    this.rosters = new CourseRosters(platforms, toolKey, clock);
  }

  /** Cairn's key as a tool. */
  public ToolKey toolKey() {
    return toolKey;
  }

  /** The course rosters of advisors' launches (Names and Role Provisioning Services). */
  public CourseRosters rosters() {
    return rosters;
  }

  public Platforms platforms() {
    return platforms;
  }

  public LaunchSessions sessions() {
    return sessions;
  }

  /**
   * The login initiation's answer: where to send the browser (the platform's authorization endpoint, with a new
   * state and nonce).
   *
   * @param params the request's parameters ({@code iss}, {@code login_hint}, {@code target_link_uri}, optionally
   *     {@code client_id}, {@code lti_message_hint}, {@code lti_deployment_id})
   * @param launchUrl Cairn's launch URL, the {@code redirect_uri}
   */
  public URI login(Map<String, String> params, String launchUrl) {
    String issuer = required(params, "iss");
    String loginHint = required(params, "login_hint");
    String target = required(params, "target_link_uri");
    List<Platform> registered = platforms.byIssuer(issuer);
    if (registered.isEmpty()) {
      throw LaunchException.forbidden("no LTI platform with the issuer " + issuer + " is registered here; the "
          + "operator registers it (platforms file or POST /api/lti/platforms)");
    }
    String clientId = params.get("client_id");
    Platform platform;
    if (clientId != null && !clientId.isBlank()) {
      platform = registered.stream().filter(p -> p.clientId().equals(clientId.trim())).findFirst().orElseThrow(
          () -> LaunchException.forbidden("the platform " + issuer + " is registered here with the client id(s) "
              + registered.stream().map(Platform::clientId).collect(Collectors.joining(", ")) + ", not "
              + clientId));
    } else if (registered.size() == 1) {
      platform = registered.get(0);
    } else {
      throw LaunchException.badRequest("the platform " + issuer + " is registered with several client ids; the "
          + "login initiation must say which with client_id");
    }
    String deployment = params.get("lti_deployment_id");
    if (deployment != null && !deployment.isBlank() && !platform.deployments().contains(deployment.trim())) {
      throw unknownDeployment(platform, deployment.trim());
    }
    String nonce = LoginStates.random();
    String state = logins.begin(platform.issuer(), platform.clientId(), target, nonce);
    Map<String, String> query = new LinkedHashMap<>();
    query.put("scope", "openid");
    query.put("response_type", "id_token");
    query.put("response_mode", "form_post");
    query.put("prompt", "none");
    query.put("client_id", platform.clientId());
    query.put("redirect_uri", launchUrl);
    query.put("login_hint", loginHint);
    query.put("state", state);
    query.put("nonce", nonce);
    Optional.ofNullable(params.get("lti_message_hint")).ifPresent(hint -> query.put("lti_message_hint", hint));
    String auth = platform.authEndpoint().toString();
    return URI.create(auth + (auth.contains("?") ? "&" : "?") + query.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&")));
  }

  /** A launch that passed every check, and the session id it is kept under. */
  public record Opened(String sessionId, Launch launch) {}

  /**
   * Checks the authentication response and opens a launch session.
   *
   * @param idToken the platform's signed {@code id_token}
   * @param state the {@code state} the login initiation gave
   * @param toolOrigin Cairn's own origin ({@code https://cairn.example.edu}); the target link must be on it
   * @throws LaunchException saying which check failed
   */
  public Opened launch(String idToken, String state, String toolOrigin) {
    if (idToken == null || idToken.isBlank()) {
      throw LaunchException.badRequest("the launch needs the platform's id_token (a form parameter)");
    }
    if (state == null || state.isBlank()) {
      throw LaunchException.badRequest("the launch needs the state the login initiation gave (a form parameter)");
    }
    LoginStates.Pending login = logins.take(state.trim()).orElseThrow(() -> LaunchException.untrusted(
        "the state is not one Cairn gave, or it was used already or is older than "
            + LoginStates.LOGIN_LIFETIME.toMinutes() + " minutes; start the launch again from the LMS"));
    SignedJWT jwt = signed(idToken.trim());
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw LaunchException.untrusted("the id_token's claims are not a JSON object: " + e.getMessage());
    }
    if (!login.issuer().equals(claims.getIssuer())) {
      throw LaunchException.untrusted("the id_token's iss (" + claims.getIssuer() + ") is not the platform the "
          + "login began with (" + login.issuer() + ")");
    }
    Platform platform = platforms.find(login.issuer(), login.clientId()).orElseThrow();
    checkSignature(jwt, platform);
    checkAudience(claims, platform);
    checkTimes(claims);
    checkNonce(claims, login);
    return open(claims, platform, login, toolOrigin);
  }

  private static SignedJWT signed(String token) {
    JWT parsed;
    try {
      parsed = JWTParser.parse(token);
    } catch (ParseException e) {
      throw LaunchException.untrusted("the id_token is not a JWT: " + e.getMessage());
    }
    if (parsed instanceof PlainJWT) {
      throw LaunchException.untrusted("the id_token is unsigned (alg none); LTI launches are signed with RS256");
    }
    if (!(parsed instanceof SignedJWT jwt)) {
      throw LaunchException.untrusted("the id_token is encrypted; LTI launches are signed JWTs (RS256)");
    }
    if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
      throw LaunchException.untrusted("the id_token is signed with " + jwt.getHeader().getAlgorithm()
          + "; LTI 1.3 launches are signed with RS256");
    }
    return jwt;
  }

  private void checkSignature(SignedJWT jwt, Platform platform) {
    String kid = jwt.getHeader().getKeyID();
    List<JWK> candidates = keys.rsaKeys(platform, kid);
    if (candidates.isEmpty()) {
      throw LaunchException.untrusted("the id_token names the key " + (kid == null ? "(no kid)" : kid)
          + ", which is not among the keys of " + platform.issuer() + " (its JWKS and registered keys)");
    }
    for (JWK key : candidates) {
      try {
        if (jwt.verify(new RSASSAVerifier(key.toRSAKey()))) {
          return;
        }
      } catch (JOSEException e) {
        // a key too short or otherwise unusable: try the next one
      }
    }
    throw LaunchException.untrusted("the id_token's RS256 signature does not match the key " + (kid == null
        ? "of " : kid + " of ") + platform.issuer() + ": it was changed after signing, or signed by another key");
  }

  private static void checkAudience(JWTClaimsSet claims, Platform platform) {
    List<String> audience = claims.getAudience();
    if (!audience.contains(platform.clientId())) {
      throw LaunchException.untrusted("the id_token's aud " + audience + " does not include Cairn's client id "
          + platform.clientId() + " at " + platform.issuer());
    }
    Object azp = claims.getClaim("azp");
    if (azp != null && !platform.clientId().equals(azp)) {
      throw LaunchException.untrusted("the id_token's azp (" + azp + ") is not Cairn's client id "
          + platform.clientId());
    }
    if (azp == null && audience.size() > 1) {
      throw LaunchException.untrusted("the id_token has several audiences and no azp; with several, azp must "
          + "name Cairn's client id " + platform.clientId());
    }
  }

  private void checkTimes(JWTClaimsSet claims) {
    Instant now = clock.instant();
    if (claims.getExpirationTime() == null || claims.getIssueTime() == null) {
      throw LaunchException.untrusted("the id_token needs exp and iat");
    }
    Instant exp = claims.getExpirationTime().toInstant();
    Instant iat = claims.getIssueTime().toInstant();
    if (!now.isBefore(exp.plus(SKEW))) {
      throw LaunchException.untrusted("the id_token expired at " + exp + " (now " + now.truncatedTo(
          java.time.temporal.ChronoUnit.SECONDS) + "); start the launch again from the LMS");
    }
    if (iat.isAfter(now.plus(SKEW))) {
      throw LaunchException.untrusted("the id_token was issued in the future (iat " + iat + "); check the "
          + "platform's clock");
    }
    if (iat.isBefore(now.minus(MAX_AGE))) {
      throw LaunchException.untrusted("the id_token was issued at " + iat + ", more than " + MAX_AGE.toMinutes()
          + " minutes ago");
    }
  }

  private void checkNonce(JWTClaimsSet claims, LoginStates.Pending login) {
    Object nonce = claims.getClaim("nonce");
    if (!(nonce instanceof String n) || n.isBlank()) {
      throw LaunchException.untrusted("the id_token has no nonce");
    }
    if (!logins.useNonce(login.issuer(), n)) {
      throw LaunchException.untrusted("the id_token's nonce was used by an earlier launch: a token is good for "
          + "one launch only (a replay?)");
    }
    if (!n.equals(login.nonce())) {
      throw LaunchException.untrusted("the id_token's nonce is not the one Cairn gave this login");
    }
  }

  private Opened open(JWTClaimsSet claims, Platform platform, LoginStates.Pending login, String toolOrigin) {
    String deployment = string(claims, LtiClaims.DEPLOYMENT_ID);
    if (deployment.isEmpty() || !platform.deployments().contains(deployment)) {
      throw unknownDeployment(platform, deployment);
    }
    String type = string(claims, LtiClaims.MESSAGE_TYPE);
    boolean deepLinking = type.equals(LtiClaims.DEEP_LINKING_REQUEST);
    if (!type.equals(LtiClaims.RESOURCE_LINK_REQUEST) && !deepLinking) {
      throw LaunchException.forbidden("the message type is " + (type.isEmpty() ? "missing" : "'" + type + "'")
          + "; Cairn takes " + LtiClaims.RESOURCE_LINK_REQUEST + " and " + LtiClaims.DEEP_LINKING_REQUEST
          + " launches");
    }
    String version = string(claims, LtiClaims.VERSION);
    if (!version.equals(LtiClaims.LTI_VERSION)) {
      throw LaunchException.forbidden("the LTI version is " + (version.isEmpty() ? "missing" : "'" + version + "'")
          + "; Cairn takes " + LtiClaims.LTI_VERSION);
    }
    String target = string(claims, LtiClaims.TARGET_LINK_URI);
    if (!sameOrigin(target, toolOrigin)) {
      throw LaunchException.forbidden("the target_link_uri " + (target.isEmpty() ? "is missing" : target
          + " is not on this Cairn (" + toolOrigin + ")"));
    }
    if (!login.targetLinkUri().equals(target)) {
      throw LaunchException.forbidden("the target_link_uri " + target + " is not the one the login began with ("
          + login.targetLinkUri() + ")");
    }
    Map<String, Object> link = object(claims, LtiClaims.RESOURCE_LINK);
    if (!deepLinking && (!(link.get("id") instanceof String id) || id.isBlank())) {
      throw LaunchException.forbidden("the launch has no resource_link id");
    }
    List<String> roles = strings(claims, LtiClaims.ROLES);
    Launch.LaunchRole role = LaunchRoles.of(roles).orElseThrow(() -> LaunchException.forbidden("none of the roles "
        + roles + " is one Cairn serves: learners (membership#Learner) and instructors, mentors or content "
        + "developers (membership#Instructor, #Mentor, #ContentDeveloper)"));
    Optional<Launch.DeepLinking> settings = deepLinking
        ? Optional.of(DeepLinks.settings(object(claims, LtiClaims.DEEP_LINKING_SETTINGS), role)) : Optional.empty();
    Map<String, Object> context = object(claims, LtiClaims.CONTEXT);
    String contextId = context.get("id") instanceof String s ? s : "";
    Object custom = object(claims, LtiClaims.CUSTOM).get("pathway");
    Optional<String> pathway = custom instanceof String p && !p.isBlank() ? Optional.of(p.trim())
        : Optional.ofNullable(platform.coursePathways().get(contextId));
    Object person = object(claims, LtiClaims.LIS).get("person_sourcedid");
    Launch launch = new Launch(platform.issuer(), platform.clientId(), deployment,
        claims.getSubject() == null ? "" : claims.getSubject(), name(claims), role, contextId,
        context.get("title") instanceof String t ? t : "", pathway,
        person instanceof String p && !p.isBlank() ? Optional.of(p) : Optional.empty(), roles, settings,
        membershipsUrl(claims));
    return new Opened(sessions.open(launch), launch);
  }

  /**
   * The signed {@code LtiDeepLinkingResponse} that places {@code item} in the course of the Deep Linking request
   * {@code launch} ({@link DeepLinks#response}).
   *
   * @param launchUrl where the placed link launches (Cairn's launch URL)
   */
  public String deepLinkingResponse(Launch launch, DeepLinks.LinkItem item, String launchUrl) {
    return DeepLinks.response(launch, item, launchUrl, clock.instant(), toolKey);
  }

  /** Cairn's public key as a JWK Set: what a platform checks Cairn's Deep Linking responses against. */
  public com.nimbusds.jose.jwk.JWKSet jwks() {
    return toolKey.publicJwks();
  }

  /** The NRPS claim's context_memberships_url, when the platform offers the course's roster to Cairn. */
  private static Optional<URI> membershipsUrl(JWTClaimsSet claims) {
    if (object(claims, LtiClaims.NRPS_CLAIM).get("context_memberships_url") instanceof String url && !url.isBlank()) {
      try {
        URI uri = URI.create(url.trim());
        if (uri.isAbsolute() && List.of("https", "http").contains(uri.getScheme())) {
          return Optional.of(uri);
        }
      } catch (IllegalArgumentException e) {
        // a malformed URL: as if the platform offered no roster, which the advisor is told when they ask for it
      }
    }
    return Optional.empty();
  }

  private static LaunchException unknownDeployment(Platform platform, String deployment) {
    return LaunchException.forbidden("the deployment " + (deployment.isEmpty() ? "(none given)" : "'" + deployment
        + "'") + " is not registered for " + platform.issuer() + " (registered: " + String.join(", ",
        platform.deployments()) + "); the operator adds it to the platform's deployments");
  }

  private static boolean sameOrigin(String target, String origin) {
    try {
      URI t = URI.create(target);
      URI o = URI.create(origin);
      return t.isAbsolute() && o.getScheme().equalsIgnoreCase(t.getScheme())
          && o.getHost().equalsIgnoreCase(t.getHost()) && port(o) == port(t);
    } catch (IllegalArgumentException | NullPointerException e) {
      return false;
    }
  }

  private static int port(URI uri) {
    return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static String name(JWTClaimsSet claims) {
    Object name = claims.getClaim("name");
    if (name instanceof String n && !n.isBlank()) {
      return n;
    }
    Object given = claims.getClaim("given_name");
    Object family = claims.getClaim("family_name");
    return ((given instanceof String g ? g : "") + " " + (family instanceof String f ? f : "")).trim();
  }

  private static String string(JWTClaimsSet claims, String name) {
    return claims.getClaim(name) instanceof String s ? s.trim() : "";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(JWTClaimsSet claims, String name) {
    return claims.getClaim(name) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static List<String> strings(JWTClaimsSet claims, String name) {
    List<String> all = new ArrayList<>();
    if (claims.getClaim(name) instanceof List<?> list) {
      list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(all::add);
    }
    return all;
  }

  private static String required(Map<String, String> params, String name) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      throw LaunchException.badRequest("the LTI login initiation needs the parameter " + name);
    }
    return value.trim();
  }
}
