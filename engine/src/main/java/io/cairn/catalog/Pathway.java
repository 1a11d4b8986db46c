package io.cairn.catalog;

import java.util.List;

/**
 * A pathway (CTDL {@code ceterms:Pathway}) with one or more destinations.
 *
 * @param goalOccupation occupation the pathway prepares for, or -1
 */
public record Pathway(
    int index, String iri, String id, String name, String description, List<Destination> destinations,
    int goalOccupation) {
  public Pathway {
    destinations = List.copyOf(destinations);
  }
}
