package dev.covet.migrations.internal;

/**
 * The logger categories Covet logs under. They are the names of the public classes users know (and configure
 * logging for), kept as names so that the internals log under them without depending on those classes.
 */
public final class LogNames {

    /** Migrations applied, rolled back, resumed: {@code dev.covet.migrations.MigrationRunner}. */
    public static final String RUNNER = "dev.covet.migrations.MigrationRunner";

    /** Backups taken and restored: {@code dev.covet.migrations.safety.BackupStore}. */
    public static final String BACKUPS = "dev.covet.migrations.safety.BackupStore";

    private LogNames() {
    }
}
