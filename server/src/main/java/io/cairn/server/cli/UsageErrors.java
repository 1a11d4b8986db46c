package io.cairn.server.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A command line picocli could not parse, said in a sentence that names the option and what it takes (not "'x' is
 * not an int" and a page of usage), with where to read more. Exit code 2, as for every input error.
 */
final class UsageErrors {
  private UsageErrors() {}

  static int handle(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("cairn: " + sentence(e));
    err.println("'" + command.getCommandSpec().qualifiedName() + " --help' lists what it takes.");
    err.flush();
    return 2;
  }

  static String sentence(CommandLine.ParameterException e) {
    String command = e.getCommandLine().getCommandSpec().qualifiedName();
    return switch (e) {
      case CommandLine.UnmatchedArgumentException u when u.getUnmatched().stream().anyMatch(a -> a.startsWith("-")) ->
          "'" + command + "' has no option " + quoted(u.getUnmatched().stream().filter(a -> a.startsWith("-")).toList())
              + suggestions(u.getSuggestions());
      case CommandLine.UnmatchedArgumentException u ->
          "'" + command + "' does not take " + quoted(u.getUnmatched()) + suggestions(u.getSuggestions());
      case CommandLine.MissingParameterException m -> "'" + command + "' needs " + String.join(" and ",
          m.getMissing().stream().map(UsageErrors::named).toList()) + described(m.getMissing());
      default -> e.getArgSpec() != null && e.getValue() != null ? badValue(e.getArgSpec(), e.getValue(), e)
          : e.getMessage();
    };
  }

  private static String badValue(ArgSpec spec, String value, CommandLine.ParameterException e) {
    Class<?> type = spec.type();
    String takes;
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      takes = value.strip().matches("[+-]?\\d+") ? "a whole number in a sensible range (this one is too large)"
          : "a whole number";
    } else if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
      takes = "a number";
    } else if (type == Path.class) {
      takes = "a file or folder";
    } else if (type == Duration.class) {
      takes = "a duration";
    } else if (type.isEnum()) {
      takes = "one of " + String.join(", ", java.util.Arrays.stream(type.getEnumConstants())
          .map(c -> c.toString().toLowerCase(Locale.ROOT)).toList());
    } else {
      return e.getMessage();
    }
    return named(spec) + " takes " + takes + ", got '" + value + "'" + described(List.of(spec));
  }

  private static String named(ArgSpec spec) {
    return switch (spec) {
      case OptionSpec o -> o.longestName() + (o.paramLabel().isEmpty() || o.arity().max() == 0 ? ""
          : " " + o.paramLabel().replaceAll("[<>]", ""));
      case PositionalParamSpec p -> p.paramLabel().replaceAll("[<>]", "");
      default -> spec.toString();
    };
  }

  /** The option's own description, when there is one: what it is for, often with its range. */
  private static String described(List<ArgSpec> specs) {
    if (specs.size() != 1 || specs.getFirst().description().length == 0) {
      return "";
    }
    return " (" + named(specs.getFirst()) + ": " + String.join(" ", specs.getFirst().description())
        .replaceAll("\\s+", " ").replace("${DEFAULT-VALUE}", String.valueOf(specs.getFirst().defaultValue())) + ")";
  }

  private static String quoted(List<String> args) {
    return String.join(", ", args.stream().map(a -> "'" + a + "'").toList());
  }

  private static String suggestions(List<String> suggestions) {
    return suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions.stream().limit(3).toList())
        + "?";
  }
}
