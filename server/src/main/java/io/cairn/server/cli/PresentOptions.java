package io.cairn.server.cli;

import io.cairn.Cairn;
import io.cairn.server.api.RequestBodies;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --present FILE...} with the verifier's settings, for the commands that answer for a learner. */
final class PresentOptions {
  @Option(names = "--present", paramLabel = "FILE", arity = "1..*",
      description = "Verifiable credentials the learner presents (Open Badges 3.0 / CLR 2.0 JSON with an embedded"
          + " proof, or a VC-JWT file); each is verified and counts only if it verifies")
  List<Path> present;

  @Mixin
  CredentialOptions credentials;

  /** {@code learner} presenting also the {@code --present} files. */
  RequestBodies.LearnerBody learner(RequestBodies.LearnerBody learner) {
    return PresentedFiles.add(learner, present);
  }

  /** {@code cairn} verifying presented credentials when it can. */
  Cairn apply(Cairn cairn) {
    return credentials.apply(cairn);
  }
}
