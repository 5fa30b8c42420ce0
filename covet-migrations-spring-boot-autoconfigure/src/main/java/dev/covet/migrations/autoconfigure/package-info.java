/**
 * Auto-configuration for Covet Migrations: the {@link dev.covet.migrations.MigrationRunner}, startup
 * migration ordered before JPA and JDBC users, and the hooks users replace or extend.
 */
package dev.covet.migrations.autoconfigure;
