package io.cairn.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.rank.Explanation;
import io.cairn.rank.RequirementStep;
import io.cairn.rank.Target;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The compact form of a recommendation's explanation ({@link ExplanationForm#COMPACT}): the same facts as
 * {@link Views.ExplanationView}, each thing it refers to named by id alone. It drops what the full form repeats or
 * spells out: labels and IRIs (a client that shows them asks for {@code ?explain=full}, or looks the ids up),
 * the covered targets' weights, reasons and job offers, the requirement steps' names and credits, the
 * credential's own cost, hours and ECTS (its summary beside the explanation has them) and the learned scorer's
 * evidence for each counted skill.
 */
public final class CompactExplanations {
  private final CatalogSnapshot s;

  public CompactExplanations(CatalogSnapshot snapshot) {
    this.s = snapshot;
  }

  /**
   * @param covers ids of the unmet goal competencies it teaches, most valuable first
   * @param advances the open pathway requirements it advances, by id
   * @param totalCost its price with the missing prerequisites'
   * @param totalHours its study time with the missing prerequisites'
   * @param skills ids of the skills a learned scorer counted; absent with the transparent scorer
   * @param unknown facts not known of it or its missing prerequisite; absent when every fact is known
   */
  public record CompactExplanationView(List<String> covers, List<StepIds> advances, List<String> stacksInto,
      List<String> unlocks, boolean oneStepAway, List<String> missingPrerequisites, List<String> missingCompetencies,
      double totalCost, double totalHours,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<String> skills,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> unknown) {}

  /** A requirement step by ids: the condition and the component of it the credential fulfils or advances. */
  public record StepIds(String requirement, String component) {}

  public CompactExplanationView of(Explanation e) {
    return new CompactExplanationView(
        e.covers().stream().map(Target::competency).map(k -> s.competency(k).id()).toList(),
        e.advances().stream().map(CompactExplanations::step).toList(),
        e.stacksInto().stream().map(i -> s.credential(i).id()).toList(),
        ids(e.unlocks(), this::credentialId),
        e.oneStepAway(),
        ids(e.missingPrerequisites(), this::credentialId),
        ids(e.missingCompetencies(), k -> s.competency(k).id()),
        e.totalCost(), e.totalHours(),
        // absent, as in the full form, when the transparent scorer (which counts none) ranked the list
        e.counted().isEmpty() ? null : e.counted().stream().map(c -> s.competency(c.competency()).id()).toList(),
        e.unknown());
  }

  private static StepIds step(RequirementStep step) {
    return new StepIds(step.requirementId(), step.leafId());
  }

  private String credentialId(int i) {
    return s.credential(i).id();
  }

  private static List<String> ids(IntSet set, IntFunction<String> id) {
    return set.stream().mapToObj(id).toList();
  }
}
