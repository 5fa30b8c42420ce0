package dev.covet.migrations.internal.loader;

/**
 * A file found in a location, before it is recognised as a migration.
 *
 * @param fileName the file's own name ({@code 0001_init.yaml})
 * @param location where it is, for messages
 * @param bytes its content
 */
record RawFile(String fileName, String location, byte[] bytes) {
}
