package io.cairn.labor.postings;

/**
 * Where a skill was found: {@code field} ({@code title}, {@code text} or {@code skills[i]}) and the UTF-16
 * offsets of the words in that field's value, so that {@code value.substring(start, end)} is {@code text}.
 */
public record Evidence(String field, int start, int end, String text) {}
