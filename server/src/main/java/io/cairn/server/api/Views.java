package io.cairn.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Competency;
import io.cairn.catalog.Credential;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Occupation;
import io.cairn.catalog.Pathway;
import io.cairn.catalog.Requirement;
import io.cairn.gaps.CoverageAnalysis;
import io.cairn.gaps.CoverageReport;
import io.cairn.labor.demand.SkillDemand;
import io.cairn.rank.Explanation;
import io.cairn.rank.RecommendationList;
import io.cairn.rank.RequirementStep;
import io.cairn.rank.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Turns engine records into the JSON shapes of the API (see openapi.json); ids, never dense indices. */
public final class Views {
  private final CatalogSnapshot s;

  public Views(CatalogSnapshot snapshot) {
    this.s = snapshot;
  }

  // ---------- references ----------

  public record Ref(String id, String iri, String label) {}

  public Ref competencyRef(int k) {
    Competency c = s.competency(k);
    return new Ref(c.id(), c.iri(), c.label());
  }

  public Ref credentialRef(int i) {
    Credential c = s.credential(i);
    return new Ref(c.id(), c.iri(), c.name());
  }

  public Ref occupationRef(int i) {
    Occupation o = s.occupation(i);
    return new Ref(o.id(), o.iri(), o.label());
  }

  public List<Ref> competencies(IntSet set) {
    return set.stream().mapToObj(this::competencyRef).toList();
  }

  public List<Ref> credentials(IntSet set) {
    return set.stream().mapToObj(this::credentialRef).toList();
  }

  // ---------- competencies ----------

  public record CompetencySummary(String id, String iri, String label, String skillType, String reuseLevel,
      double demandIndex) {}

  public record CompetencyHit(String id, String iri, String label, String matchedLabel, String skillType,
      String reuseLevel, double demandIndex) {}

  public record Demand(double demandIndex, long postingCount, String source) {}

  public record CompetencyDetail(String id, String iri, String label, List<String> altLabels, String skillType,
      String reuseLevel, Demand demand, List<CompetencySummary> broader, List<CompetencySummary> narrower,
      List<Ref> taughtBy, List<Ref> essentialFor, List<Ref> optionalFor) {}

  public CompetencySummary competencySummary(Competency c) {
    return new CompetencySummary(c.id(), c.iri(), c.label(), emptyToNull(c.skillType()), emptyToNull(c.reuseLevel()),
        c.demandIndex());
  }

  public List<CompetencySummary> competencySummaries(IntSet set) {
    return set.stream().mapToObj(k -> competencySummary(s.competency(k))).toList();
  }

  public CompetencyDetail competencyDetail(Competency c) {
    List<Ref> essential = new ArrayList<>();
    List<Ref> optional = new ArrayList<>();
    for (Occupation o : s.occupations()) {
      if (o.essential().contains(c.index())) {
        essential.add(occupationRef(o.index()));
      } else if (o.optional().contains(c.index())) {
        optional.add(occupationRef(o.index()));
      }
    }
    return new CompetencyDetail(c.id(), c.iri(), c.label(), c.altLabels(), emptyToNull(c.skillType()),
        emptyToNull(c.reuseLevel()), new Demand(c.demandIndex(), c.postingCount(), emptyToNull(c.demandSource())),
        competencySummaries(s.broader(c.index())), competencySummaries(s.narrower(c.index())),
        credentials(s.coveredBy(c.index())), essential, optional);
  }

  // ---------- credentials ----------

  public record CredentialSummary(String id, String iri, String name, String type, String achievementType, Ref issuer,
      boolean creditBearing, double ects, double hours, Integer eqfLevel, String mode, double cost,
      String currency, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> unknown) {}

  /**
   * @param via for an indirect relation, the credentials the smaller one reaches that stack directly into the
   *     larger one (what it goes "through"); empty for a direct one
   */
  public record StackRef(Ref credential, double transferCredits, boolean direct, List<Ref> via) {}

  /** One direct stacking link of a credential's stack: {@code from} counts toward {@code to} with its credits. */
  public record StackLinkView(Ref from, Ref to, double transferCredits) {}

  public record Prerequisites(List<Ref> credentials, List<Ref> competencies) {}

  public record CredentialDetail(String id, String iri, String name, String description, String type,
      String achievementType, Ref issuer, boolean creditBearing, double ects, double hours, Integer eqfLevel,
      String mode, double cost, String currency, List<Ref> teaches, Prerequisites prerequisites,
      List<StackRef> stacksInto, List<StackRef> stackedFrom, List<StackLinkView> stackLinks, List<Ref> unlocks,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> unknown) {}

