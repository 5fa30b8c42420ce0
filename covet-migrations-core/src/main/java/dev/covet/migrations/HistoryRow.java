package dev.covet.migrations;


import java.time.Instant;

/**
 * One row of {@code covet_migrations}.
 *
 * @param id the migration
 * @param checksum checksum of the file when applied
 * @param description what it does
 * @param appliedAt when it was applied (or attempted)
 * @param executionMs how long it took
 * @param appliedBy who applied it
 * @param state {@link #APPLIED}, {@link #RUNNING} or {@link #FAILED}
 * @param statementsDone how many of its statements completed (meaningful for RUNNING/FAILED on MySQL)
 * @param detail what ran and what failed, for FAILED rows
 */
public record HistoryRow(MigrationId id, String checksum, String description, Instant appliedAt, long executionMs,
                         String appliedBy, String state, int statementsDone, String detail) {

    /** Applied completely. */
    public static final String APPLIED = "APPLIED";
    /** Started and not finished: the process died part-way (only possible where DDL is not transactional). */
    public static final String RUNNING = "RUNNING";
    /** Failed part-way and could not be undone completely. */
    public static final String FAILED = "FAILED";

    public boolean isApplied() {
        return APPLIED.equals(state);
    }
}
