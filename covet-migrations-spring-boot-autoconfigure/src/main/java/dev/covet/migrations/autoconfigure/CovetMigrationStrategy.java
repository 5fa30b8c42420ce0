package dev.covet.migrations.autoconfigure;

import dev.covet.migrations.MigrationRunner;

/**
 * Decides when and how startup migration runs, replacing the default (migrate everything pending, or up to
 * {@code covet.migrations.target}). Define a bean of this type to, for example, validate first or migrate only
 * on one node.
 */
@FunctionalInterface
public interface CovetMigrationStrategy {

    /**
     * Runs startup migration.
     *
     * @param runner the configured runner
     */
    void migrate(MigrationRunner runner);
}
