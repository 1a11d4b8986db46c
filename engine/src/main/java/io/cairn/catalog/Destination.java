package io.cairn.catalog;

/**
 * A destination of a pathway: what it awards and the requirement tree that leads there.
 *
 * @param credential the credential it awards, or -1
 * @param offRamp true for an exit that awards something short of the pathway's final goal
 */
public record Destination(
    String iri, String id, String name, int credential, boolean offRamp, Requirement requirement) {}
