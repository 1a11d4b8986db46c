package io.cairn.server.cli;

import io.cairn.interop.StandardFormat;
import picocli.CommandLine.Command;

/** {@code cairn import elm FILE|DIR...}. */
@Command(name = "elm", mixinStandardHelpOptions = true,
    description = {"European Learning Model JSON-LD (or Turtle): learning achievement specifications, qualifications and learning opportunities, alone or inside issued European Digital Credentials (only the specifications are imported).",
        "One transaction: each document in its own named graph (re-importing it replaces it whole); a resource that",
        "breaks the shapes is refused with the reason and the rest is imported."})
final class ImportElmCommand extends StandardImportCommand {
  @Override
  StandardFormat format() {
    return StandardFormat.ELM;
  }
}
