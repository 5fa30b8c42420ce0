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
     * @param objects the other objects it creates with RUN_SQL ({@code view rated}, {@code trigger t on film})
     * @param notCaptured what the database holds that the file does not create, each with why
     *        ({@code aggregate total(numeric): ...})
     */
    record Adopted(Path file, MigrationId id, List<String> tables, List<String> objects, List<String> notCaptured)
            implements BaselineResult {
        public Adopted {
            tables = List.copyOf(tables);
            objects = List.copyOf(objects);
            notCaptured = List.copyOf(notCaptured);
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
