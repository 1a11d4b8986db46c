package io.cairn.search;

/**
 * One competency or occupation found, with the label that matched best.
 *
 * @param index the snapshot index of the competency or occupation
 * @param labelKind {@code preferred}, {@code alternative} or {@code hidden}
 */
public record SearchHit(int index, String matchedLabel, String labelKind, double score) {}
