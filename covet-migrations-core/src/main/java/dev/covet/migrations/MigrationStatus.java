package dev.covet.migrations;

import java.util.List;

/**
 * Where the database stands against the migration files.
 *
 * @param dialect the database dialect
 * @param applied applied migrations, in order of application
 * @param pending migrations not applied yet, in the order they would run
 * @param failed migrations whose last attempt failed part-way (MySQL), with what ran
 * @param missing applied migrations whose files are gone
 * @param modified applied migrations whose files changed after they were applied
 */
public record MigrationStatus(String dialect, List<MigrationInfo> applied, List<MigrationInfo> pending,
                              List<MigrationInfo> failed, List<MigrationInfo> missing, List<MigrationInfo> modified) {
    public MigrationStatus {
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
        failed = List.copyOf(failed);
        missing = List.copyOf(missing);
        modified = List.copyOf(modified);
    }
}
