package io.cairn.server.cli;

import io.cairn.Cairn;
import io.cairn.interop.vc.CredentialVerifier;
import io.cairn.interop.vc.OfflineContexts;
import io.cairn.interop.vc.TrustedIssuers;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How presented credentials are verified: the issuers the operator trusts, and the JSON-LD contexts, read from the
 * shared folder ({@code cairn.shared} / $CAIRN_SHARED, default {@code ../shared}) and never fetched.
 */
final class CredentialOptions {
  @Option(names = "--trusted-issuers", paramLabel = "FILE",
      description = "Issuers (DIDs or URLs) and JWK Set files whose keys verify presented credentials, as JSON: "
          + "{\"issuers\": [{\"id\": DID, \"jwks\": FILE}], \"acceptUnlisted\": true} (default: "
          + "$CAIRN_TRUSTED_ISSUERS; without one, did:key and did:jwk issuers verify from the identifier itself)")
  Path trustedIssuers;

  static Path shared() {
    String shared = System.getProperty("cairn.shared", System.getenv("CAIRN_SHARED"));
    return Path.of(shared == null || shared.isBlank() ? "../shared" : shared);
  }

  TrustedIssuers trusted() {
    Path file = trustedIssuers;
    if (file == null) {
      String env = System.getenv("CAIRN_TRUSTED_ISSUERS");
      file = env == null || env.isBlank() ? null : Path.of(env);
    }
    if (file == null) {
      return TrustedIssuers.none();
    }
    try {
      return TrustedIssuers.load(file);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
  }

  /**
   * The verifier, or empty with a warning on stderr when the contexts are not in the shared folder (requests that
   * present credentials are then refused with 409, the rest work as before).
   */
  Optional<CredentialVerifier> verifier() {
    TrustedIssuers trusted = trusted();
    try {
      return Optional.of(new CredentialVerifier(OfflineContexts.fromShared(shared()), trusted, Clock.systemUTC()));
    } catch (IllegalArgumentException e) {
      System.err.println("Presented credentials cannot be verified: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** {@code cairn} verifying presented credentials when it can. */
  Cairn apply(Cairn cairn) {
    return verifier().map(cairn::verifying).orElse(cairn);
  }
}
