package io.cairn.server.api;

import io.cairn.Cairn;
import io.cairn.labor.eval.EvaluationReport;
import io.cairn.labor.eval.FractionResult;
import io.cairn.labor.eval.Interval;
import io.cairn.labor.eval.ScorerResult;
import io.cairn.labor.model.LearnerSettings;
import io.cairn.labor.model.ModelCard;
import io.cairn.labor.model.NextSkill;
import io.cairn.labor.model.TrainingSettings;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON shapes of the skill-value model: its card ({@code GET /api/model}) and its next skills
 * ({@code POST /api/skills/next}). Every field is mapped here by name, so the contract changes only on purpose.
 */
public final class ModelViews {
  private ModelViews() {}

  // ---------- the model card ----------

  /** A Tribuo learner with its hyperparameters. */
  public record LearnerView(String kind, String description, int trees, double eta, int maxDepth,
      double minChildWeight, double subsample, int epochs, boolean demandWeighted) {}

  /** A learner tried in training, with its validation NDCG@10. */
  public record CandidateView(LearnerView learner, double validationNdcgAt10, double trainingSeconds) {}

  /** The knobs of the training and evaluation run. */
  public record TrainingView(long seed, List<Double> heldFractions, int trainProfiles, int evaluationProfiles,
      int negativesPerProfile, int folds, Map<String, Integer> pool, Map<String, Double> itemWeights,
      int bootstrapResamples) {}

  /** The join of the job-offer file onto the occupations. */
  public record DemandView(String file, long rows, int labels, double matchRate, int occupationsWithDemand,
      long jobOffersMatched, List<String> unmatchedLabels) {}

  /** Metrics at one held fraction, with their bootstrap intervals. */
  public record FractionView(double heldFraction, int occupations, int profiles, Interval ndcgAt10,
      Interval recallAt10, Interval mrr, List<Interval> ndcgAtK) {}

  /** How one ranker (the model or a baseline) did on a split. */
  public record ScorerView(String name, String setting, String role, List<FractionView> fractions) {}

  /** The evaluation on one split. */
  public record MetricsView(String split, int bootstrapResamples, long bootstrapSeed, List<ScorerView> scorers,
      Map<String, Double> poolRecall, Map<String, String> bestBaseline, Map<String, Double> ratioToBestBaseline,
      Map<String, Boolean> intervalsSeparate) {}

  /** The model card as {@code GET /api/model} serves it. */
  public record ModelCardView(String createdAt, String escoVersion, Map<String, String> dataFiles, long splitSeed,
      Map<String, Integer> splitSizes, List<String> features, LearnerView learner, List<CandidateView> candidates,
      TrainingView training, DemandView demand, Boolean demandWeightingHelped, int trainingExamples,
      double trainingSeconds, String servingStatistics, MetricsView validation, MetricsView test,
      String tribuoProvenance) {}

  /** The card of a loaded model, every field named. */
  public static ModelCardView card(ModelCard c) {
    TrainingSettings t = c.settings();
    TrainingView training = new TrainingView(t.seed(), t.heldFractions(), t.trainProfiles(), t.evaluationProfiles(),
        t.negativesPerProfile(), t.folds(),
        new TreeMap<>(Map.of("cooccurring", t.pool().cooccurring(), "goalField", t.pool().goalField(),
            "global", t.pool().global(), "neighbourOccupations", t.pool().neighbourOccupations(),
            "neighbours", t.pool().neighbours())),
        new TreeMap<>(Map.of("minOccupations", (double) t.itemWeights().minOccupations(),
            "maxSkills", (double) t.itemWeights().maxSkills(), "lambda", t.itemWeights().lambda())),
        t.bootstrapResamples());
    ModelCard.Demand d = c.demand();
    DemandView demand = new DemandView(d.file(), d.rows(), d.labels(), d.matchRate(), d.occupationsWithDemand(),
        d.jobOffersMatched(), d.unmatchedLabels());
    return new ModelCardView(c.createdAt(), c.escoVersion(), new TreeMap<>(c.dataFiles()), c.splitSeed(),
        new TreeMap<>(c.splitSizes()), c.features(), learner(c.learner()),
        c.candidates().stream().map(k -> new CandidateView(learner(k.learner()), k.validationNdcgAt10(),
            k.trainingSeconds())).toList(),
        training, demand, c.demandWeightingHelped(), c.trainingExamples(), c.trainingSeconds(), c.servingStatistics(),
        metrics(c.validation()), metrics(c.test()), c.tribuoProvenance());
  }

  private static LearnerView learner(LearnerSettings s) {
    return new LearnerView(s.kind(), s.describe(), s.trees(), s.eta(), s.maxDepth(), s.minChildWeight(),
        s.subsample(), s.epochs(), s.demandWeighted());
  }

  private static MetricsView metrics(EvaluationReport r) {
    if (r == null) {
      return null;
    }
    return new MetricsView(r.split(), r.bootstrapResamples(), r.bootstrapSeed(),
        r.scorers().stream().map(ModelViews::scorer).toList(), new TreeMap<>(r.poolRecall()),
        new TreeMap<>(r.bestBaseline()), new TreeMap<>(r.ratioToBestBaseline()), new TreeMap<>(r.intervalsSeparate()));
  }

  private static ScorerView scorer(ScorerResult s) {
    return new ScorerView(s.name(), s.setting(), s.role(), s.fractions().stream().map(ModelViews::fraction).toList());
  }

  private static FractionView fraction(FractionResult f) {
    return new FractionView(f.heldFraction(), f.occupations(), f.profiles(), f.ndcgAt10(), f.recallAt10(), f.mrr(),
        f.ndcgAtK());
  }

  // ---------- next skills ----------

  /** One suggested skill with its evidence. */
  public record NextSkillView(int rank, Views.Ref competency, double value, String goalRelation, long jobOffers,
      int occupations, List<Views.Ref> goesWith) {}

  /** The model's answer to "what should I learn next". */
  public record NextSkillsView(Views.Ref occupation, String goalField, int heldSkills, List<NextSkillView> items,
      String model, long catalogVersion, HoldingsViews.HoldingsView holdings) {}

  /** The model's next skills as the API shows them: ids and labels, never dense indices. */
  public static NextSkillsView nextSkills(Cairn.NextSkills answer, String goalField, String model) {
    Views views = new Views(answer.snapshot());
    List<NextSkillView> items = new java.util.ArrayList<>();
    for (NextSkill s : answer.skills()) {
      items.add(new NextSkillView(items.size() + 1, views.competencyRef(s.competency()), Views.round(s.value()),
          s.goalRelation(), s.jobOffers(), s.occupations(), s.goesWith().stream().map(views::competencyRef).toList()));
    }
    return new NextSkillsView(answer.goalOccupation() < 0 ? null : views.occupationRef(answer.goalOccupation()),
        Views.emptyToNull(goalField), answer.learner().competencies().size(), items, model,
        answer.snapshot().version(), HoldingsViews.of(views, answer.learner().holdings()));
  }
}
