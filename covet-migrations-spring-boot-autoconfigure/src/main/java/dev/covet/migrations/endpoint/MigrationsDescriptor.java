package dev.covet.migrations.endpoint;

import dev.covet.migrations.MigrationInfo;
import dev.covet.migrations.MigrationStatus;
import dev.covet.migrations.drift.DriftReport;

import java.util.List;

/**
 * Where the database stands: the body of {@code GET /actuator/migrations}.
 *
 * @param dialect the database dialect
 * @param applied applied migrations, in order of application
 * @param pending migrations not applied yet, in the order they would run
 * @param failed migrations whose last attempt failed
 * @param missing applied migrations whose files are gone
 * @param modified applied migrations whose files changed since
 * @param lock who holds the migration lock, or "free"
 * @param drift where the live database differs from what the applied migrations project, or {@code null} when
 *        it could not be read
 */
public record MigrationsDescriptor(String dialect, List<MigrationDescriptor> applied, List<MigrationDescriptor> pending,
                                   List<MigrationDescriptor> failed, List<MigrationDescriptor> missing,
                                   List<MigrationDescriptor> modified, String lock, DriftReport drift) {

    /**
     * The descriptor of a status.
     *
     * @param status the status
     * @param lock the lock state
     * @return the descriptor
     */
    public static MigrationsDescriptor of(MigrationStatus status, String lock) {
        return of(status, lock, null);
    }

    /**
     * The descriptor of a status, with the drift check.
     *
     * @param status the status
     * @param lock the lock state
     * @param drift the drift check, or null
     * @return the descriptor
     */
    public static MigrationsDescriptor of(MigrationStatus status, String lock, DriftReport drift) {
        return new MigrationsDescriptor(status.dialect(), map(status.applied()), map(status.pending()),
                map(status.failed()), map(status.missing()), map(status.modified()), lock, drift);
    }

    private static List<MigrationDescriptor> map(List<MigrationInfo> infos) {
        return infos.stream().map(MigrationDescriptor::of).toList();
    }
}
