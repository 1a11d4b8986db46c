package io.cairn.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cairn lti}: tools around Cairn as an LTI 1.3 tool. */
@Command(name = "lti", mixinStandardHelpOptions = true, subcommands = DemoPlatformCommand.class,
    description = "LTI 1.3 helpers: 'cairn lti demo-platform' runs a small LMS to try the launch in a browser.")
final class LtiCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
