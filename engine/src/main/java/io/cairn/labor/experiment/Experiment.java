package io.cairn.labor.experiment;

import io.cairn.labor.data.LaborData;
import io.cairn.labor.data.OccupationSkills;
import io.cairn.labor.eval.Bootstrap;
import io.cairn.labor.eval.EvaluationReport;
import io.cairn.labor.eval.FractionResult;
import io.cairn.labor.eval.Interval;
import io.cairn.labor.eval.ScorerResult;
import io.cairn.labor.features.FeatureExtractor;
import io.cairn.labor.features.FeatureMatrix;
import io.cairn.labor.features.Holdout;
import io.cairn.labor.features.ItemWeights;
import io.cairn.labor.features.SkillStatistics;
import io.cairn.labor.model.LearnedScorer;
import io.cairn.labor.model.LearnerSettings;
import io.cairn.labor.model.ModelCard;
import io.cairn.labor.model.SkillValueTrainer;
import io.cairn.labor.model.TrainingExample;
import io.cairn.labor.model.TrainingSettings;
import io.cairn.labor.profile.Profile;
import io.cairn.labor.profile.ProfileSampler;
import io.cairn.labor.scoring.Baselines;
import io.cairn.labor.scoring.SkillScorer;
import io.cairn.labor.split.GroupSplit;
import io.cairn.catalog.IntSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * One honest run over the data: the seeded split by ISCO unit group, statistics and item weights from the
 * training split only, training profiles with their own unit group held out, every choice (learner, baseline
 * knobs, blend weights) made on the validation split, and the test split measured once at the end.
 */
public final class Experiment {
  private final LaborData data;
  private final TrainingSettings settings;
  private final TrainingProgress progress;
  private final GroupSplit split;
  private final SkillStatistics statistics;
  private final ItemWeights itemWeights;
  private final FeatureExtractor extractor;
  private final Evaluated validation;
  private final Evaluated test;

  /** The profiles of one split with their candidate pools and features. */
  record Evaluated(String name, List<Profile> profiles, List<FeatureMatrix> matrices) {}

  /** A tuned scorer and how it is reported. */
  record Entry(String name, String setting, String role, SkillScorer scorer) {}

  /** What {@link #train} returns: the chosen model and the card that describes it. */
  public record Trained(LearnedScorer scorer, ModelCard card) {}

  /** Prepares the split, the training statistics and the evaluation profiles. */
  public Experiment(LaborData data, TrainingSettings settings, TrainingProgress progress) {
    this.data = data;
    this.settings = settings;
    this.progress = progress;
    this.split = GroupSplit.of(data.occupations(), settings.seed());
    progress.stage(String.format(Locale.ROOT, "split by ISCO unit group (seed %d): %d train, %d validation, %d test occupations",
        settings.seed(), split.train().size(), split.validation().size(), split.test().size()));
    this.statistics = new SkillStatistics(data.skillCount(), split.train());
    progress.stage("learning item-to-item weights (EASE) on the training split ...");
    this.itemWeights = ItemWeights.fit(data.skillCount(), split.train(), settings.itemWeights());
    progress.stage(String.format(Locale.ROOT, "  %d skills in the item-weight vocabulary", itemWeights.vocabularySize()));
    this.extractor = new FeatureExtractor(data.snapshot(), statistics, itemWeights, settings.pool());
    ProfileSampler evaluationSampler = new ProfileSampler(settings.heldFractions(), settings.evaluationProfiles(),
        settings.seed() + 1);
    this.validation = features("validation", evaluationSampler.sample(split.validation()));
    this.test = features("test", evaluationSampler.sample(split.test()));
  }

  public GroupSplit split() {
    return split;
  }

  private Evaluated features(String name, List<Profile> profiles) {
    progress.stage(String.format(Locale.ROOT, "features of %,d %s profiles ...", profiles.size(), name));
    List<FeatureMatrix> matrices = IntStream.range(0, profiles.size()).parallel()
        .mapToObj(i -> extractor.extract(profiles.get(i).held(), profiles.get(i).goalField(), Holdout.NONE,
            IntSet.empty()))
        .toList();
    return new Evaluated(name, profiles, matrices);
  }

