package io.cairn.server.cli;

import io.cairn.graph.LoadRejectedException;
import io.cairn.graph.RdfSyntaxException;
import io.cairn.learner.UnknownReferenceException;
import io.cairn.server.api.ApiException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code cairn} command line: serve, load, validate, recommend, plan, audit, import, export, train, evaluate,
 * next-skills, search, show, analyze, lti (a demo LMS to try the LTI launch).
 */
@Command(name = "cairn", mixinStandardHelpOptions = true, version = "Cairn 0.1.0",
    description = "Competency-based, stackable pathway recommendations.",
    subcommands = {ServeCommand.class, StoreCommand.class, LoadCommand.class, ValidateCommand.class,
        RecommendCommand.class,
        PlanCommand.class, AuditCommand.class, ImportCommand.class, ExportCommand.class, TrainCommand.class,
        EvaluateCommand.class, NextSkillsCommand.class, SearchCommand.class, ShowCommand.class, AnalyzeCommand.class,
        LtiCommand.class})
public final class CairnCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (0 ok, 1 refused data, 2 usage or input error). */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new CairnCommand());
    cli.setParameterExceptionHandler(UsageErrors::handle);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      String message = switch (e) {
        case CliException c -> c.getMessage();
        case ApiException a -> a.getMessage();
        case UnknownReferenceException u -> u.getMessage();
        case RdfSyntaxException r -> "malformed RDF: " + r.getMessage();
        case LoadRejectedException l -> null;
        case io.cairn.graph.SourceConflictException c -> null;
        case IllegalArgumentException i -> i.getMessage();
        case io.cairn.rank.ModelRequiredException m -> m.getMessage();
        case io.cairn.interop.esco.EscoFormatException f -> f.getMessage();
        case io.cairn.interop.StandardFormatException f -> f.getMessage() + " (nothing was imported)";
        case io.cairn.interop.esco.MalformedRowException m -> "malformed row in " + m.getMessage()
            + " (nothing was imported; --skip-malformed reports such rows and goes on)";
        default -> throw e;
      };
      if (e instanceof LoadRejectedException rejected) {
        commandLine.getErr().println("Refused: " + rejected.violations().size()
            + " SHACL violation(s); nothing was loaded.");
        rejected.violations().forEach(v -> commandLine.getErr().println("  " + v));
        return 1;
      }
      if (e instanceof io.cairn.graph.SourceConflictException conflict) {
        commandLine.getErr().println("Refused: " + conflict.getMessage());
        return 1;
      }
      commandLine.getErr().println("cairn: " + message);
      return 2;
    });
    return cli.execute(args);
  }
}
