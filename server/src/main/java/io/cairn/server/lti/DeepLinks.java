package io.cairn.server.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * LTI Deep Linking 2.0 from the tool's side: the settings of a platform's {@code LtiDeepLinkingRequest} (section
 * 4.4) and the signed {@code LtiDeepLinkingResponse} (section 4.5) that places a Cairn link in a course.
 */
public final class DeepLinks {
  private DeepLinks() {}

  /** How long the platform may take to receive a response. */
  static final Duration RESPONSE_LIFETIME = Duration.ofMinutes(5);

  /** An LTI resource link Cairn places in a course: a title, a text, and the launch's custom parameters. */
  public record LinkItem(String title, String text, Map<String, String> custom) {}

  /**
   * The settings of a Deep Linking request: only a course's instructors place links, the platform must take LTI
   * resource links, and it must say where the response goes.
   */
  static Launch.DeepLinking settings(Map<String, Object> settings, Launch.LaunchRole role) {
    if (role != Launch.LaunchRole.ADVISOR) {
      throw LaunchException.forbidden("a Deep Linking request places a link in the course, which only its "
          + "instructors, mentors or content developers do; the roles sent are a learner's");
    }
    if (!(settings.get("deep_link_return_url") instanceof String returnUrl) || !absoluteHttp(returnUrl)) {
      throw LaunchException.forbidden("the Deep Linking request has no deep_link_return_url (an http or https URL) "
          + "in its " + LtiClaims.DEEP_LINKING_SETTINGS + " claim");
    }
    if (!(settings.get("accept_types") instanceof List<?> types) || !types.contains("ltiResourceLink")) {
      throw LaunchException.forbidden("the platform's accept_types " + settings.get("accept_types")
          + " do not include ltiResourceLink, the only kind of item Cairn places");
    }
    return new Launch.DeepLinking(returnUrl.trim(), settings.get("data") instanceof String d ? Optional.of(d)
        : Optional.empty());
  }

  private static boolean absoluteHttp(String url) {
    try {
      URI uri = URI.create(url.trim());
      return uri.getHost() != null && ("https".equalsIgnoreCase(uri.getScheme())
          || "http".equalsIgnoreCase(uri.getScheme()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * The response that places {@code item}: from Cairn (its client id) to the platform, for the deployment of the
   * request, echoing its data, signed with Cairn's key.
   */
  static String response(Launch launch, LinkItem item, String launchUrl, Instant now, ToolKey key) {
    Launch.DeepLinking request = launch.deepLinking().orElseThrow(() -> LaunchException.forbidden(
        "this launch was not a Deep Linking request; place a link from the LMS's content dialog"));
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("type", "ltiResourceLink");
    content.put("title", item.title());
    content.put("text", item.text());
    content.put("url", launchUrl);
    content.put("custom", item.custom());
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .issuer(launch.clientId()).audience(launch.issuer())
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(RESPONSE_LIFETIME)))
        .claim("nonce", LoginStates.random())
        .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.DEEP_LINKING_RESPONSE).claim(LtiClaims.VERSION, LtiClaims.LTI_VERSION)
        .claim(LtiClaims.DEPLOYMENT_ID, launch.deploymentId())
        .claim(LtiClaims.CONTENT_ITEMS, List.of(content))
        .claim(LtiClaims.DL_MESSAGE, "Placed: " + item.title());
    request.data().ifPresent(data -> claims.claim(LtiClaims.DL_DATA, data));
    return key.sign(claims.build());
  }
}
