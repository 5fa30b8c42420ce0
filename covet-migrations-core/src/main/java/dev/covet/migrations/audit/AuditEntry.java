package dev.covet.migrations.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One audited execution or rollback of a migration.
 *
 * @param id row id, increasing
 * @param migration the migration id ({@code app:name} or {@code name})
 * @param direction {@code UP} or {@code DOWN}
 * @param executor who ran it
 * @param environment where (a profile, a stage)
 * @param metadata free JSON text (ticket, approver), or {@code null}
 * @param startedAt when it started
 * @param finishedAt when it ended, or {@code null} while running (or when the process died)
 * @param status {@code RUNNING}, {@code SUCCESS}, {@code FAILED}, {@code INTERRUPTED} (its process died; closed
 *               by the next run, with what is known of what ran), or {@code REPAIRED} (a history row changed by
 *               {@code covet repair}, what changed in {@code sqlExecuted}; direction {@code UP})
 * @param duration how long it took, or {@code null} while running
 * @param affectedRows rows changed, as drivers report them
 * @param sqlExecuted the statements executed
 * @param error the error message of a failure, or {@code null}
 * @param hash the row's hash, chained to the previous row's
 */
public record AuditEntry(long id, String migration, String direction, String executor, String environment,
                         String metadata, Instant startedAt, Instant finishedAt, String status, Duration duration,
                         long affectedRows, List<String> sqlExecuted, String error, String hash) {

    public static final String RUNNING = "RUNNING";
    public static final String SUCCESS = "SUCCESS";
    public static final String FAILED = "FAILED";
    public static final String INTERRUPTED = "INTERRUPTED";
    public static final String REPAIRED = "REPAIRED";

    public AuditEntry {
        sqlExecuted = sqlExecuted == null ? List.of() : List.copyOf(sqlExecuted);
    }

    /** Whether it records a repair of the history rather than an execution. */
    public boolean isRepair() {
        return REPAIRED.equals(status);
    }

    /** Whether it was a rollback. */
    public boolean isRollback() {
        return "DOWN".equals(direction);
    }
}
