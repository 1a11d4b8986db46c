package io.cairn.server.lti;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which Cairn screen an LTI role opens: teaching and advising roles of the course (or of the institution) open the
 * advisor screen, learners the learner's. A user with both (a teaching assistant who also studies) gets the
 * advisor's, the wider view. Roles are the LIS v2 URIs of LTI 1.3 Core appendix A.2.
 */
final class LaunchRoles {
  private LaunchRoles() {}

  private static final Set<String> ADVISING = Set.of(
      LtiClaims.MEMBERSHIP + "Instructor", LtiClaims.MEMBERSHIP + "Mentor",
      LtiClaims.MEMBERSHIP + "ContentDeveloper", LtiClaims.MEMBERSHIP + "Administrator",
      LtiClaims.INSTITUTION + "Faculty", LtiClaims.INSTITUTION + "Instructor",
      LtiClaims.INSTITUTION + "Mentor", LtiClaims.INSTITUTION + "Administrator");
  private static final Set<String> LEARNING = Set.of(
      LtiClaims.MEMBERSHIP + "Learner", LtiClaims.INSTITUTION + "Student", LtiClaims.INSTITUTION + "Learner");

  static Optional<Launch.LaunchRole> of(List<String> roles) {
    // a sub-role (membership/Instructor#TeachingAssistant) counts as its principal role
    if (roles.stream().map(LaunchRoles::principal).anyMatch(ADVISING::contains)) {
      return Optional.of(Launch.LaunchRole.ADVISOR);
    }
    if (roles.stream().map(LaunchRoles::principal).anyMatch(LEARNING::contains)) {
      return Optional.of(Launch.LaunchRole.LEARNER);
    }
    return Optional.empty();
  }

  private static String principal(String role) {
    String sub = "http://purl.imsglobal.org/vocab/lis/v2/membership/";
    if (role.startsWith(sub) && role.indexOf('#') > 0) {
      return LtiClaims.MEMBERSHIP + role.substring(sub.length(), role.indexOf('#'));
    }
    return role;
  }
}
