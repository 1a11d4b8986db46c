package io.cairn.labor.model;

import io.cairn.labor.eval.EvaluationReport;
import java.util.List;
import java.util.Map;

/**
 * Everything known about how a skill-value model was made and how well it does: saved beside the Tribuo model
 * (which keeps its own provenance, repeated here as text) and served as the model card.
 *
 * @param dataFiles every input file with its SHA-256 (the ESCO archives as the import recorded them, and the
 *     job-offer file)
 * @param splitSizes occupations in train, validation and test
 * @param features the features in model order
 * @param learner the learner the validation split chose, with its hyperparameters
 * @param candidates every learner tried with its validation NDCG@10 (mean over profiles)
 * @param demand the job-offer join: match rate, occupations with demand, labels that matched nothing
 * @param demandWeightingHelped whether demand-weighted learners beat the same learners unweighted on validation
 *     (null when no such pair was tried)
 * @param servingStatistics what the statistics behind served predictions are counted over
 */
public record ModelCard(
    String createdAt,
    String escoVersion,
    Map<String, String> dataFiles,
    long splitSeed,
    Map<String, Integer> splitSizes,
    TrainingSettings settings,
    List<String> features,
    LearnerSettings learner,
    List<Candidate> candidates,
    Demand demand,
    Boolean demandWeightingHelped,
    int trainingExamples,
    double trainingSeconds,
    String servingStatistics,
    EvaluationReport validation,
    EvaluationReport test,
    String tribuoProvenance) {

  public ModelCard {
    dataFiles = Map.copyOf(dataFiles);
    splitSizes = Map.copyOf(splitSizes);
    features = List.copyOf(features);
    candidates = List.copyOf(candidates);
  }

  /** A learner tried, with its validation NDCG@10. */
  public record Candidate(LearnerSettings learner, double validationNdcgAt10, double trainingSeconds) {}

  /** The demand join as it came out. */
  public record Demand(String file, long rows, int labels, double matchRate, int occupationsWithDemand,
      long jobOffersMatched, List<String> unmatchedLabels) {
    public Demand {
      unmatchedLabels = List.copyOf(unmatchedLabels);
    }
  }
}
