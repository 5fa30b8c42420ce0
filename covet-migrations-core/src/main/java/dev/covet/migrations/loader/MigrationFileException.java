package dev.covet.migrations.loader;

import dev.covet.migrations.MigrationException;
import dev.covet.migrations.Printable;

/**
 * A migration file is invalid. The message starts with the file and the field ({@code operations[2].column.type}),
 * so the user knows exactly what to fix.
 */
public class MigrationFileException extends MigrationException {

    private final String file;
    private final String field;

    public MigrationFileException(String file, String field, String problem) {
        super(message(file, field, problem));
        this.file = file;
        this.field = field;
    }

    public MigrationFileException(String file, String field, String problem, Throwable cause) {
        super(message(file, field, problem), cause);
        this.file = file;
        this.field = field;
    }

    /** One line: what the file says is quoted in problems, and its control characters must not reach a terminal raw. */
    private static String message(String file, String field, String problem) {
        return Printable.line(file + (field == null || field.isEmpty() ? "" : ": " + field) + ": " + problem);
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
