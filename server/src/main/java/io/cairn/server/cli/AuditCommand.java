package io.cairn.server.cli;

import io.cairn.Cairn;
import io.cairn.server.api.AuditViews;
import io.cairn.server.api.RequestBodies;
import io.cairn.server.api.Views;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cairn audit}: a learner's progress through a pathway's requirement tree. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Audit a learner's progress toward a pathway, with optional what-if pathways.")
final class AuditCommand implements Runnable {
  @Option(names = "--learner", required = true, paramLabel = "FILE",
      description = "A request body as for POST /api/audits or /api/recommendations (its 'learner' is used)")
  Path learnerFile;

  @Option(names = "--pathway", paramLabel = "ID", description = "Pathway to audit; overrides the file's pathway")
  String pathway;

  @Option(names = "--what-if", paramLabel = "ID", split = ",", description = "Other pathways to audit alongside")
  List<String> whatIf;

  @Option(names = "--what-is-left", description = "Also plan the cheapest way to finish the pathway and each open "
      + "requirement (the planner's, as the advisor screen shows it); the file's \"whatIsLeft\": true does the same")
  boolean whatIsLeft;

  @Option(names = "--json", description = "Print the same JSON as the API")
  boolean json;

  @Mixin
  PresentOptions presented;

  @Mixin
  DataOptions data;

  record LearnerOnly(RequestBodies.LearnerBody learner, String pathway, List<String> whatIf,
      List<RequestBodies.ExceptionBody> exceptions, Boolean whatIsLeft, Object goal, Object constraints, Integer k) {}

  @Override
  public void run() {
    LearnerOnly file = RequestFiles.read(learnerFile, LearnerOnly.class);
    RequestBodies.AuditBody body = new RequestBodies.AuditBody(presented.learner(file.learner()),
        pathway != null ? pathway : file.pathway(), whatIf != null ? whatIf : file.whatIf(), file.exceptions(),
        whatIsLeft || Boolean.TRUE.equals(file.whatIsLeft()));
    if (body.pathway() == null) {
      throw new CliException("name the pathway with --pathway ID (list them with GET /api/pathways)");
    }
    body.check();
    try (Cairn cairn = presented.apply(data.openCairnForReading())) {
      Cairn.AuditReport report = cairn.audit(body.toLearner(), body.pathway(), body.whatIfIds(), body.specs(),
          body.leftAsked());
      AuditViews.AuditsView view = AuditViews.of(report);
      if (json) {
        RequestFiles.printJson(view);
        return;
      }
      PrintWriter out = new PrintWriter(System.out, true);
      PresentedFiles.print(out, view.holdings());
      print(out, view.audit());
      for (AuditViews.PathwayAuditView other : view.whatIf()) {
        out.println();
        out.println("What if: ");
        print(out, other);
      }
    }
  }

  private static void print(PrintWriter out, AuditViews.PathwayAuditView audit) {
    out.printf("Pathway %s [%s]: %s%n", audit.pathway().label(), audit.pathway().id(),
        audit.status().toUpperCase(Locale.ROOT));
    out.printf("  %s%n", audit.statusNote());
    if (audit.left() != null) {
      out.printf("  What is left: %s%n", left(audit.left()));
    }
    boolean withLeft = audit.left() != null;
    for (AuditViews.DestinationAuditView d : audit.destinations()) {
      out.printf("%n  Destination %s%s: %s%s%n", d.name(), d.offRamp() ? " (off-ramp)" : "",
          d.status().toUpperCase(Locale.ROOT), d.alreadyHeld() ? " (already held)" : "");
      if (d.requirements() != null) {
        Table table = withLeft ? new Table("REQUIREMENT", "STATUS", "PROGRESS", "COUNTED", "TO FINISH")
            : new Table("REQUIREMENT", "STATUS", "PROGRESS", "COUNTED");
        walk(table, d.requirements(), 1, withLeft);
        table.print(out);
        exceptions(out, d.requirements());
      }
      out.printf("  %s%n", d.fit().note());
      d.fit().reassignments().forEach(r -> out.printf("    - %s%n", r.text()));
    }
  }

