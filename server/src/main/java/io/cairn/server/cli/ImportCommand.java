package io.cairn.server.cli;

import picocli.CommandLine.Command;

/** {@code cairn import}: bring in a third-party classification. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import a third-party classification.",
    subcommands = ImportEscoCommand.class)
final class ImportCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
