package io.cairn.server.lti;

import java.util.List;
import java.util.Optional;

/**
 * A verified LTI resource link launch, as much as Cairn uses of it: who (the platform's opaque user id, a display
 * name, the SIS person id when the platform sends it), in which role, from which course, the pathway that
 * course is about, for an instructor's Deep Linking request where to send the link they choose, and where the
 * platform lists the course's members (the Names and Role Provisioning Services claim's
 * {@code context_memberships_url}) when it offers that. Held in memory for minutes only ({@link LaunchSessions}).
 */
public record Launch(String issuer, String clientId, String deploymentId, String subject, String name,
    LaunchRole role, String contextId, String contextTitle, Optional<String> pathway,
    Optional<String> personSourcedId, List<String> roles, Optional<DeepLinking> deepLinking,
    Optional<java.net.URI> membershipsUrl) {

  public Launch {
    name = name == null ? "" : name;
    contextId = contextId == null ? "" : contextId;
    contextTitle = contextTitle == null ? "" : contextTitle;
    roles = List.copyOf(roles);
  }

  /**
   * A Deep Linking request's settings (LTI Deep Linking 2.0 section 4.4.1): where the response goes back to, and
   * the platform's opaque {@code data} to echo in it.
   */
  public record DeepLinking(String returnUrl, Optional<String> data) {}

  /** The role Cairn gives a launch. */
  public enum LaunchRole {
    /** Lands on "What next?" and the plan, with their holdings. */
    LEARNER,
    /** Lands on the advisor screen for the course's pathway. */
    ADVISOR
  }
}
