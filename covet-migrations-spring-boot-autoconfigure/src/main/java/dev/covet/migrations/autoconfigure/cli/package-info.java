/**
 * The {@code covet} commands, run inside the user's application: {@code java -jar app.jar covet <command>}.
 */
package dev.covet.migrations.autoconfigure.cli;
