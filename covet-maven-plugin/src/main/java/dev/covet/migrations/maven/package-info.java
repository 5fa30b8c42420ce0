/**
 * The {@code covet-maven-plugin}: the {@code covet} commands as Maven goals ({@code mvn covet:makemigrations},
 * {@code covet:migrate}, {@code covet:status}, {@code covet:validate}, {@code covet:rollback},
 * {@code covet:sqlmigrate}), run against the project's compiled classes and {@code application.*} without starting
 * the application. The commands themselves are core's ({@code dev.covet.migrations.cli}); Covet is built from the
 * configuration by the auto-configure module's {@code StandaloneCovetMigrations}.
 */
package dev.covet.migrations.maven;
