package io.cairn.search;

import io.cairn.catalog.EscoCollection;
import java.util.Optional;

/**
 * A label search: the text, whether it is type-ahead (the last word may be unfinished), and filters.
 *
 * @param iscoGroup occupations under this ISCO-08 group (any level: "2", "25", "251" or "2512")
 */
public record SearchRequest(
    String text,
    boolean suggest,
    Optional<String> skillType,
    Optional<String> reuseLevel,
    Optional<EscoCollection> collection,
    Optional<String> iscoGroup) {

  public static SearchRequest of(String text) {
    return new SearchRequest(text, false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public SearchRequest suggesting() {
    return new SearchRequest(text, true, skillType, reuseLevel, collection, iscoGroup);
  }
}
