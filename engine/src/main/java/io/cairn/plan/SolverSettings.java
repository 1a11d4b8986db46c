package io.cairn.plan;

import java.time.Duration;

/** The solver's settings: its time budget per request, its threads, and whether it runs at all. */
record SolverSettings(Duration timeLimit, int workers, boolean enabled) {}
