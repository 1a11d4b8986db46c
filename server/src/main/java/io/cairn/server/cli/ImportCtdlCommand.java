package io.cairn.server.cli;

import io.cairn.interop.StandardFormat;
import picocli.CommandLine.Command;

/** {@code cairn import ctdl FILE|DIR...}. */
@Command(name = "ctdl", mixinStandardHelpOptions = true,
    description = {"CTDL or CTDL-ASN JSON-LD as the Credential Engine registry serves it (a @graph, one resource, or an envelope), or Turtle: credentials, courses, pathways with their components and conditions, competency frameworks.",
        "One transaction: each document in its own named graph (re-importing it replaces it whole); a resource that",
        "breaks the shapes is refused with the reason and the rest is imported."})
final class ImportCtdlCommand extends StandardImportCommand {
  @Override
  StandardFormat format() {
    return StandardFormat.CTDL;
  }
}
