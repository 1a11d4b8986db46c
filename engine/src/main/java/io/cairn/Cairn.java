package io.cairn;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cairn.audit.AdvisorException;
import io.cairn.audit.AuditResult;
import io.cairn.audit.Auditor;
import io.cairn.audit.Holdings;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.IntSet;
import io.cairn.catalog.Occupation;
import io.cairn.gaps.Analytics;
import io.cairn.labor.demand.JobOfferTable;
import io.cairn.labor.demand.SkillDemand;
import io.cairn.labor.postings.CredentialMatch;
import io.cairn.labor.postings.Posting;
import io.cairn.labor.postings.PostingReader;
import io.cairn.labor.postings.PostingSkills;
import io.cairn.labor.titles.OccupationMatch;
import io.cairn.labor.titles.TitleCleaner;
import io.cairn.labor.titles.TitleModel;
import io.cairn.labor.titles.TitleNormalizer;
import io.cairn.search.LabelSearch;
import io.cairn.search.SearchHit;
import io.cairn.search.SearchRequest;
import io.cairn.catalog.Pathway;
import io.cairn.graph.LiveCatalog;
import io.cairn.interop.vc.CredentialVerifier;
import io.cairn.learner.UnverifiedCredentialsException;
import io.cairn.labor.model.ModelSkillValues;
import io.cairn.labor.model.NextSkill;
import io.cairn.labor.model.NextSkillsQuery;
import io.cairn.labor.model.SkillValueModel;
import io.cairn.rank.ModelRequiredException;
import io.cairn.learner.Learner;
import io.cairn.learner.LearnerHoldings;
import io.cairn.learner.ResolvedLearner;
import io.cairn.learner.UnknownReferenceException;
import io.cairn.plan.PlanRequest;
import io.cairn.plan.Planner;
import io.cairn.plan.Plans;
import io.cairn.plan.WhatIsLeft;
import io.cairn.rank.RecommendationList;
import io.cairn.rank.RecommendationRequest;
import io.cairn.rank.Recommender;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The engine's front door: the live catalog with the recommender, the auditor and the planner over it. The server
 * and the CLI call this and nothing deeper. Thread-safe.
 */
public final class Cairn implements AutoCloseable {
  private final LiveCatalog catalog;
  private final Recommender recommender;
  private final Auditor auditor;
  private final Planner planner;
  private final ModelSkillValues model;
  private final CredentialVerifier credentials;
  private final java.time.Duration planTimeLimit;
  private final TitleModel titles;
  private final JobOfferTable jobOffers;
  private final Cache<Long, SkillDemand> demands = Caffeine.newBuilder().maximumSize(2).build();
  private final Cache<Long, Analytics> analytics = Caffeine.newBuilder().maximumSize(2).build();
  private final Cache<Long, LabelSearch> searches = Caffeine.newBuilder().maximumSize(2).build();
  private final Cache<Long, TitleNormalizer> normalizers = Caffeine.newBuilder().maximumSize(2).build();
  private final Cache<Long, PostingReader> postingReaders = Caffeine.newBuilder().maximumSize(2).build();

  public Cairn(LiveCatalog catalog, Recommender recommender, Auditor auditor) {
    this(catalog, recommender, auditor, null, null, Planner.Builder.DEFAULT_TIME_LIMIT, null, null);
  }

  private Cairn(LiveCatalog catalog, Recommender recommender, Auditor auditor, ModelSkillValues model,
      CredentialVerifier credentials, java.time.Duration planTimeLimit, TitleModel titles, JobOfferTable jobOffers) {
    this.catalog = catalog;
    this.recommender = recommender;
    this.auditor = auditor;
    this.model = model;
    this.credentials = credentials;
    this.planTimeLimit = planTimeLimit;
    this.titles = titles;
    this.jobOffers = jobOffers;
    this.planner = Planner.builder().recommender(recommender).auditor(auditor).timeLimit(planTimeLimit).build();
  }

  /**
   * The same Cairn (the same catalog, recommender and auditor) whose planner gives the solver {@code limit} per
   * request. Closing either closes the catalog they share.
   *
   * @throws IllegalArgumentException when the limit is outside 1 ms to 60 s
   */
  public Cairn withPlanTimeLimit(java.time.Duration limit) {
    return new Cairn(catalog, recommender, auditor, model, credentials, limit, titles, jobOffers);
  }

