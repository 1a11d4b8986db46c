package io.cairn.gaps.inflation;

import io.cairn.catalog.IntSet;

/**
 * One reason to think a credential dilutes what a badge means, said in a sentence, with what shows it.
 *
 * @param text the reason as a sentence a designer reads
 * @param credentials credentials that are evidence (the cheaper coverer, the near-duplicates)
 * @param competencies skills that are evidence (the skills no demanded occupation needs)
 */
public record InflationSignal(Kind kind, String text, IntSet credentials, IntSet competencies) {

  /** The signals. */
  public enum Kind {
    /** One cheaper or shorter credential teaches all its skills. */
    COVERED_BY_CHEAPER("covered-by-cheaper"),
    /** None of its skills is needed by an occupation with job offers. */
    NO_DEMAND("no-demand"),
    /** It stacks into nothing, nothing stacks into it, and no pathway names it. */
    STACKS_INTO_NOTHING("stacks-into-nothing"),
    /** Its issuer's credentials are mostly near-duplicates of each other, and it is one of them. */
    ISSUER_NEAR_DUPLICATES("issuer-near-duplicates");

    private final String apiName;

    Kind(String apiName) {
      this.apiName = apiName;
    }

    /** The word the API and the CLI use. */
    public String apiName() {
      return apiName;
    }

    /** The kind called {@code name} (its API word), if any. */
    public static java.util.Optional<Kind> byApiName(String name) {
      for (Kind k : values()) {
        if (k.apiName.equals(name)) {
          return java.util.Optional.of(k);
        }
      }
      return java.util.Optional.empty();
    }
  }
}