  public CredentialSummary credentialSummary(Credential c) {
    return new CredentialSummary(c.id(), c.iri(), c.name(), c.kind().apiName(), emptyToNull(c.achievementType()),
        issuerRef(c), c.creditBearing(), c.ects(), c.hours(), c.eqfLevel() == 0 ? null : c.eqfLevel(),
        c.mode().apiName(), c.cost(), c.currency(), unknown(c));
  }

  /** The facts its description leaves out ({@code workload}, {@code cost}), which read 0 above. */
  static List<String> unknown(Credential c) {
    return c.unknown().stream().sorted().map(Credential.Fact::label).toList();
  }

  public CredentialDetail credentialDetail(Credential c) {
    List<StackRef> up = new ArrayList<>();
    s.stacksIntoClosure(c.index()).stream().forEach(w -> up.add(new StackRef(credentialRef(w),
        c.creditsToward(w), c.stacksInto(w), via(c.index(), w))));
    List<StackRef> down = new ArrayList<>();
    s.stackedFromClosure(c.index()).stream().forEach(p -> {
      Credential part = s.credential(p);
      boolean direct = part.stacksInto(c.index());
      down.add(new StackRef(credentialRef(p), part.creditsToward(c.index()), direct, via(p, c.index())));
    });
    // every direct link among the credential, what stacks into it and what it stacks into: the diagram's lines
    IntSet stack = s.stacksIntoClosure(c.index()).union(s.stackedFromClosure(c.index())).union(IntSet.of(c.index()));
    List<StackLinkView> links = new ArrayList<>();
    stack.stream().forEach(from -> stack.stream().filter(to -> s.credential(from).stacksInto(to)).forEach(to ->
        links.add(new StackLinkView(credentialRef(from), credentialRef(to), s.credential(from).creditsToward(to)))));
    return new CredentialDetail(c.id(), c.iri(), c.name(), emptyToNull(c.description()), c.kind().apiName(),
        emptyToNull(c.achievementType()), issuerRef(c), c.creditBearing(), c.ects(), c.hours(),
        c.eqfLevel() == 0 ? null : c.eqfLevel(), c.mode().apiName(), c.cost(), c.currency(),
        competencies(c.teaches()),
        new Prerequisites(credentials(c.requiredCredentials()), competencies(c.requiredCompetencies())),
        up, down, links, credentials(s.unlocks(c.index())), unknown(c));
  }

  /** What {@code part} stacks into {@code whole} through: the credentials it reaches that stack directly into it. */
  private List<Ref> via(int part, int whole) {
    if (s.credential(part).stacksInto(whole)) {
      return List.of();
    }
    List<Ref> through = new ArrayList<>();
    s.stacksIntoClosure(part).stream().filter(v -> v != whole && s.credential(v).stacksInto(whole))
        .forEach(v -> through.add(credentialRef(v)));
    return through;
  }

  public Ref issuerRef(int issuer) {
    return new Ref(s.issuer(issuer).id(), s.issuer(issuer).iri(), s.issuer(issuer).name());
  }

  Ref issuerRef(Credential c) {
    return c.issuer() < 0 ? null : new Ref(s.issuer(c.issuer()).id(), s.issuer(c.issuer()).iri(),
        s.issuer(c.issuer()).name());
  }

  // ---------- occupations and pathways ----------

  public record OccupationSummary(String id, String iri, String label, String iscoGroup, int essentialSkills,
      int optionalSkills) {}

  public record OccupationHit(String id, String iri, String label, String matchedLabel, String iscoGroup,
      int essentialSkills, int optionalSkills) {}

  public OccupationHit occupationHit(Occupation o, String matchedLabel) {
    return new OccupationHit(o.id(), o.iri(), o.label(), matchedLabel, emptyToNull(o.iscoGroup()),
        o.essential().size(), o.optional().size());
  }

  public record OccupationDetail(String id, String iri, String label, String iscoGroup,
      List<CompetencySummary> essentialSkills, List<CompetencySummary> optionalSkills) {}

  public OccupationSummary occupationSummary(Occupation o) {
    return new OccupationSummary(o.id(), o.iri(), o.label(), emptyToNull(o.iscoGroup()), o.essential().size(),
        o.optional().size());
  }

  public OccupationDetail occupationDetail(Occupation o) {
    return new OccupationDetail(o.id(), o.iri(), o.label(), emptyToNull(o.iscoGroup()), competencySummaries(o.essential()),
        competencySummaries(o.optional()));
  }

  public record PathwaySummary(String id, String iri, String name, String description, Ref goalOccupation,
      List<String> destinations) {}

