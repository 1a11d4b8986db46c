package io.cairn.catalog;

/**
 * A part-to-whole stacking link: the credential holding this link counts toward {@code target}
 * and carries {@code transferCredits} ECTS into it.
 */
public record StackLink(int target, double transferCredits) {}
