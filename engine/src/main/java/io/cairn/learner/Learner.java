package io.cairn.learner;

import io.cairn.interop.vc.CredentialCheck;
import io.cairn.interop.vc.PresentedCredential;
import java.util.List;

/**
 * What a learner holds, as sent in a request: credential and competency ids they declare (short ids or IRIs), and
 * the verifiable credentials they present (Open Badges 3.0 / CLR 2.0, embedded proof or VC-JWT). Presented
 * credentials count only once verified: {@code checks} holds one verification per presented credential, in the same
 * order ({@link #withChecks}); the engine's front door fills it in. Learners are request data: nothing about them is
 * stored or logged.
 */
public record Learner(String name, List<String> credentials, List<String> competencies,
    List<PresentedCredential> presented, List<CredentialCheck> checks) {
  public Learner {
    name = name == null ? "" : name;
    credentials = credentials == null ? List.of() : List.copyOf(credentials);
    competencies = competencies == null ? List.of() : List.copyOf(competencies);
    presented = presented == null ? List.of() : List.copyOf(presented);
    checks = checks == null ? List.of() : List.copyOf(checks);
    if (checks.size() > presented.size()) {
      throw new IllegalArgumentException("more verifications than presented credentials");
    }
  }

  /** A learner who declares what they hold and presents nothing. */
  public Learner(String name, List<String> credentials, List<String> competencies) {
    this(name, credentials, competencies, List.of(), List.of());
  }

  /** A learner who declares some holdings and presents credentials, not yet verified. */
  public Learner(String name, List<String> credentials, List<String> competencies,
      List<PresentedCredential> presented) {
    this(name, credentials, competencies, presented, List.of());
  }

  public static Learner empty() {
    return new Learner("", List.of(), List.of());
  }

  /** True when every presented credential has been verified (or nothing was presented). */
  public boolean verified() {
    return checks.size() == presented.size();
  }

  /** This learner with the verification of each presented credential. */
  public Learner withChecks(List<CredentialCheck> checks) {
    if (checks.size() != presented.size()) {
      throw new IllegalArgumentException("one verification per presented credential: " + presented.size()
          + " presented, " + checks.size() + " verified");
    }
    return new Learner(name, credentials, competencies, presented, checks);
  }
}