  public record RequirementView(String id, String iri, String name, String kind, Integer requiredNumber,
      Double minimumCredits, Boolean allowsDoubleCounting, Ref target, List<RequirementView> children) {}

  public record DestinationView(String id, String iri, String name, Ref credential, boolean offRamp,
      RequirementView requirement) {}

  public record PathwayDetail(String id, String iri, String name, String description, Ref goalOccupation,
      List<DestinationView> destinations) {}

  public PathwaySummary pathwaySummary(Pathway p) {
    return new PathwaySummary(p.id(), p.iri(), p.name(), emptyToNull(p.description()),
        p.goalOccupation() < 0 ? null : occupationRef(p.goalOccupation()),
        p.destinations().stream().map(d -> d.id()).toList());
  }

  public PathwayDetail pathwayDetail(Pathway p) {
    return new PathwayDetail(p.id(), p.iri(), p.name(), emptyToNull(p.description()),
        p.goalOccupation() < 0 ? null : occupationRef(p.goalOccupation()),
        p.destinations().stream().map(d -> new DestinationView(d.id(), d.iri(), d.name(),
            d.credential() < 0 ? null : credentialRef(d.credential()), d.offRamp(), requirement(d.requirement())))
            .toList());
  }

  private RequirementView requirement(Requirement r) {
    return switch (r) {
      case Requirement.Condition c -> new RequirementView(c.id(), c.iri(), c.name(), ruleName(c.rule()),
          c.rule() == Requirement.Rule.AT_LEAST ? c.requiredNumber() : null,
          c.rule() == Requirement.Rule.MINIMUM_CREDITS ? c.minimumCredits() : null,
          c.allowsDoubleCounting() ? Boolean.TRUE : null, null,
          c.children().stream().map(this::requirement).toList());
      case Requirement.CredentialLeaf l -> new RequirementView(l.id(), l.iri(), l.name(), "credential", null, null,
          null, credentialRef(l.credential()), List.of());
      case Requirement.CompetencyLeaf l -> new RequirementView(l.id(), l.iri(), l.name(), "competency", null, null,
          null, competencyRef(l.competency()), List.of());
    };
  }

  public static String ruleName(Requirement.Rule rule) {
    return switch (rule) {
      case ALL_OF -> "all-of";
      case AT_LEAST -> "at-least";
      case MINIMUM_CREDITS -> "minimum-credits";
    };
  }

  // ---------- recommendations ----------

  /**
   * @param goalSkills how many skills the goal counts, the "of N" of goal progress: for a pathway its goal skills
   *     ({@link io.cairn.catalog.PathwaySkills}, the count the curriculum screen shows as required by the pathway),
   *     else the unmet and met targets together
   */
  public record GoalView(String type, String id, String label, int unmetTargets, int metTargets, int goalSkills) {}

  /**
   * @param jobOffers offers of the occupations for which the competency is essential; absent when the server has no
   *     job-offer file (or, in plans, not counted)
   */
  public record CoveredTarget(Ref competency, double weight, String reason,
      @JsonInclude(JsonInclude.Include.NON_NULL) Long jobOffers) {

    public CoveredTarget(Ref competency, double weight, String reason) {
      this(competency, weight, reason, null);
    }
  }

  public record Advance(String requirement, String requirementName, String component, String componentName,
      double credits, boolean direct) {}

  /** {@code skills} is there only when a learned scorer counted them (absent with the transparent scorer). */
  public record ExplanationView(List<CoveredTarget> covers, List<Advance> advances, List<Ref> stacksInto,
      List<Ref> unlocks, boolean oneStepAway, List<Ref> missingPrerequisites, List<Ref> missingCompetencies,
      double cost, String currency, double hours, double ects, double totalCost, double totalHours,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<CountedSkillView> skills,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> unknown) {}

  /** A skill the learned scorer counted, with its evidence. */
  public record CountedSkillView(Ref competency, String relation, double value, double credit, long jobOffers,
      int occupations, List<Ref> goesWith) {}

  /** One suggestion; {@code E} is the form of its explanation ({@link ExplanationView} or the compact one). */
  public record RecommendationView<E>(int rank, double score, double relevance, CredentialSummary credential,
      E explanation) {}

  public record RecommendationsView<E>(GoalView goal, List<RecommendationView<E>> items, String reason,
      int candidates, Map<String, Integer> excluded, String scorer, long catalogVersion,
      HoldingsViews.HoldingsView holdings) {}

  public RecommendationsView<ExplanationView> recommendations(RecommendationList list) {
    return recommendations(list, (SkillDemand) null);
  }

