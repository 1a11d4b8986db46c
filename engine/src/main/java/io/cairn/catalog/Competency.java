package io.cairn.catalog;

import java.util.List;

/**
 * A competency (an ESCO skill or knowledge concept) at dense index {@code index}.
 *
 * @param skillType ESCO skill type's last segment ({@code skill}, {@code knowledge}), or empty
 * @param reuseLevel ESCO reuse level's last segment ({@code transversal}, {@code cross-sector}, ...), or empty
 * @param demandIndex relative labor-market demand in [0, 1]; 0 where no figure is known
 * @param postingCount postings naming this competency; 0 where unknown
 * @param demandSource IRI of the dataset the demand figures come from, or empty
 */
public record Competency(
    int index,
    String iri,
    String id,
    String label,
    List<String> altLabels,
    String skillType,
    String reuseLevel,
    double demandIndex,
    long postingCount,
    String demandSource) {

  public Competency {
    altLabels = List.copyOf(altLabels);
  }
}
