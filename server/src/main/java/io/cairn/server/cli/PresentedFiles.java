package io.cairn.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.cairn.server.api.HoldingsViews;
import io.cairn.server.api.RequestBodies;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** {@code --present FILE...}: credentials a learner presents, read from files, and how the CLI reports them. */
final class PresentedFiles {
  private PresentedFiles() {}

  /** {@code learner} presenting also each file's credential (a JSON credential, or a compact VC-JWT). */
  static RequestBodies.LearnerBody add(RequestBodies.LearnerBody learner, List<Path> files) {
    if (files == null || files.isEmpty()) {
      return learner;
    }
    List<JsonNode> presented = new ArrayList<>();
    if (learner != null && learner.presented() != null) {
      presented.addAll(learner.presented());
    }
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        throw new CliException("no such credential file: " + file);
      }
      try {
        String text = Files.readString(file).trim();
        presented.add(text.startsWith("{") ? RequestFiles.JSON.readTree(text) : TextNode.valueOf(text));
      } catch (IOException e) {
        throw new CliException("cannot read the credential " + file + ": " + e.getMessage());
      }
    }
    return learner == null ? new RequestBodies.LearnerBody(null, null, null, presented)
        : new RequestBodies.LearnerBody(learner.name(), learner.credentials(), learner.competencies(), presented);
  }

  /** One line per presented credential: verified (with what it counts as) or refused (with why). */
  static void print(PrintWriter out, HoldingsViews.HoldingsView holdings) {
    for (HoldingsViews.VerifiedView v : holdings.verified()) {
      out.printf("Presented #%d verified (%s, issuer %s): %s%n", v.index() + 1, v.format(),
          v.issuer().name() != null ? v.issuer().name() : v.issuer().id(), v.achievements().stream()
              .map(a -> a.credential() != null ? a.credential().label() + " [" + a.credential().id() + "]"
                  : a.name() + " (not in the catalog: " + a.competencies().size() + " aligned skills held)")
              .collect(Collectors.joining("; ")));
    }
    for (HoldingsViews.RefusedView r : holdings.refused()) {
      out.printf("Presented #%d refused (%s): %s%n", r.index() + 1, r.reason(), r.detail());
    }
  }
}
