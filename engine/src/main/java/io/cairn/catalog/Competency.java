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
 * @param hiddenLabels ESCO's hidden labels: misspellings and shorthand people search with, never shown
 * @param collections ESCO collections it belongs to
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
    String demandSource,
    List<String> hiddenLabels,
    java.util.Set<EscoCollection> collections) {

  public Competency {
    altLabels = List.copyOf(altLabels);
    hiddenLabels = List.copyOf(hiddenLabels);
    collections = collections.isEmpty() ? java.util.Set.of() : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(collections));
  }

  /** A competency with no hidden labels and in no collection. */
  public Competency(int index, String iri, String id, String label, List<String> altLabels, String skillType,
      String reuseLevel, double demandIndex, long postingCount, String demandSource) {
    this(index, iri, id, label, altLabels, skillType, reuseLevel, demandIndex, postingCount, demandSource, List.of(),
        java.util.Set.of());
  }
}
