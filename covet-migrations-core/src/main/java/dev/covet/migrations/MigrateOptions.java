package dev.covet.migrations;

/**
 * How to migrate.
 *
 * @param target stop once this migration is applied ({@code null}: apply everything pending)
 * @param dryRun plan and render the SQL without changing anything
 */
public record MigrateOptions(MigrationId target, boolean dryRun) {

    /** Apply everything pending. */
    public static MigrateOptions all() {
        return new MigrateOptions(null, false);
    }

    /** Apply up to and including the target. */
    public static MigrateOptions toTarget(MigrationId target) {
        return new MigrateOptions(target, false);
    }

    /** The same, as a dry run. */
    public MigrateOptions asDryRun() {
        return new MigrateOptions(target, true);
    }
}
