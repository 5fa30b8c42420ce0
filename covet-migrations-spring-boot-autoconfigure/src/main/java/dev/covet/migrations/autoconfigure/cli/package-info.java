/**
 * The Spring glue of the {@code covet} commands (which live in core, {@code dev.covet.migrations.cli}): started as
 * {@code java -jar app.jar covet <command>}, the application runs the command and exits with its code.
 */
package dev.covet.migrations.autoconfigure.cli;
