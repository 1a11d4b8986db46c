package io.cairn.graph;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;

/**
 * Runs a query over the union of the store's graphs, the fastest way the store offers: TDB2 evaluates a
 * union-default-graph query on its quad indexes, where a union graph view would look every pattern up graph by
 * graph. Only valid inside the read transaction that created it.
 */
@FunctionalInterface
interface Sparql {
  QueryExecution execute(Query query);
}
