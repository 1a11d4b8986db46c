package io.cairn.server.cli;

import picocli.CommandLine.Command;

/** {@code cairn import}: bring in a third-party classification (ESCO) or standards' documents (CTDL, ELM, OB3, CASE). */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import a third-party classification or a credential standard's documents.",
    subcommands = {ImportEscoCommand.class, ImportCtdlCommand.class, ImportElmCommand.class, ImportOb3Command.class,
        ImportCaseCommand.class})
final class ImportCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