  /** The list with each covered target's job offers from {@code demand} (of this snapshot; null or unknown: none). */
  public RecommendationsView<ExplanationView> recommendations(RecommendationList list, SkillDemand demand) {
    SkillDemand offers = demand != null && demand.known() && demand.snapshotVersion() == s.version() ? demand : null;
    return explained(list, e -> explanation(e, offers));
  }

  /**
   * The list with its explanations in {@code form}: the full one with job offers from {@code demand} (as
   * {@link #recommendations(RecommendationList, SkillDemand)}), the compact one by ids, built directly.
   */
  public RecommendationsView<?> recommendations(RecommendationList list, SkillDemand demand, ExplanationForm form) {
    return switch (form) {
      case FULL -> recommendations(list, demand);
      case COMPACT -> explained(list, new CompactExplanations(s)::of);
    };
  }

  private <E> RecommendationsView<E> explained(RecommendationList list, Function<Explanation, E> explain) {
    return new RecommendationsView<>(goal(list), list.items().stream().map(r -> new RecommendationView<>(r.rank(),
        round(r.score()), round(r.relevance()), credentialSummary(s.credential(r.credential())),
        explain.apply(r.explanation()))).toList(),
        list.reason().orElse(null), list.candidates(), new TreeMap<>(list.excluded()), list.scorer(),
        list.catalogVersion(), HoldingsViews.of(this, list.holdings()));
  }

  /** The list's goal, with the counts of its progress. */
  public GoalView goal(RecommendationList list) {
    int unmet = list.goal().targets().size();
    int met = list.goal().metTargets().size();
    int goalSkills = "pathway".equals(list.goal().kind()) ? s.findPathway(list.goal().id())
        .map(p -> io.cairn.catalog.PathwaySkills.of(s, p).size()).orElse(unmet + met) : unmet + met;
    return new GoalView(list.goal().kind(), emptyToNull(list.goal().id()), list.goal().label(), unmet, met,
        goalSkills);
  }

  private ExplanationView explanation(Explanation e, SkillDemand demand) {
    List<CoveredTarget> covers = new ArrayList<>();
    for (Target t : e.covers()) {
      covers.add(new CoveredTarget(competencyRef(t.competency()), round(t.weight()), t.reason(),
          demand == null ? null : demand.essential(t.competency())));
    }
    List<Advance> advances = new ArrayList<>();
    for (RequirementStep step : e.advances()) {
      advances.add(new Advance(step.requirementId(), step.requirementName(), step.leafId(), step.leafName(),
          step.credits(), step.direct()));
    }
    return new ExplanationView(covers, advances, e.stacksInto().stream().map(this::credentialRef).toList(),
        credentials(e.unlocks()), e.oneStepAway(), credentials(e.missingPrerequisites()),
        competencies(e.missingCompetencies()), e.cost(), e.currency(), e.hours(), e.ects(), e.totalCost(),
        e.totalHours(), counted(e), e.unknown());
  }

  private List<CountedSkillView> counted(Explanation e) {
    if (e.counted().isEmpty()) {
      return null;
    }
    return e.counted().stream().map(c -> new CountedSkillView(competencyRef(c.competency()), c.relation(),
        round(c.value()), round(c.credit()), c.jobOffers(), c.occupations(),
        c.goesWith().stream().map(this::competencyRef).toList())).toList();
  }

  // ---------- coverage ----------

  /** At most this many credentials are named per skill; {@code credentialCount} gives them all. */
  public static final int COVERAGE_EXAMPLES = 10;

  /** @param jobOffers offers of the occupations for which the skill is essential; null when demand is unknown */
  public record SkillCoverageView(Ref competency, String relation, int credentialCount, List<Ref> taughtBy,
      Long jobOffers) {}

  public record CoverageView(String kind, String id, String label, int skillCount, int taughtCount,
      int untaughtCount, int teachingCredentials, List<SkillCoverageView> skills, long catalogVersion) {}

  public CoverageView coverage(CoverageReport report, SkillDemand demand) {
    List<SkillCoverageView> skills = report.skills().stream().map(k -> new SkillCoverageView(
        competencyRef(k.competency()), k.relation().apiName(), k.taughtBy().size(),
        k.taughtBy().stream().limit(COVERAGE_EXAMPLES).mapToObj(this::credentialRef).toList(),
        demand.known() ? demand.essential(k.competency()) : null)).toList();
    return new CoverageView(report.kind(), report.id(), report.label(), report.skills().size(),
        report.taughtCount(), report.skills().size() - report.taughtCount(),
        CoverageAnalysis.teachingAny(report).size(), skills, s.version());
  }

  public static String status(Enum<?> status) {
    return status.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Four decimals: enough to compare, short to read. */
  public static double round(double v) {
    return Math.round(v * 10000.0) / 10000.0;
  }

  public static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
