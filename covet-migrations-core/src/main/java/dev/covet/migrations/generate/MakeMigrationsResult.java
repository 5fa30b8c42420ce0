package dev.covet.migrations.generate;

import dev.covet.migrations.Migration;
import dev.covet.migrations.diff.RenameStats;
import dev.covet.migrations.operation.Operation;

import java.nio.file.Path;
import java.util.List;

/**
 * What makemigrations did.
 *
 * @param file the file written, or {@code null} when the model matches the migrations ("No changes detected")
 * @param migration the generated migration, or {@code null}
 * @param operations its operations (empty when nothing changed)
 * @param renames rename detection statistics
 */
public record MakeMigrationsResult(Path file, Migration migration, List<Operation> operations, RenameStats renames) {
    public MakeMigrationsResult {
        operations = List.copyOf(operations);
    }

    /** Whether a migration was written. */
    public boolean changed() {
        return file != null;
    }
}
