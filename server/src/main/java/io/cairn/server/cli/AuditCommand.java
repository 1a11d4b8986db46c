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

  @Option(names = "--json", description = "Print the same JSON as the API")
  boolean json;

  @Mixin
  PresentOptions presented;

  @Mixin
  DataOptions data;

  record LearnerOnly(RequestBodies.LearnerBody learner, String pathway, List<String> whatIf,
      List<RequestBodies.ExceptionBody> exceptions, Object goal, Object constraints, Integer k) {}

  @Override
  public void run() {
    LearnerOnly file = RequestFiles.read(learnerFile, LearnerOnly.class);
    RequestBodies.AuditBody body = new RequestBodies.AuditBody(presented.learner(file.learner()),
        pathway != null ? pathway : file.pathway(), whatIf != null ? whatIf : file.whatIf(), file.exceptions(), false);
    if (body.pathway() == null) {
      throw new CliException("name the pathway with --pathway ID (list them with GET /api/pathways)");
    }
    body.check();
    try (Cairn cairn = presented.apply(data.openCairnForReading())) {
      Cairn.AuditReport report = cairn.audit(body.toLearner(), body.pathway(), body.whatIfIds(), body.specs());
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
    for (AuditViews.DestinationAuditView d : audit.destinations()) {
      out.printf("%n  Destination %s%s: %s%s%n", d.name(), d.offRamp() ? " (off-ramp)" : "",
          d.status().toUpperCase(Locale.ROOT), d.alreadyHeld() ? " (already held)" : "");
      if (d.requirements() != null) {
        Table table = new Table("REQUIREMENT", "STATUS", "PROGRESS", "COUNTED");
        walk(table, d.requirements(), 1);
        table.print(out);
        exceptions(out, d.requirements());
      }
      out.printf("  %s%n", d.fit().note());
      d.fit().reassignments().forEach(r -> out.printf("    - %s%n", r.text()));
    }
  }

  private static void walk(Table table, AuditViews.NodeView node, int depth) {
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
    table.row("  ".repeat(depth) + (node.children().isEmpty() ? "- " : "+ ") + node.name() + " [" + node.kind() + "]",
        status, progress, counted);
    node.children().forEach(c -> walk(table, c, depth + 1));
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
