package dev.covet.migrations.loader;

import dev.covet.migrations.MigrationException;

/**
 * A migration file is invalid. The message starts with the file and the field ({@code operations[2].column.type}),
 * so the user knows exactly what to fix.
 */
public class MigrationFileException extends MigrationException {

    private final String file;
    private final String field;

    public MigrationFileException(String file, String field, String problem) {
        super(file + (field == null || field.isEmpty() ? "" : ": " + field) + ": " + problem);
        this.file = file;
        this.field = field;
    }

    public MigrationFileException(String file, String field, String problem, Throwable cause) {
        super(file + (field == null || field.isEmpty() ? "" : ": " + field) + ": " + problem, cause);
        this.file = file;
        this.field = field;
    }

    /** The file, as a location ({@code classpath:db/migrations/0001_x.yaml} or a path). */
    public String file() {
        return file;
    }

    /** The field path inside the file, or {@code null} for whole-file problems. */
    public String field() {
        return field;
    }
}