  /**
   * This Cairn, verifying the credentials learners present with {@code verifier}. Without one, a request that
   * presents credentials is refused ({@link UnverifiedCredentialsException}) rather than answered without them.
   */
  public Cairn verifying(CredentialVerifier verifier) {
    return new Cairn(catalog, recommender, auditor, model, java.util.Objects.requireNonNull(verifier, "verifier"),
        planTimeLimit, titles, jobOffers);
  }

  /**
   * This Cairn, reading job titles with the trained normalizer {@code model} (bound to the catalog now, so the
   * first request does not wait). Without one, titles are cleaned of noise and seniority words and searched by
   * label.
   */
  public Cairn readingTitles(TitleModel model) {
    Cairn cairn = new Cairn(catalog, recommender, auditor, this.model, credentials, planTimeLimit,
        java.util.Objects.requireNonNull(model, "model"), jobOffers);
    cairn.titleNormalizer(catalog.snapshot());
    return cairn;
  }

  /**
   * This Cairn, knowing the job offers per occupation in {@code table}: {@link #demand} then gives every
   * occupation's and skill's offers, without a skill-value model.
   */
  public Cairn withJobOffers(JobOfferTable table) {
    return new Cairn(catalog, recommender, auditor, model, credentials, planTimeLimit, titles,
        java.util.Objects.requireNonNull(table, "table"));
  }

  /**
   * The job offers behind each occupation and skill of {@code snapshot}, built once per snapshot version; unknown
   * ({@link SkillDemand#known()} false) when no job-offer table was given.
   */
  public SkillDemand demand(CatalogSnapshot snapshot) {
    return demands.get(snapshot.version(), v -> jobOffers == null ? SkillDemand.none(snapshot)
        : SkillDemand.of(snapshot, jobOffers));
  }

  /**
   * The curriculum designer's analytics (overlap, inflation, demand gaps) over {@code snapshot}, with its job
   * offers and, when a skill-value model is loaded, the model's values; one per snapshot version, so its cached
   * results follow the graph.
   */
  public Analytics analytics(CatalogSnapshot snapshot) {
    return analytics.get(snapshot.version(), v -> new Analytics(snapshot, demand(snapshot), model == null ? null
        : (field, skills) -> model.ranker(snapshot).values(IntSet.empty(), field, skills)));
  }

  /** The job-offer table, if one is loaded. */
  public Optional<JobOfferTable> jobOffers() {
    return Optional.ofNullable(jobOffers);
  }

  /** The job-title model, if one is loaded. */
  public Optional<TitleModel> titleModel() {
    return Optional.ofNullable(titles);
  }

  /**
   * The occupations a job title (or the start of one, when {@code request} is type-ahead) names, best first, at
   * most {@code limit}, passing the request's filters: by the normalizer when a title model is loaded, else by
   * label search on the title cleaned of noise ("(m/f/d)", "- Remote", places, pay) and seniority words.
   */
  public List<OccupationMatch> occupations(CatalogSnapshot snapshot, SearchRequest request, int limit) {
    List<OccupationMatch> matches = new ArrayList<>();
    if (titles != null) {
      TitleNormalizer normalizer = titleNormalizer(snapshot);
      // the filters apply after ranking, so ask for more than the limit when they may drop some
      int wanted = request.iscoGroup().isPresent() ? Math.max(limit, 200) : limit;
      for (OccupationMatch m : request.suggest() ? normalizer.suggest(request.text(), wanted)
          : normalizer.normalize(request.text(), wanted)) {
        if (matches.size() < limit && LabelSearch.passes(snapshot.occupation(m.occupation()), request)) {
          matches.add(m);
        }
      }
      return matches;
    }
    String core = TitleCleaner.standard().core(request.text());
    SearchRequest cleaned = new SearchRequest(core.isBlank() ? request.text() : core, request.suggest(),
        request.skillType(), request.reuseLevel(), request.collection(), request.iscoGroup());
    for (SearchHit hit : labelSearch(snapshot).search(LabelSearch.Kind.OCCUPATION, cleaned, limit)) {
      matches.add(new OccupationMatch(hit.index(), hit.score(), hit.matchedLabel(), null));
    }
    return matches;
  }

