package io.cairn.catalog;

/**
 * An ESCO occupation with the competencies it needs.
 *
 * @param iscoGroup the ISCO-08 code of its group (e.g. {@code 2511}), or empty
 * @param essential dense indices of its essential competencies
 * @param optional dense indices of its optional competencies
 */
public record Occupation(
    int index, String iri, String id, String label, String iscoGroup, IntSet essential, IntSet optional) {}
