package dev.covet.migrations;

import java.time.Instant;

/**
 * One migration in a status report.
 *
 * @param id the migration
 * @param description its description ("" when only the history knows it)
 * @param checksum checksum recorded at apply time, or of the file when pending
 * @param appliedAt when it was applied, or {@code null}
 * @param executionMs how long applying took, or {@code null}
 * @param appliedBy who applied it, or {@code null}
 * @param state APPLIED, PENDING, FAILED, MISSING (applied but its file is gone) or MODIFIED (file changed since)
 * @param detail for FAILED: what ran and what failed; else {@code null}
 */
public record MigrationInfo(MigrationId id, String description, String checksum, Instant appliedAt,
                            Long executionMs, String appliedBy, String state, String detail) {
}