  /**
   * The ESCO skills a job posting asks for, each with where the posting says it, read with the occupation its
   * title normalizes to ({@link #occupations}) as context.
   *
   * @throws IllegalArgumentException when the posting is empty or too long (the message says which part)
   */
  public PostingSkillsAnswer postingSkills(Posting posting) {
    posting.check();
    CatalogSnapshot snapshot = catalog.snapshot();
    OccupationMatch occupation = posting.title() == null || posting.title().isBlank() ? null
        : occupations(snapshot, SearchRequest.of(posting.title()), 1).stream().findFirst().orElse(null);
    PostingReader reader = postingReaders.get(snapshot.version(), v -> PostingReader.of(snapshot, labelSearch(snapshot)));
    return new PostingSkillsAnswer(reader.read(posting, occupation), snapshot);
  }

  /** A posting's skills, with the snapshot their indices refer to. */
  public record PostingSkillsAnswer(PostingSkills skills, CatalogSnapshot snapshot) {}

  /**
   * The credentials that evidence a posting's skills (or an occupation's, given by id or IRI instead of a
   * posting), ranked by coverage with a greedy covering set, and for {@code learner} (null: none; presented
   * credentials verified) which of the skills their holdings show.
   *
   * @throws IllegalArgumentException when neither or both of posting and occupation are given, or the posting is
   *     empty or too long
   * @throws UnknownReferenceException when the occupation or a learner's id is not in the catalog
   */
  public PostingMatchAnswer postingMatch(Posting posting, String occupationId, Learner learner, int limit) {
    if ((posting == null) == (occupationId == null || occupationId.isBlank())) {
      throw new IllegalArgumentException("give exactly one of 'posting' (title and text, or skills) or 'occupation'"
          + " (an occupation id, see GET /api/occupations?q=)");
    }
    CatalogSnapshot snapshot = catalog.snapshot();
    ResolvedLearner resolved = learner == null ? null : ResolvedLearner.resolve(snapshot, verified(learner));
    PostingSkills skills = null;
    List<CredentialMatch.Wanted> wanted;
    if (posting != null) {
      skills = postingSkills(posting).skills();
      List<Integer> essential = new ArrayList<>();
      List<Integer> other = new ArrayList<>();
      skills.skills().forEach(s -> (s.forOccupation().equals("essential") ? essential : other).add(s.competency()));
      wanted = CredentialMatch.wanted(snapshot, IntSet.of(essential), IntSet.of(other));
    } else {
      Occupation o = snapshot.findOccupation(occupationId).orElseThrow(() -> new UnknownReferenceException(
          "occupation", List.of(occupationId), "find valid ones with GET /api/occupations?q="));
      wanted = CredentialMatch.wanted(snapshot, o.essential(), o.optional());
    }
    CredentialMatch match = CredentialMatch.of(snapshot, wanted,
        resolved == null ? IntSet.empty() : resolved.competencies(), limit);
    return new PostingMatchAnswer(skills, match, resolved, snapshot);
  }

  /**
   * A posting matched to the catalog: its skills as read (null when an occupation was given), the match, the
   * learner as resolved (null without one), and the snapshot the indices refer to.
   */
  public record PostingMatchAnswer(PostingSkills skills, CredentialMatch match, ResolvedLearner learner,
      CatalogSnapshot snapshot) {}

  private TitleNormalizer titleNormalizer(CatalogSnapshot snapshot) {
    return normalizers.get(snapshot.version(), v -> titles.bind(snapshot, labelSearch(snapshot)));
  }

  /** The verifier of presented credentials, if this Cairn has one. */
  public Optional<CredentialVerifier> credentialVerifier() {
    return Optional.ofNullable(credentials);
  }

  /**
   * {@code learner} with each presented credential verified, ready for {@link ResolvedLearner#resolve}. Every
   * question Cairn answers goes through here, so a learner's presented credentials count the same way in
   * recommendations, audits, next skills and plans.
   *
   * @throws UnverifiedCredentialsException when credentials are presented and this Cairn has no verifier
   */
  public Learner verified(Learner learner) {
    if (learner.verified()) {
      return learner;
    }
    if (credentials == null) {
      throw new UnverifiedCredentialsException("this server cannot verify presented credentials: the JSON-LD"
          + " contexts were not found when it started (point CAIRN_SHARED or -Dcairn.shared at the shared folder);"
          + " declare holdings by id in learner.credentials instead");
    }
    return learner.withChecks(credentials.verifyAll(learner.presented()));
  }

