package dev.covet.migrations.generate;

import dev.covet.migrations.MigrationId;

import java.nio.file.Path;
import java.util.List;

/** What {@link Baseline#adopt} did: adopted the database, or refused and changed nothing. */
public sealed interface BaselineResult {

    /**
     * The database was adopted.
     *
     * @param file the migration written
     * @param id the migration, recorded as applied
     * @param tables the tables it creates (the database's managed tables)
     */
    record Adopted(Path file, MigrationId id, List<String> tables) implements BaselineResult {
        public Adopted {
            tables = List.copyOf(tables);
        }
    }

    /**
     * Nothing was changed.
     *
     * @param reason why
     */
    record Refused(String reason) implements BaselineResult {
    }
}
