package io.cairn.labor.titles.eval;

/**
 * One ranker measured on the validation and the test titles of a split.
 *
 * @param role {@code normalizer} (the learned model), {@code baseline} (what it must beat) or {@code ablation}
 *     (a part of the normalizer alone, to show what each part brings)
 */
public record RankerResult(String name, String role, String description, TitleMetrics validation,
    TitleMetrics test) {}
