package io.cairn.labor.model;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.labor.data.LaborData;
import io.cairn.labor.data.OccupationSkills;
import io.cairn.labor.features.ItemWeights;
import io.cairn.labor.features.SkillStatistics;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A trained skill-value model as saved by {@code cairn train}: the Tribuo model, its card, and what serving needs.
 * Load it once, then {@link #bind} it to each catalog snapshot to rank next skills. Immutable and thread-safe.
 */
public final class SkillValueModel {
  private final LearnedScorer scorer;
  private final ModelCard card;
  private final byte[] itemWeights;
  private final Map<String, Long> jobOffers;

  private SkillValueModel(LearnedScorer scorer, ModelCard card, byte[] itemWeights, Map<String, Long> jobOffers) {
    this.scorer = scorer;
    this.card = card;
    this.itemWeights = itemWeights;
    this.jobOffers = Map.copyOf(jobOffers);
  }

  /**
   * Reads a model file.
   *
   * @throws IllegalArgumentException when the file is not a skill-value model
   * @throws UncheckedIOException when it cannot be read
   */
  public static SkillValueModel load(Path file) {
    ModelBundle.Parts parts = ModelBundle.read(file);
    return new SkillValueModel(parts.scorer(), parts.card(), parts.itemWeights(), parts.jobOffers());
  }

  /**
   * Saves a trained model with its card; {@code data} is every occupation, over which the served item weights
   * are fitted and whose job offers are kept.
   */
  public static SkillValueModel save(Path file, LearnedScorer scorer, ModelCard card, LaborData data) {
    ItemWeights weights = ItemWeights.fit(data.skillCount(), data.occupations(), card.settings().itemWeights());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(bytes))) {
      weights.write(out, s -> data.snapshot().competency(s).iri());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Long> offers = new HashMap<>();
    data.occupations().stream().filter(o -> o.offers() > 0).forEach(o -> offers.put(o.iri(), o.offers()));
    ModelBundle.write(file, scorer, card, bytes.toByteArray(), offers);
    return new SkillValueModel(scorer, card, bytes.toByteArray(), offers);
  }

  /** Provenance and metrics: the model card. */
  public ModelCard card() {
    return card;
  }

  /** The Tribuo model as a scorer of feature matrices (for evaluation). */
  public LearnedScorer scorer() {
    return scorer;
  }

  /**
   * The model over one catalog: statistics counted over every occupation of the snapshot, the saved item
   * weights and job offers mapped to its indices. Takes about a second on full ESCO; cache it per snapshot
   * version.
   */
  public NextSkillRanker bind(CatalogSnapshot snapshot) {
    long[] offers = new long[snapshot.occupations().size()];
    snapshot.occupations().forEach(o -> offers[o.index()] = jobOffers.getOrDefault(o.iri(), 0L));
    LaborData data = LaborData.of(snapshot, new io.cairn.labor.demand.DemandJoin(offers, 0, java.util.List.of()));
    SkillStatistics statistics = new SkillStatistics(data.skillCount(), data.occupations());
    ItemWeights weights;
    try (DataInputStream in = new DataInputStream(ModelBundle.bytes(itemWeights))) {
      weights = ItemWeights.read(in, data.skillCount(),
          iri -> snapshot.findCompetency(iri).map(io.cairn.catalog.Competency::index).orElse(-1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new NextSkillRanker(snapshot, statistics, weights, card.settings().pool(), scorer);
  }

  /** Job offers the model knows for an occupation (0 when none). */
  public long jobOffers(OccupationSkills occupation) {
    return jobOffers.getOrDefault(occupation.iri(), 0L);
  }
}
