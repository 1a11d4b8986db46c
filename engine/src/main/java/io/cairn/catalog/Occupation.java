package io.cairn.catalog;

import java.util.List;

/**
 * An ESCO occupation with the competencies it needs.
 *
 * @param iscoGroup the ISCO-08 code of its group (e.g. {@code 2511}), or empty
 * @param essential dense indices of its essential competencies
 * @param optional dense indices of its optional competencies
 * @param altLabels other names ESCO gives it
 * @param hiddenLabels names people search with that ESCO does not show
 */
public record Occupation(
    int index, String iri, String id, String label, String iscoGroup, IntSet essential, IntSet optional,
    List<String> altLabels, List<String> hiddenLabels) {

  public Occupation {
    altLabels = List.copyOf(altLabels);
    hiddenLabels = List.copyOf(hiddenLabels);
  }

  /** An occupation known by its preferred label only. */
  public Occupation(int index, String iri, String id, String label, String iscoGroup, IntSet essential,
      IntSet optional) {
    this(index, iri, id, label, iscoGroup, essential, optional, List.of(), List.of());
  }
}
