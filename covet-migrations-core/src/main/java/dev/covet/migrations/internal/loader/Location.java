package dev.covet.migrations.internal.loader;

import dev.covet.migrations.MigrationException;

import java.util.Locale;

/**
 * A place migrations are read from: {@code classpath:db/migrations} (the default form when no prefix is given)
 * or {@code filesystem:/path/to/dir}.
 *
 * @param kind classpath or filesystem
 * @param path the resource directory (classpath, no leading '/') or the directory path (filesystem)
 * @param text the location as configured, for messages
 */
public record Location(Kind kind, String path, String text) {

    /** Where the files are looked up. */
    public enum Kind { CLASSPATH, FILESYSTEM }

    /**
     * Parses a configured location.
     *
     * @throws MigrationException when it is empty or its classpath part climbs with {@code ..}
     */
    public static Location parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            throw new MigrationException("empty migration location: use classpath:db/migrations or filesystem:/some/dir");
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("filesystem:")) {
            String path = trimmed.substring("filesystem:".length());
            if (path.isBlank()) {
                throw new MigrationException("migration location '" + text + "' has no directory");
            }
            return new Location(Kind.FILESYSTEM, path, trimmed);
        }
        String path = lower.startsWith("classpath:") ? trimmed.substring("classpath:".length()) : trimmed;
        path = path.replace('\\', '/');
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new MigrationException("migration location '" + text + "' must not contain '.' or '..' segments");
            }
        }
        return new Location(Kind.CLASSPATH, path, "classpath:" + path);
    }
}
