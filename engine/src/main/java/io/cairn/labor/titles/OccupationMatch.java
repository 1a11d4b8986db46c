package io.cairn.labor.titles;

/**
 * One occupation a job title normalizes to.
 *
 * @param occupation the occupation's snapshot index
 * @param score the reranker's score: higher is likelier; comparable within one answer only
 * @param matchedLabel the occupation's ESCO label most like the title (its preferred label when none shares a
 *     character n-gram with it)
 * @param nearestTitle the most similar labelled vacancy title the normalizer learned from that names this
 *     occupation (cleaned), or null when none does
 */
public record OccupationMatch(int occupation, double score, String matchedLabel, String nearestTitle) {}
