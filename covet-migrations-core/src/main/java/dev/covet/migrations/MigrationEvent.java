package dev.covet.migrations;

import java.time.Duration;
import java.util.List;

/**
 * Progress of one migration, given to {@link MigrationListener}s.
 *
 * @param id the migration
 * @param direction applying or rolling back
 * @param index its position in this run, from 1
 * @param total how many migrations this run executes
 * @param duration elapsed time (zero at start)
 * @param sql statements executed so far
 * @param affectedRows rows changed by its statements (as the driver reports them)
 * @param error the failure, or {@code null}
 */
public record MigrationEvent(MigrationId id, Direction direction, int index, int total, Duration duration,
                             List<String> sql, long affectedRows, Throwable error) {
}
