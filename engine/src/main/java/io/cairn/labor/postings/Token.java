package io.cairn.labor.postings;

/**
 * A word of a text and where it is: {@code text.substring(start, end)} is the word as written, {@code key} is how
 * it is compared (lower case, accents off, singular).
 */
record Token(String key, int start, int end) {}
