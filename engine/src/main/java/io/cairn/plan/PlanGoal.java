package io.cairn.plan;

/**
 * The goal as the planner understood it.
 *
 * @param kind {@code occupation}, {@code pathway} or {@code competencies}
 * @param destination for a pathway: the id of the destination planned to (the nearest one reached, when asked
 *     for the nearest), else null
 * @param destinationCredential the credential that destination awards, or -1
 * @param reach the share of the essential skills (or listed competencies) asked for; 1 for a pathway
 * @param total the essential skills (or listed competencies, or a pathway destination's requirement nodes)
 * @param held how many of them the learner already meets
 * @param required how many more the plan must meet
 */
public record PlanGoal(String kind, String id, String label, String destination, int destinationCredential,
    double reach, int total, int held, int required) {}
