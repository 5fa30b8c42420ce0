package dev.covet.migrations;

import java.time.Duration;
import java.util.List;

/**
 * A migration that was applied or rolled back, or (in a dry run) would be.
 *
 * @param id the migration
 * @param description its description
 * @param direction applied (UP) or rolled back (DOWN)
 * @param sql the statements executed, in order ({@code RUN_JAVA} steps appear as comments)
 * @param duration how long it took (zero in a dry run)
 */
public record ExecutedMigration(MigrationId id, String description, Direction direction, List<String> sql, Duration duration) {
    public ExecutedMigration {
        sql = List.copyOf(sql);
    }
}
