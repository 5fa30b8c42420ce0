package dev.covet.migrations.endpoint;

import dev.covet.migrations.MigrationInfo;

import java.time.Instant;

/**
 * One migration in a report.
 *
 * @param id the migration id ({@code name}, or {@code app:name} outside the default app)
 * @param description its description
 * @param state APPLIED, PENDING, FAILED, MISSING or MODIFIED
 * @param appliedAt when it was applied, or null
 * @param executionMs how long applying took, or null
 * @param appliedBy who applied it, or null
 * @param checksum its checksum
 * @param detail for a failed migration, what ran and what failed; else null
 */
public record MigrationDescriptor(String id, String description, String state, Instant appliedAt, Long executionMs,
                                  String appliedBy, String checksum, String detail) {

    /**
     * The descriptor of a status entry.
     *
     * @param info the entry
     * @return its descriptor
     */
    public static MigrationDescriptor of(MigrationInfo info) {
        return new MigrationDescriptor(info.id().toString(), info.description(), info.state(), info.appliedAt(),
                info.executionMs(), info.appliedBy(), info.checksum(), info.detail());
    }
}