  /**
   * Training examples: for each training profile, its pool with features computed without its own unit group
   * (counts) and without its fold of unit groups (item weights); every relevant candidate and a seeded sample of
   * the others.
   */
  public List<TrainingExample> trainingExamples() {
    List<OccupationSkills> train = split.train();
    Map<String, List<OccupationSkills>> byGroup = new HashMap<>();
    train.forEach(o -> byGroup.computeIfAbsent(GroupSplit.groupKey(o), g -> new ArrayList<>()).add(o));
    List<String> groups = new ArrayList<>(new TreeMap<>(byGroup).keySet());
    java.util.Collections.shuffle(groups, new Random(settings.seed() + 2));
    Map<String, Integer> foldOf = new HashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      foldOf.put(groups.get(i), i % settings.folds());
    }
    List<FeatureExtractor> foldExtractors = new ArrayList<>();
    for (int f = 0; f < settings.folds(); f++) {
      progress.stage(String.format(Locale.ROOT, "item weights without fold %d of %d ...", f + 1, settings.folds()));
      final int fold = f;
      List<OccupationSkills> kept = train.stream().filter(o -> foldOf.get(GroupSplit.groupKey(o)) != fold).toList();
      foldExtractors.add(new FeatureExtractor(data.snapshot(), statistics,
          ItemWeights.fit(data.skillCount(), kept, settings.itemWeights()), settings.pool()));
    }
    List<Profile> profiles = new ProfileSampler(settings.heldFractions(), settings.trainProfiles(), settings.seed())
        .sample(train);
    progress.stage(String.format(Locale.ROOT, "features of %,d training profiles (own unit group held out) ...",
        profiles.size()));
    java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
    List<List<TrainingExample>> perProfile = IntStream.range(0, profiles.size()).parallel().mapToObj(i -> {
      Profile p = profiles.get(i);
      String group = GroupSplit.groupKey(p.occupation());
      FeatureMatrix m = foldExtractors.get(foldOf.get(group)).extract(p.held(), p.goalField(),
          Holdout.of(byGroup.get(group)), IntSet.empty());
      List<TrainingExample> examples = sample(p, m, new Random(settings.seed() * 31 + i));
      long n = done.incrementAndGet();
      if (n % 500 == 0 || n == profiles.size()) {
        progress.advance(n, profiles.size());
      }
      return examples;
    }).toList();
    List<TrainingExample> all = new ArrayList<>();
    perProfile.forEach(all::addAll);
    return all;
  }

  private List<TrainingExample> sample(Profile p, FeatureMatrix m, Random random) {
    List<Integer> negatives = new ArrayList<>();
    List<TrainingExample> examples = new ArrayList<>();
    for (int row = 0; row < m.size(); row++) {
      int relevance = p.relevance(m.candidate(row));
      if (relevance > 0) {
        examples.add(example(m, row, relevance, p.occupation().offers()));
      } else {
        negatives.add(row);
      }
    }
    java.util.Collections.shuffle(negatives, random);
    for (int row : negatives.subList(0, Math.min(settings.negativesPerProfile(), negatives.size()))) {
      examples.add(example(m, row, 0, p.occupation().offers()));
    }
    return examples;
  }

  private static TrainingExample example(FeatureMatrix m, int row, int relevance, long offers) {
    double[] features = new double[io.cairn.labor.features.Feature.COUNT];
    for (int f = 0; f < features.length; f++) {
      features[f] = m.get(row, f);
    }
    return new TrainingExample(features, relevance, offers);
  }

  /**
   * Trains every learner of the settings, keeps the one with the best validation NDCG@10, tunes the baselines on
   * validation and measures everything once on test.
   */
  public Trained train(String escoVersion, Map<String, String> dataFiles, ModelCard.Demand demand) {
    long started = System.nanoTime();
    List<TrainingExample> examples = trainingExamples();
    progress.stage(String.format(Locale.ROOT, "%,d training examples", examples.size()));
    SkillValueTrainer trainer = new SkillValueTrainer(settings.seed(), Runtime.getRuntime().availableProcessors());
    List<ModelCard.Candidate> candidates = new ArrayList<>();
    LearnedScorer best = null;
    LearnerSettings bestSettings = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (LearnerSettings learner : settings.learners()) {
      progress.stage("training " + learner.describe() + " ...");
      long t0 = System.nanoTime();
      LearnedScorer scorer = trainer.train(examples, learner);
      double seconds = (System.nanoTime() - t0) / 1e9;
      double score = meanNdcgAt10(validation, scorer);
      progress.stage(String.format(Locale.ROOT, "  %.1f s, validation NDCG@10 %.4f", seconds, score));
      candidates.add(new ModelCard.Candidate(learner, score, seconds));
      if (score > bestScore) {
        bestScore = score;
        best = scorer;
        bestSettings = learner;
      }
    }
    double trainingSeconds = (System.nanoTime() - started) / 1e9;
    progress.stage("chose " + bestSettings.describe());
    Boolean weightingHelped = demandWeightingHelped(candidates);
    String modelName = "learned model (" + bestSettings.kind() + ")";
    List<Entry> tuned = tuneBaselines();
    EvaluationReport validationReport = report(validation, best, modelName, bestSettings.describe(), tuned);
    EvaluationReport testReport = report(test, best, modelName, bestSettings.describe(), tuned);
    Map<String, Integer> sizes = new LinkedHashMap<>();
    sizes.put("train", split.train().size());
    sizes.put("validation", split.validation().size());
    sizes.put("test", split.test().size());
    ModelCard card = new ModelCard(java.time.Instant.now().toString(), escoVersion, dataFiles, settings.seed(), sizes,
        settings, java.util.Arrays.stream(io.cairn.labor.features.Feature.values())
            .map(io.cairn.labor.features.Feature::featureName).toList(),
        bestSettings, candidates, demand, weightingHelped, examples.size(), trainingSeconds,
        "served predictions count co-occurrence, popularity and demand over every occupation of the serving"
            + " catalog, and use item weights fitted on every occupation at training time; the metrics above use"
            + " the training split only",
        validationReport, testReport, best.tribuoProvenance());
    return new Trained(best, card);
  }

  /** Re-measures a saved model: baselines tuned on validation again, then everything on test. */
  public EvaluationReport evaluate(LearnedScorer model, String modelName, String modelSetting) {
    return report(test, model, modelName, modelSetting, tuneBaselines());
  }

  /**
   * Whether weighting examples by demand helped: each demand-weighted learner against the same learner without
   * weights, on validation NDCG@10; null when no such pair was tried. Helped means it won in most pairs.
   */
  private static Boolean demandWeightingHelped(List<ModelCard.Candidate> candidates) {
    int wins = 0;
    int pairs = 0;
    for (ModelCard.Candidate weighted : candidates) {
      if (!weighted.learner().demandWeighted()) {
        continue;
      }
      LearnerSettings twin = new LearnerSettings(weighted.learner().kind(), weighted.learner().trees(),
          weighted.learner().eta(), weighted.learner().maxDepth(), weighted.learner().minChildWeight(),
          weighted.learner().subsample(), weighted.learner().epochs(), false);
      for (ModelCard.Candidate plain : candidates) {
        if (plain.learner().equals(twin)) {
          pairs++;
          wins += weighted.validationNdcgAt10() > plain.validationNdcgAt10() ? 1 : 0;
        }
      }
    }
    return pairs == 0 ? null : wins * 2 > pairs;
  }

  /** Each baseline family at its best validation setting, the best two-family blend, and the reference rankers. */
  List<Entry> tuneBaselines() {
    progress.stage("tuning the baselines on the validation split ...");
    Map<String, Baselines.Named> bestOf = new LinkedHashMap<>();
    Map<String, Double> bestScore = new HashMap<>();
    for (Baselines.Named named : Baselines.candidates(settings.seed())) {
      double score = meanNdcgAt10(validation, named.scorer());
      if (score > bestScore.getOrDefault(named.family(), Double.NEGATIVE_INFINITY)) {
        bestScore.put(named.family(), score);
        bestOf.put(named.family(), named);
      }
    }
    Entry blend = null;
    double blendScore = Double.NEGATIVE_INFINITY;
    List<String> families = Baselines.BLENDED;
    for (int a = 0; a < families.size(); a++) {
      for (int b = a + 1; b < families.size(); b++) {
        Baselines.Named x = bestOf.get(families.get(a));
        Baselines.Named y = bestOf.get(families.get(b));
        for (double w : Baselines.BLEND_WEIGHTS) {
          SkillScorer scorer = Baselines.blend(x.scorer(), y.scorer(), w);
          double score = meanNdcgAt10(validation, scorer);
          if (score > blendScore) {
            blendScore = score;
            blend = new Entry("blend of two", String.format(Locale.ROOT, "%.1f x %s (%s) + %.1f x %s (%s)", 1 - w,
                x.family(), x.setting(), w, y.family(), y.setting()), "baseline", scorer);
          }
        }
      }
    }
    List<Entry> entries = new ArrayList<>();
    bestOf.forEach((family, named) -> entries.add(new Entry(family, named.setting(),
        Baselines.REFERENCE.contains(family) ? "reference" : "baseline", named.scorer())));
    entries.add(blend);
    return entries;
  }

  private double meanNdcgAt10(Evaluated split, SkillScorer scorer) {
    return IntStream.range(0, split.profiles().size()).parallel().mapToDouble(i -> {
      Profile p = split.profiles().get(i);
      FeatureMatrix m = split.matrices().get(i);
      return io.cairn.labor.eval.RankingMetrics.ndcg(Ranking.rankedRelevance(p, m, scorer.score(m)),
          p.idealRelevances(), 10);
    }).average().orElse(0);
  }

  private EvaluationReport report(Evaluated split, LearnedScorer model, String modelName, String modelSetting,
      List<Entry> baselines) {
    progress.stage("measuring on the " + split.name() + " split ...");
    Bootstrap bootstrap = new Bootstrap(settings.bootstrapResamples(), settings.seed() + 3);
    List<Entry> entries = new ArrayList<>();
    entries.add(new Entry(modelName, modelSetting, "model", model));
    entries.addAll(baselines);
    List<ScorerResult> results = new ArrayList<>();
    for (Entry e : entries) {
      List<Measured> measured = IntStream.range(0, split.profiles().size()).parallel().mapToObj(i -> {
        Profile p = split.profiles().get(i);
        FeatureMatrix m = split.matrices().get(i);
        return Measured.of(Ranking.rankedRelevance(p, m, e.scorer().score(m)), p.idealRelevances());
      }).toList();
      List<FractionResult> fractions = new ArrayList<>();
      for (double fraction : settings.heldFractions()) {
        fractions.add(aggregate(split.profiles(), measured, fraction, bootstrap));
      }
      results.add(new ScorerResult(e.name(), e.setting(), e.role(), fractions));
    }
    Map<String, Double> poolRecall = new TreeMap<>();
    Map<String, String> bestBaseline = new TreeMap<>();
    Map<String, Double> ratio = new TreeMap<>();
    Map<String, Boolean> separate = new TreeMap<>();
    for (int f = 0; f < settings.heldFractions().size(); f++) {
      String key = fractionKey(settings.heldFractions().get(f));
      poolRecall.put(key, poolRecall(split, settings.heldFractions().get(f)));
      final int fi = f;
      ScorerResult best = results.stream().filter(r -> r.role().equals("baseline"))
          .max(java.util.Comparator.comparingDouble(r -> r.fractions().get(fi).ndcgAt10().mean())).orElseThrow();
      Interval mine = results.get(0).fractions().get(f).ndcgAt10();
      Interval theirs = best.fractions().get(f).ndcgAt10();
      bestBaseline.put(key, best.name());
      ratio.put(key, theirs.mean() == 0 ? 0 : mine.mean() / theirs.mean());
      separate.put(key, mine.low() > theirs.high());
    }
    return new EvaluationReport(split.name(), bootstrap.resamples(), bootstrap.seed(), results, poolRecall,
        bestBaseline, ratio, separate);
  }

  /** The held fraction as the reports key it ({@code 0.2}). */
  public static String fractionKey(double fraction) {
    return String.format(Locale.ROOT, "%.1f", fraction);
  }

  private static FractionResult aggregate(List<Profile> profiles, List<Measured> measured, double fraction,
      Bootstrap bootstrap) {
    Map<Integer, List<Measured>> byOccupation = new TreeMap<>();
    int count = 0;
    for (int i = 0; i < profiles.size(); i++) {
      if (profiles.get(i).heldFraction() == fraction) {
        byOccupation.computeIfAbsent(profiles.get(i).occupation().index(), k -> new ArrayList<>()).add(measured.get(i));
        count++;
      }
    }
    int n = byOccupation.size();
    double[][] ndcg = new double[Measured.MAX_K][n];
    double[] recall = new double[n];
    double[] rr = new double[n];
    int o = 0;
    for (List<Measured> list : byOccupation.values()) {
      for (Measured m : list) {
        for (int k = 0; k < Measured.MAX_K; k++) {
          ndcg[k][o] += m.ndcgAtK()[k] / list.size();
        }
        recall[o] += m.recallAt10() / list.size();
        rr[o] += m.reciprocalRank() / list.size();
      }
      o++;
    }
    List<Interval> ndcgIntervals = new ArrayList<>();
    for (double[] values : ndcg) {
      ndcgIntervals.add(bootstrap.interval(values));
    }
    return new FractionResult(fraction, n, count, ndcgIntervals, bootstrap.interval(recall), bootstrap.interval(rr));
  }

  private static double poolRecall(Evaluated split, double fraction) {
    long relevant = 0;
    long pooled = 0;
    for (int i = 0; i < split.profiles().size(); i++) {
      Profile p = split.profiles().get(i);
      if (p.heldFraction() != fraction) {
        continue;
      }
      relevant += p.idealRelevances().length;
      FeatureMatrix m = split.matrices().get(i);
      for (int row = 0; row < m.size(); row++) {
        pooled += p.relevance(m.candidate(row)) > 0 ? 1 : 0;
      }
    }
    return relevant == 0 ? 0 : (double) pooled / relevant;
  }
}
