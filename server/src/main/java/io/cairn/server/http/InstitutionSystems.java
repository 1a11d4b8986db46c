package io.cairn.server.http;

import io.cairn.interop.ob3.BadgeIssuer;
import io.cairn.server.lti.LtiTool;
import io.cairn.server.lti.Platforms;
import io.cairn.server.sis.Sis;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * How this Cairn is tied into the institution's other systems: the LMS platforms that may launch it (LTI 1.3), and
 * the public address it is reached at (for the launch URL it gives platforms; without one, the request's own), and
 * the student information system it reads learners' passed courses from (OneRoster 1.2), and the institution's
 * badge issuer that signs Open Badges 3.0 credentials for them.
 */
public record InstitutionSystems(LtiTool lti, Optional<URI> publicUrl, Optional<Sis> sis,
    Optional<BadgeIssuer> badges) {

  /** No platform registered, no public URL: LTI launches are refused until a platform is registered. */
  public static InstitutionSystems none() {
    return new InstitutionSystems(new LtiTool(Platforms.none(), Clock.systemUTC()), Optional.empty(), Optional.empty(),
        Optional.empty());
  }
}
