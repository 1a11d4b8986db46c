package io.cairn.audit;

import io.cairn.catalog.IntSet;

/**
 * A requirement whose status the best fit changed compared with the greedy pass, because holdings were assigned
 * elsewhere. Only the highest such node of a branch is listed (its ancestors did not change).
 *
 * @param greedy its status under the greedy assignment
 * @param bestFit its status under the best fit
 * @param credentials the held credentials that moved into its subtree (when it gained) or out of it (when it lost)
 * @param text one sentence, e.g. "Advanced modules reads SATISFIED (greedy: PARTIAL) by assigning Data Mining to
 *     it instead of as partial credit toward Certificate in Data Analytics"
 */
public record Reassignment(String requirementId, String requirementName, Status greedy, Status bestFit,
    IntSet credentials, String text) {}