  private static void walk(Table table, AuditViews.NodeView node, int depth, boolean withLeft) {
    // a waived node is neither earned nor counted: it says so, and its own progress would only mislead
    boolean waived = node.exception() != null && node.exception().startsWith("waived");
    String progress = waived ? "-"
        : node.kind().equals("minimum-credits")
        ? String.format(Locale.ROOT, "%.1f/%.1f ECTS", node.credits(), node.requiredCredits())
        : node.kind().equals("credential") || node.kind().equals("competency") ? ""
        : node.satisfied() + "/" + node.required();
    String counted = String.join(", ", node.countedCredentials().stream().map(Views.Ref::id).toList());
    String status = waived ? "waived (see below)"
        : node.exception() == null ? node.status()
        : node.status() + " (" + beforeNote(node.exception()) + ", see below)";
    String name = "  ".repeat(depth) + (node.children().isEmpty() ? "- " : "+ ") + node.name() + " [" + node.kind()
        + "]";
    if (withLeft) {
      table.row(name, status, progress, counted, waived || node.left() == null ? "" : brief(node.left()));
    } else {
      table.row(name, status, progress, counted);
    }
    node.children().forEach(c -> walk(table, c, depth + 1, withLeft));
  }

  /**
   * "earn nb-mc-a, nb-mc-b (then granted: nb-cert): 2 credentials, 380 EUR, 120 h, 10 ECTS", "nothing: already
   * reached", or why the catalog cannot finish it.
   */
  static String left(AuditViews.LeftView left) {
    if (!left.reachable()) {
      return "cannot be finished from this catalog" + (left.note() == null ? "" : ": " + left.note());
    }
    if (left.credentials().isEmpty()) {
      return left.granted().isEmpty() ? "nothing: already reached"
          : "nothing to earn: granted " + ids(left.granted()) + " from what is held";
    }
    int n = left.credentials().size();
    return "earn " + ids(left.credentials())
        + (left.granted().isEmpty() ? "" : " (then granted: " + ids(left.granted()) + ")")
        + String.format(Locale.ROOT, ": %d credential%s, %s, %s h, %s ECTS", n, n == 1 ? "" : "s", cost(left),
            number(left.hours()), number(left.ects()));
  }

  /** The table's short form: the totals, then at most three credentials to earn. */
  static String brief(AuditViews.LeftView left) {
    if (!left.reachable() || left.credentials().isEmpty()) {
      return left.reachable() ? left(left) : "cannot be finished from this catalog";
    }
    int n = left.credentials().size();
    List<Views.Ref> named = left.credentials().subList(0, Math.min(n, 3));
    return String.format(Locale.ROOT, "%d credential%s, %s, %s h: ", n, n == 1 ? "" : "s", cost(left),
        number(left.hours()))
        + ids(named) + (n > named.size() ? " and " + (n - named.size()) + " more" : "");
  }

  /** "1900 EUR", or the bare figure when the catalog names no currency. */
  private static String cost(AuditViews.LeftView left) {
    return left.currency() == null ? number(left.cost()) : number(left.cost()) + " " + left.currency();
  }

  private static String ids(List<Views.Ref> refs) {
    return String.join(", ", refs.stream().map(Views.Ref::id).toList());
  }

  private static String number(double x) {
    return x == Math.rint(x) ? String.format(Locale.ROOT, "%.0f", x) : String.format(Locale.ROOT, "%.1f", x);
  }

  /** "substituted by x" of "substituted by x: the note". */
  private static String beforeNote(String exception) {
    int colon = exception.indexOf(':');
    return colon < 0 ? exception : exception.substring(0, colon);
  }

  /** The advisor's exceptions with their whole notes, after the table that marks them. */
  private static void exceptions(PrintWriter out, AuditViews.NodeView node) {
    if (node.exception() != null) {
      out.printf("  Exception on %s [%s]: %s%n", node.name(), node.id(), node.exception());
    }
    node.children().forEach(c -> exceptions(out, c));
  }
}