  /** A Cairn with the default recommender (the transparent scorer) and auditor. */
  public static Cairn over(LiveCatalog catalog) {
    return new Cairn(catalog, Recommender.builder().build(), Auditor.standard());
  }

  /**
   * A Cairn whose recommender scores with the skill-value {@code model} and answers goal-free questions and
   * next-skill questions with it; the model is bound to the catalog now, so the first request does not wait.
   */
  public static Cairn over(LiveCatalog catalog, SkillValueModel model) {
    ModelSkillValues values = new ModelSkillValues(model);
    values.ranker(catalog.snapshot());
    Auditor auditor = Auditor.standard();
    return new Cairn(catalog, Recommender.builder().auditor(auditor).skillValues(values).build(), auditor, values,
        null, Planner.Builder.DEFAULT_TIME_LIMIT, null, null);
  }

  /** The skill-value model the recommender uses, if one is loaded. */
  public Optional<SkillValueModel> model() {
    return Optional.ofNullable(model).map(ModelSkillValues::model);
  }

  /**
   * What the learner should learn next, by the model: toward the occupation {@code goal} (id or IRI, or null)
   * in the ISCO-08 minor group {@code goalField} (3 digits, or empty), best first.
   *
   * @throws ModelRequiredException when no model is loaded
   * @throws UnknownReferenceException when an id is not in the catalog
   */
  public NextSkills nextSkills(Learner learner, String goal, String goalField, int k) {
    if (model == null) {
      throw new ModelRequiredException("next skills are ranked by the skill-value model, and none is loaded "
          + "(train one with 'cairn train' and serve it with --model FILE)");
    }
    CatalogSnapshot snapshot = catalog.snapshot();
    ResolvedLearner resolved = ResolvedLearner.resolve(snapshot, verified(learner));
    int occupation = goal == null ? -1 : snapshot.findOccupation(goal).orElseThrow(() -> new UnknownReferenceException(
        "occupation", List.of(goal), "find valid ones with GET /api/occupations")).index();
    NextSkillsQuery query = new NextSkillsQuery(resolved.competencies(), goalField, occupation, k);
    return new NextSkills(resolved, occupation, model.ranker(snapshot).rankNextSkills(query), snapshot);
  }

  /** The model's next skills for a learner, with the snapshot their indices refer to. */
  public record NextSkills(ResolvedLearner learner, int goalOccupation, List<NextSkill> skills,
      CatalogSnapshot snapshot) {}

  public LiveCatalog catalog() {
    return catalog;
  }

  public CatalogSnapshot snapshot() {
    return catalog.snapshot();
  }

  /**
   * The label search over {@code snapshot}; built once per snapshot version, so it is always in step with the
   * graph (an import bumps the version).
   */
  public LabelSearch labelSearch(CatalogSnapshot snapshot) {
    return searches.get(snapshot.version(), v -> LabelSearch.of(snapshot));
  }

  public RecommendationList recommend(RecommendationRequest request) {
    RecommendationRequest checked = request.learner().verified() ? request : new RecommendationRequest(
        verified(request.learner()), request.goal(), request.constraints(), request.k());
    return recommender.recommend(catalog.snapshot(), checked);
  }

  /** Plans with the snapshot their indices refer to, and where the learner's holdings came from. */
  public record PlanReport(Plans plans, CatalogSnapshot snapshot, LearnerHoldings holdings) {}

  /**
   * The whole path to the request's goal: the best plan and its alternatives, the greedy baseline, and what blocks
   * an unreachable goal. {@code exceptions} are the advisor's, for a pathway goal. The learner's presented
   * credentials are verified first, and those that verify count as held, as in every other answer.
   *
   * @throws UnknownReferenceException when an id is not in the catalog
   * @throws UnverifiedCredentialsException when credentials are presented and this Cairn has no verifier
   * @throws IllegalArgumentException when the request cannot be planned (no goal, a bad exception)
   */
  public PlanReport plan(PlanRequest request, List<ExceptionSpec> exceptions) {
    CatalogSnapshot snapshot = catalog.snapshot();
    List<AdvisorException> resolved = new ArrayList<>();
    for (ExceptionSpec spec : exceptions) {
      resolved.add(resolve(snapshot, spec));
    }
    PlanRequest verified = request.withLearner(verified(request.learner()));
    PlanRequest asked = resolved.isEmpty() ? verified : verified.withExceptions(resolved);
    LearnerHoldings holdings = ResolvedLearner.resolve(snapshot, asked.learner()).holdings();
    return new PlanReport(planner.plan(snapshot, asked), snapshot, holdings);
  }

