package dev.covet.migrations.internal.loader;

import java.util.Locale;
import java.util.Optional;

/** The file formats a migration can be written in, by extension. */
public enum FileFormat {
    YAML, JSON, SQL;

    /** The format of a file name's extension, if it is a migration format. */
    public static Optional<FileFormat> ofFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return Optional.of(YAML);
        }
        if (lower.endsWith(".json")) {
            return Optional.of(JSON);
        }
        if (lower.endsWith(".sql")) {
            return Optional.of(SQL);
        }
        return Optional.empty();
    }

    /** The file name without its extension: the migration's name. */
    public static String stripExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }
}
