package io.cairn.server.cli;

import io.cairn.interop.StandardFormat;
import picocli.CommandLine.Command;

/** {@code cairn import ob3 FILE|DIR...}. */
@Command(name = "ob3", mixinStandardHelpOptions = true,
    description = {"Open Badges 3.0 Achievement definitions: one, an array, or those inside OpenBadgeCredentials and CLR 2.0 ClrCredentials (JSON or VC-JWT); signatures are not checked here.",
        "One transaction: each document in its own named graph (re-importing it replaces it whole); a resource that",
        "breaks the shapes is refused with the reason and the rest is imported."})
final class ImportOb3Command extends StandardImportCommand {
  @Override
  StandardFormat format() {
    return StandardFormat.OB3;
  }
}