  /** An advisor exception as a request states it, with ids not yet resolved. */
  public record ExceptionSpec(String kind, String requirement, String credential, String note) {}

  /**
   * The audit of one pathway plus what-if audits of others, for the same learner and snapshot.
   *
   * @param left when asked for, what is left to finish the audited pathway and then each what-if pathway, in that
   *     order; otherwise empty
   */
  public record AuditReport(ResolvedLearner learner, AuditResult audit, List<AuditResult> whatIf,
      CatalogSnapshot snapshot, List<WhatIsLeft> left) {
    public AuditReport {
      left = List.copyOf(left);
    }
  }

  /** The audit and what-ifs without what is left to finish them. */
  public AuditReport audit(Learner learner, String pathwayId, List<String> whatIf, List<ExceptionSpec> exceptions) {
    return audit(learner, pathwayId, whatIf, exceptions, false);
  }

  /**
   * Audits the learner against {@code pathwayId} with the advisor's exceptions, and against each what-if
   * pathway without them (exceptions name requirements of one pathway); with {@code whatIsLeft}, also plans the
   * cheapest way to finish each pathway and each of its open requirement nodes.
   */
  public AuditReport audit(Learner learner, String pathwayId, List<String> whatIf, List<ExceptionSpec> exceptions,
      boolean whatIsLeft) {
    CatalogSnapshot snapshot = catalog.snapshot();
    Learner checked = verified(learner);
    ResolvedLearner resolved = ResolvedLearner.resolve(snapshot, checked);
    Holdings holdings = new Holdings(resolved.credentials(), resolved.competencies());
    Pathway pathway = pathway(snapshot, pathwayId);
    List<AdvisorException> resolvedExceptions = new ArrayList<>();
    for (ExceptionSpec spec : exceptions) {
      resolvedExceptions.add(resolve(snapshot, spec));
    }
    AuditResult main = auditor.audit(snapshot, pathway, holdings, resolvedExceptions);
    List<AuditResult> others = new ArrayList<>();
    List<WhatIsLeft> left = new ArrayList<>();
    if (whatIsLeft) {
      left.add(WhatIsLeft.of(planner, snapshot, checked, pathway, main, resolvedExceptions));
    }
    for (String other : whatIf) {
      Pathway otherPathway = pathway(snapshot, other);
      AuditResult otherAudit = auditor.audit(snapshot, otherPathway, holdings, List.of());
      others.add(otherAudit);
      if (whatIsLeft) {
        left.add(WhatIsLeft.of(planner, snapshot, checked, otherPathway, otherAudit, List.of()));
      }
    }
    return new AuditReport(resolved, main, others, snapshot, left);
  }

  private static Pathway pathway(CatalogSnapshot snapshot, String id) {
    return snapshot.findPathway(id).orElseThrow(() -> new UnknownReferenceException(
        "pathway", List.of(String.valueOf(id)), "list valid ones with GET /api/pathways"));
  }

  private static AdvisorException resolve(CatalogSnapshot snapshot, ExceptionSpec spec) {
    String kind = spec.kind() == null ? "" : spec.kind().trim().toLowerCase(Locale.ROOT);
    if (spec.requirement() == null || spec.requirement().isBlank()) {
      throw new IllegalArgumentException("every exception needs 'requirement': the id of a condition or component");
    }
    return switch (kind) {
      case "waive" -> new AdvisorException(AdvisorException.Kind.WAIVE, spec.requirement(), -1,
          spec.note() == null ? "" : spec.note());
      case "substitute" -> {
        if (spec.credential() == null || spec.credential().isBlank()) {
          throw new IllegalArgumentException(
              "a substitute exception needs 'credential': the held credential that stands in");
        }
        int substitute = snapshot.findCredential(spec.credential()).orElseThrow(() -> new UnknownReferenceException(
            "credential", List.of(spec.credential()), "list valid ones with GET /api/credentials")).index();
        yield new AdvisorException(AdvisorException.Kind.SUBSTITUTE, spec.requirement(), substitute,
            spec.note() == null ? "" : spec.note());
      }
      default -> throw new IllegalArgumentException(
          "exception kind must be 'waive' or 'substitute', got '" + spec.kind() + "'");
    };
  }

  @Override
  public void close() {
    catalog.close();
  }
}
