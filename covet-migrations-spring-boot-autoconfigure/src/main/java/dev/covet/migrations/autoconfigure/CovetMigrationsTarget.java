package dev.covet.migrations.autoconfigure;

import dev.covet.migrations.dialect.Dialect;

import javax.sql.DataSource;

/**
 * The database migrations run against: the DataSource (the application's, or a separate one for DDL) and its
 * dialect, resolved once and shared by the runner, the audit log and the commands.
 *
 * @param dataSource where migrations run
 * @param dialect its dialect
 */
public record CovetMigrationsTarget(DataSource dataSource, Dialect dialect) {
}
