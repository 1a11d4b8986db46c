package io.cairn.server.lti;

import java.util.List;
import java.util.Optional;

/**
 * A verified LTI resource link launch, as much as Cairn uses of it: who (the platform's opaque user id, a display
 * name, the SIS person id when the platform sends it), in which role, from which course, and the pathway that
 * course is about. Held in memory for minutes only ({@link LaunchSessions}).
 */
public record Launch(String issuer, String clientId, String deploymentId, String subject, String name,
    LaunchRole role, String contextId, String contextTitle, Optional<String> pathway,
    Optional<String> personSourcedId, List<String> roles) {

  public Launch {
    name = name == null ? "" : name;
    contextId = contextId == null ? "" : contextId;
    contextTitle = contextTitle == null ? "" : contextTitle;
    roles = List.copyOf(roles);
  }

  /** The role Cairn gives a launch. */
  public enum LaunchRole {
    /** Lands on "What next?" and the plan, with their holdings. */
    LEARNER,
    /** Lands on the advisor screen for the course's pathway. */
    ADVISOR
  }
}
