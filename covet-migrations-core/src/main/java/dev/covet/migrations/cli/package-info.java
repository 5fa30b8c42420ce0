/**
 * The {@code covet} commands, free of Spring: parsing ({@link dev.covet.migrations.cli.CommandLineParser}), the
 * commands ({@link dev.covet.migrations.cli.CovetCommands}), output and exit codes. Each command parses its
 * arguments, calls one core service and prints; a launcher (the Spring Boot starter's
 * {@code CovetCommandRunner}, a build plugin) builds them with {@link dev.covet.migrations.cli.CommandSettings} and
 * runs them through {@link dev.covet.migrations.cli.CovetCommandDispatcher}.
 */
package dev.covet.migrations.cli;
