package dev.covet.migrations.internal.loader;

import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationId;

/**
 * One migration file found in a location: its id and checksum are known without parsing it, so an
 * ordinary start (nothing pending) never parses files.
 */
public interface MigrationSource {

    /** The migration's id (app from the file's {@code app:} key, name from the file name). */
    MigrationId id();

    /** Checksum of the normalized content. */
    String checksum();

    /** Where the file is, for messages ({@code classpath:db/migrations/0001_x.yaml} or a path). */
    String location();

    /**
     * Parses the file.
     *
     * @throws dev.covet.migrations.MigrationException naming the file and field when the content is invalid
     */
    Migration parse();
}
